// Config for the dev-only Prisma 6 CLI; diffing for PostgreSQL needs a reachable server (DIFF_PG_URL).
import { PrismaPg } from '@prisma/adapter-pg'

const config = {
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return new PrismaPg({
      connectionString: process.env.DIFF_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    })
  },
}

export default config
