// API tokens for scripts and monitoring: `Authorization: Bearer <token>`. The token is shown once;
// only its SHA-256 is stored, with a short prefix to recognise it in the list.
import { createHash, randomBytes } from 'node:crypto'
import { AppError, notFound } from '../api/errors'
import {
  findApiTokenByHash,
  insertApiToken,
  listApiTokenRows,
  revokeApiTokenRow,
  touchApiToken,
  type ApiTokenRow,
} from '../db/api-tokens'
import { recordAudit } from '../db/audit'
import { isRole, type Role } from '../domain/roles'

export interface ApiTokenDto {
  id: string
  name: string
  role: Role
  prefix: string
  createdBy: string | null
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
  /** active, expired or revoked */
  state: 'active' | 'expired' | 'revoked'
}

const TOKEN_PREFIX = 'sw_'
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

function toDto(t: ApiTokenRow, now = new Date()): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    role: isRole(t.role) ? t.role : 'viewer',
    prefix: t.prefix,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    state: t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt <= now ? 'expired' : 'active',
  }
}

export async function listApiTokens(): Promise<ApiTokenDto[]> {
  return (await listApiTokenRows()).map((t) => toDto(t))
}

/** Makes a token; the plain token is in the result once and never stored. */
export async function createApiToken(
  input: { name: string; role: Role; expiresAt?: Date | null },
  by: string | null,
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  if (input.role === 'owner')
    throw new AppError('validation_failed', 'role: a token can be admin, operator or viewer', { field: 'role' })
  if (input.expiresAt && input.expiresAt <= new Date())
    throw new AppError('validation_failed', 'expiresAt: must be in the future', { field: 'expiresAt' })
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const row = await insertApiToken({
    name: input.name.trim(),
    role: input.role,
    tokenHash: hashOf(token),
    prefix: token.slice(0, 10),
    createdBy: by,
    expiresAt: input.expiresAt ?? null,
  })
  await recordAudit('token.created', {
    actor: by,
    details: { tokenId: row.id, name: row.name, role: row.role, expiresAt: row.expiresAt?.toISOString() ?? null },
  })
  return { token, apiToken: toDto(row) }
}

export async function revokeApiToken(id: string, by: string): Promise<ApiTokenDto> {
  const row = await revokeApiTokenRow(id, new Date())
  if (!row) throw notFound('active token', id)
  await recordAudit('token.revoked', { actor: by, details: { tokenId: id, name: row.name } })
  return toDto(row)
}

// lastUsedAt is written at most once a minute per token: monitoring may call every few seconds.
const TOUCH_EVERY_MS = 60_000

/** The token's row when it is valid now (not revoked, not expired); records its use. */
export async function verifyApiToken(token: string, now = new Date()): Promise<ApiTokenDto | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
  const row = await findApiTokenByHash(hashOf(token))
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchApiToken(row.id, now)
  return toDto(row, now)
}
