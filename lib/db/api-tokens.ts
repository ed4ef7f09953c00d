// API tokens: only a hash of each token is stored (lib/auth/api-tokens.ts makes and checks them).
import { db } from './client'

export interface ApiTokenRow {
  id: string
  name: string
  role: string
  prefix: string
  createdBy: string | null
  createdAt: Date
  expiresAt: Date | null
  lastUsedAt: Date | null
  revokedAt: Date | null
}

const select = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  createdBy: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const

export async function insertApiToken(t: {
  name: string
  role: string
  tokenHash: string
  prefix: string
  createdBy: string | null
  expiresAt: Date | null
}): Promise<ApiTokenRow> {
  return db().apiToken.create({ data: t, select })
}

export async function findApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | null> {
  return db().apiToken.findUnique({ where: { tokenHash }, select })
}

export async function listApiTokenRows(): Promise<ApiTokenRow[]> {
  return db().apiToken.findMany({ select, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
}

export async function touchApiToken(id: string, at: Date): Promise<void> {
  await db().apiToken.updateMany({ where: { id }, data: { lastUsedAt: at } })
}

export async function revokeApiTokenRow(id: string, at: Date): Promise<ApiTokenRow | null> {
  const n = await db().apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } })
  if (n.count !== 1) return null
  return db().apiToken.findUnique({ where: { id }, select })
}
