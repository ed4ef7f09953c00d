// Retention policies: rows ↔ DTOs (JSON arrays stored as String).
import type { Prisma } from '../../generated/sqlite/client'
import { RETENTION_ACTIONS, type RetentionAction, type RetentionPolicyDto } from '../domain/retention'
import { db } from './client'

type Row = Prisma.RetentionPolicyGetPayload<object>

const list = (s: string): string[] => {
  try {
    const v: unknown = JSON.parse(s)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

const isAction = (a: string): a is RetentionAction => (RETENTION_ACTIONS as readonly string[]).includes(a)

function toDto(r: Row): RetentionPolicyDto {
  return {
    id: r.id,
    name: r.name,
    tags: list(r.tags),
    siteIds: list(r.siteIds),
    keepLast: r.keepLast,
    keepDays: r.keepDays,
    keepWeekly: r.keepWeekly,
    keepMonthly: r.keepMonthly,
    // An unknown action (never written by us) is read as the milder one.
    action: isAction(r.action) ? r.action : 'delete_files',
    includeForeign: r.includeForeign,
    enabled: r.enabled,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

export interface PolicyWrite {
  name?: string
  tags?: string[]
  siteIds?: string[]
  keepLast?: number | null
  keepDays?: number | null
  keepWeekly?: number | null
  keepMonthly?: number | null
  action?: RetentionAction
  includeForeign?: boolean
  enabled?: boolean
}

function data(w: PolicyWrite): Prisma.RetentionPolicyUpdateInput {
  const out: Prisma.RetentionPolicyUpdateInput = {}
  if (w.name !== undefined) out.name = w.name
  if (w.tags !== undefined) out.tags = JSON.stringify(w.tags)
  if (w.siteIds !== undefined) out.siteIds = JSON.stringify(w.siteIds)
  if (w.keepLast !== undefined) out.keepLast = w.keepLast
  if (w.keepDays !== undefined) out.keepDays = w.keepDays
  if (w.keepWeekly !== undefined) out.keepWeekly = w.keepWeekly
  if (w.keepMonthly !== undefined) out.keepMonthly = w.keepMonthly
  if (w.action !== undefined) out.action = w.action
  if (w.includeForeign !== undefined) out.includeForeign = w.includeForeign
  if (w.enabled !== undefined) out.enabled = w.enabled
  return out
}

export async function listPolicyRows(opts: { enabledOnly?: boolean } = {}): Promise<RetentionPolicyDto[]> {
  const rows = await db().retentionPolicy.findMany({
    where: opts.enabledOnly ? { enabled: true } : {},
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  })
  return rows.map(toDto)
}

export async function findPolicyRow(id: string): Promise<RetentionPolicyDto | null> {
  const r = await db().retentionPolicy.findUnique({ where: { id } })
  return r ? toDto(r) : null
}

export async function insertPolicy(w: PolicyWrite & { name: string }): Promise<RetentionPolicyDto> {
  const d = data(w) as Prisma.RetentionPolicyCreateInput
  return toDto(await db().retentionPolicy.create({ data: { ...d, name: w.name } }))
}

/** Null when the policy does not exist. */
export async function updatePolicyRow(id: string, w: PolicyWrite): Promise<RetentionPolicyDto | null> {
  const n = await db().retentionPolicy.updateMany({
    where: { id },
    data: data(w) as Prisma.RetentionPolicyUpdateManyMutationInput,
  })
  return n.count === 1 ? findPolicyRow(id) : null
}

export async function deletePolicyRow(id: string): Promise<boolean> {
  return (await db().retentionPolicy.deleteMany({ where: { id } })).count === 1
}
