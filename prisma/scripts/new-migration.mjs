// Writes prisma/migrations/<provider>/<NNNN_name>/migration.sql for both providers by diffing the
// current schema against the last snapshot, using the dev-only Prisma 6 CLI (offline WASM engine).
// Usage: npm run migration:new -- <name>
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import os from 'node:os'

const root = path.resolve(import.meta.dirname, '../..')
const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: npm run migration:new -- <snake_case_name>')
const stub = path.join(root, 'prisma/tools/no-schema-engine')
const cli = path.join(root, 'node_modules/prisma6/build/index.js')
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: stub,
  PRISMA_QUERY_ENGINE_LIBRARY: stub,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
}
const tmp = path.join(os.tmpdir(), `stepwise-mig-${process.pid}`)
mkdirSync(tmp, { recursive: true })

const source = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8')
for (const provider of ['sqlite', 'postgresql']) {
  const dir = path.join(root, 'prisma/migrations', provider)
  mkdirSync(dir, { recursive: true })
  // Prisma 6 wants a url in the datasource; the diff itself never connects to it for schema→schema.
  const schema = source.replace(
    'provider = "sqlite"',
    `provider = "${provider}"\n  url      = "${provider === 'sqlite' ? 'file:./x.db' : 'postgresql://x@localhost/x'}"`,
  )
  const current = path.join(tmp, `${provider}.prisma`)
  writeFileSync(current, schema)
  const snapshot = path.join(dir, 'schema.snapshot.prisma')
  const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty']
  const sql = execFileSync(
    process.execPath,
    [
      cli,
      'migrate',
      'diff',
      '--config',
      path.join(root, `prisma/tools/p6/${provider}.config.ts`),
      ...from,
      '--to-schema-datamodel',
      current,
      '--script',
    ],
    { cwd: root, env, encoding: 'utf8' },
  )
  if (/This is an empty migration/.test(sql)) {
    console.log(`${provider}: no changes`)
    continue
  }
  const n = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).length + 1
  const out = path.join(dir, `${String(n).padStart(4, '0')}_${name}`)
  mkdirSync(out)
  writeFileSync(path.join(out, 'migration.sql'), sql)
  writeFileSync(snapshot, schema)
  if (!existsSync(path.join(dir, 'migration_lock.toml')))
    writeFileSync(path.join(dir, 'migration_lock.toml'), `provider = "${provider}"\n`)
  console.log(`${provider}: wrote ${path.relative(root, out)}/migration.sql`)
}
rmSync(tmp, { recursive: true, force: true })
