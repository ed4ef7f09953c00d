// Retention policies as the API sees them: validated, audited writes. Which policies cover a site is
// the alert channels' scope rule (given sites, sites with given tags, or all sites).
import { AppError, notFound } from '../api/errors'
import { recordAudit } from '../db/audit'
import { deletePolicyRow, findPolicyRow, insertPolicy, listPolicyRows, updatePolicyRow } from '../db/retention-policies'
import {
  keepsSomething,
  NO_KEEP_RULE,
  type CreateRetentionPolicyInput,
  type RetentionPolicyDto,
  type UpdateRetentionPolicyInput,
} from '../domain/retention'
import { inScope } from '../notify/routing'

export { inScope }

/** The policies among `policies` that cover a site. */
export function policiesFor(
  policies: RetentionPolicyDto[],
  site: { id: string; tags: string[] },
): RetentionPolicyDto[] {
  return policies.filter((p) => inScope(p, site))
}

export function listPolicies(opts: { enabledOnly?: boolean } = {}): Promise<RetentionPolicyDto[]> {
  return listPolicyRows(opts)
}

export async function getPolicy(id: string): Promise<RetentionPolicyDto> {
  const p = await findPolicyRow(id)
  if (!p) throw notFound('retention policy', id)
  return p
}

const uniq = (xs: string[] | undefined) => (xs ? [...new Set(xs)] : undefined)

export async function createPolicy(input: CreateRetentionPolicyInput): Promise<RetentionPolicyDto> {
  const p = await insertPolicy({
    name: input.name,
    tags: uniq(input.tags) ?? [],
    siteIds: uniq(input.siteIds) ?? [],
    keepLast: input.keepLast ?? null,
    keepDays: input.keepDays ?? null,
    keepWeekly: input.keepWeekly ?? null,
    keepMonthly: input.keepMonthly ?? null,
    action: input.action ?? 'delete_files',
    includeForeign: input.includeForeign ?? false,
    enabled: input.enabled ?? true,
  })
  await recordAudit('retention_policy.created', { details: { policyId: p.id, ...withoutTimes(p) } })
  return p
}

export async function updatePolicy(id: string, input: UpdateRetentionPolicyInput): Promise<RetentionPolicyDto> {
  const current = await getPolicy(id)
  const merged = { ...current, ...input }
  if (!keepsSomething(merged))
    throw new AppError('validation_failed', `keepLast: ${NO_KEEP_RULE}`, { field: 'keepLast' })
  const p = await updatePolicyRow(id, { ...input, tags: uniq(input.tags), siteIds: uniq(input.siteIds) })
  if (!p) throw notFound('retention policy', id)
  await recordAudit('retention_policy.updated', {
    details: { policyId: id, name: p.name, changed: Object.keys(input), before: withoutTimes(current) },
  })
  return p
}

export async function deletePolicy(id: string): Promise<{ deleted: true }> {
  const current = await getPolicy(id)
  if (!(await deletePolicyRow(id))) throw notFound('retention policy', id)
  await recordAudit('retention_policy.deleted', { details: { policyId: id, ...withoutTimes(current) } })
  return { deleted: true }
}

function withoutTimes(p: RetentionPolicyDto) {
  const { createdAt: _c, updatedAt: _u, id: _i, ...rest } = p
  return rest
}
