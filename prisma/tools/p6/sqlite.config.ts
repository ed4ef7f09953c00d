// Config for the dev-only Prisma 6 CLI (its WASM schema engine runs offline) to author migration SQL.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'

const config = {
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return new PrismaBetterSqlite3({ url: ':memory:' })
  },
}

export default config
