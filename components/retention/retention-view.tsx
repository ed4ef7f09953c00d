'use client'

import { useMemo, useState } from 'react'
import { ChevronDown, ChevronUp, Eraser, Pencil, Plus, ShieldCheck, Trash2 } from 'lucide-react'
import type { RetentionPolicyDto } from '@/lib/domain/retention'
import type { SiteDto } from '@/lib/domain/sites'
import { useCan } from '@/components/auth/me-provider'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { StaleBanner } from '@/components/ui/stale-banner'
import { Spinner } from '@/components/ui/spinner'
import { PolicyDialog } from './policy-dialog'
import { RetentionOutcome } from './retention-lists'
import { ACTION_SHORT, rulesText, scopeText } from './retention-labels'
import { useDeletePolicy, usePolicies, usePolicyPreview } from './use-retention'

/** The rules no policy can override (lib/retention/select.ts), said once on the page. */
export function SafetyRules() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
      <summary className="flex cursor-pointer items-center gap-2 font-medium text-slate-900">
        <ShieldCheck aria-hidden="true" className="size-4 text-ok-fg" /> Safety rules no policy can override
      </summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>The newest complete backup with files of each site is never removed.</li>
        <li>
          Running, pending and frozen backups are never touched, nor a failed one newer than the last good backup.
        </li>
        <li>Only backups Stepwise made are touched, unless a policy includes the others.</li>
        <li>Nothing is removed on a site whose backup list could not be read fresh in that pass.</li>
        <li>A site matched by several policies keeps what any of them keeps.</li>
        <li>A site that refuses deletes is marked, alerted once and not asked again on every sweep.</li>
      </ul>
    </details>
  )
}

function PolicyPreview({ id }: { id: string }) {
  const q = usePolicyPreview(id)
  if (q.isPending)
    return (
      <p className="flex items-center gap-2 text-sm text-slate-600">
        <Spinner /> Computing what this policy keeps…
      </p>
    )
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-bad-fg">
        Could not compute the preview: {q.error.message}
      </p>
    )
  return <RetentionOutcome preview={q.data} showSite />
}

function PolicyCard({ policy, sites }: { policy: RetentionPolicyDto; sites: SiteDto[] }) {
  const [preview, setPreview] = useState(false)
  const [confirm, setConfirm] = useState(false)
  const isAdmin = useCan('admin')
  const del = useDeletePolicy()
  const names = useMemo(() => new Map(sites.map((s) => [s.id, s.name])), [sites])
  return (
    <li>
      <Card className="flex flex-col">
        <div className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start">
          <div className="min-w-0 flex-1">
            <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold break-words text-slate-900">
              {policy.name}
              {!policy.enabled && <Badge size="sm">Disabled</Badge>}
              <Badge size="sm" tone={policy.action === 'delete_records' ? 'warn' : 'idle'} icon={Eraser}>
                {ACTION_SHORT[policy.action]}
              </Badge>
              {policy.includeForeign && <Badge size="sm">also backups not made by Stepwise</Badge>}
            </h3>
            <p className="mt-1 text-sm text-slate-700">{rulesText(policy)}.</p>
            <p className="text-sm text-slate-600">Applies to: {scopeText(policy, (id) => names.get(id))}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              icon={preview ? ChevronUp : ChevronDown}
              aria-expanded={preview}
              onClick={() => setPreview(!preview)}
            >
              Preview
            </Button>
            {isAdmin && (
              <>
                <PolicyDialog
                  policy={policy}
                  sites={sites}
                  trigger={(open) => (
                    <Button size="sm" icon={Pencil} onClick={open} aria-label={`Edit ${policy.name}`}>
                      Edit
                    </Button>
                  )}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  icon={Trash2}
                  onClick={() => setConfirm(true)}
                  aria-label={`Delete ${policy.name}`}
                />
              </>
            )}
          </div>
        </div>
        {preview && (
          <div className="border-t border-slate-200 p-4" aria-label={`Preview of ${policy.name}`} role="region">
            <PolicyPreview id={policy.id} />
          </div>
        )}
      </Card>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={`Delete the policy “${policy.name}”?`}
        description="Its sites keep every backup from now on unless another policy covers them. Nothing is removed on the sites by deleting a policy."
        confirmLabel="Delete policy"
        onConfirm={() => del.mutateAsync(policy.id)}
      />
    </li>
  )
}

export function RetentionView({ initialPolicies, sites }: { initialPolicies: RetentionPolicyDto[]; sites: SiteDto[] }) {
  const policiesQuery = usePolicies(initialPolicies)
  const policies = policiesQuery.data
  const isAdmin = useCan('admin')
  const add = isAdmin && (
    <PolicyDialog
      sites={sites}
      trigger={(open) => (
        <Button variant="primary" icon={Plus} onClick={open}>
          Add policy
        </Button>
      )}
    />
  )
  return (
    <>
      <PageHeader
        title="Retention"
        description="Which backups each site keeps. The rest are removed on the site after each successful backup and in the daily sweep, through the same audited delete as by hand."
        actions={add}
      />
      <StaleBanner query={policiesQuery} what="policies" className="mb-4" />
      <div className="flex flex-col gap-4">
        <SafetyRules />
        {policies.length === 0 ? (
          <EmptyState
            icon={Eraser}
            title="No retention policy yet"
            description="Without a policy every backup stays on the sites until someone deletes it. Add one, e.g. keep the last 7 and one a week for 4 weeks, and read its preview before it runs."
          />
        ) : (
          <ul aria-label="Retention policies" className="flex flex-col gap-3">
            {policies.map((p) => (
              <PolicyCard key={p.id} policy={p} sites={sites} />
            ))}
          </ul>
        )}
      </div>
    </>
  )
}
