// Derives the PostgreSQL schema from the SQLite one and generates both Prisma clients.
// Runs offline: Prisma 7's CLI would download a schema-engine binary; generate doesn't need it.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const src = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8')
const pg = src
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output   = "../generated/sqlite"', 'output   = "../../generated/pg"')
if (pg === src) throw new Error('generate: could not derive the PostgreSQL schema')
mkdirSync(path.join(root, 'prisma/pg'), { recursive: true })
const header = '// GENERATED from prisma/schema.prisma by prisma/scripts/generate.mjs: do not edit.\n'
writeFileSync(path.join(root, 'prisma/pg/schema.prisma'), header + pg)

const cli = path.join(root, 'node_modules/prisma/build/index.js')
if (!existsSync(cli)) throw new Error('generate: prisma CLI missing; run npm install')
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, 'prisma/tools/no-schema-engine'),
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
}
for (const config of ['prisma.config.ts', 'prisma.pg.config.ts']) {
  execFileSync(process.execPath, [cli, 'generate', '--config', config], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
console.log('prisma: generated clients for sqlite and postgresql')
