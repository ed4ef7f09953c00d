// better-auth's storage: its Prisma adapter over our one client (its tables are in prisma/schema.prisma).
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { config } from '../config'
import { db } from './client'

export function authDatabase() {
  return prismaAdapter(db(), { provider: config().databaseKind === 'postgresql' ? 'postgresql' : 'sqlite' })
}
