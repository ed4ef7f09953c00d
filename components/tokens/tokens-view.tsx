'use client'

import { Ban, KeyRound } from 'lucide-react'
import type { ApiTokenDto } from '@/lib/auth/api-tokens'
import { ROLE_LABELS } from '@/lib/domain/roles'
import { Badge, type Tone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { DataTable, type Column } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { RelativeTime } from '@/components/ui/time'
import { CreateTokenDialog } from './create-token-dialog'
import { useRevokeToken, useTokens } from './use-tokens'

const STATE: Record<ApiTokenDto['state'], { label: string; tone: Tone }> = {
  active: { label: 'Active', tone: 'ok' },
  expired: { label: 'Expired', tone: 'warn' },
  revoked: { label: 'Revoked', tone: 'idle' },
}

export function TokensView({ initial }: { initial: ApiTokenDto[] }) {
  const tokens = useTokens(initial).data ?? []
  const revoke = useRevokeToken()

  const columns: Column<ApiTokenDto>[] = [
    {
      key: 'state',
      header: 'State',
      sortValue: (t) => t.state,
      cell: (t) => (
        <Badge size="sm" tone={STATE[t.state].tone}>
          {STATE[t.state].label}
        </Badge>
      ),
    },
    {
      key: 'name',
      header: 'Name',
      sortValue: (t) => t.name,
      cell: (t) => (
        <div className="min-w-0">
          <p className="font-medium text-slate-900">{t.name}</p>
          <p className="font-mono text-xs text-slate-500">{t.prefix}…</p>
        </div>
      ),
    },
    { key: 'role', header: 'Role', sortValue: (t) => t.role, cell: (t) => ROLE_LABELS[t.role] },
    {
      key: 'createdBy',
      header: 'Created',
      sortValue: (t) => t.createdAt,
      hideBelow: 'md',
      cell: (t) => (
        <span className="text-[13px]">
          <RelativeTime date={t.createdAt} />
          {t.createdBy && <span className="block text-slate-500">by {t.createdBy}</span>}
        </span>
      ),
    },
    {
      key: 'expires',
      header: 'Expires',
      sortValue: (t) => t.expiresAt,
      hideBelow: 'lg',
      cell: (t) => (t.expiresAt ? <RelativeTime date={t.expiresAt} /> : <span className="text-slate-500">Never</span>),
    },
    {
      key: 'used',
      header: 'Last used',
      sortValue: (t) => t.lastUsedAt,
      hideBelow: 'sm',
      cell: (t) => <RelativeTime date={t.lastUsedAt} fallback="Never" />,
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      align: 'right',
      cell: (t) =>
        t.state === 'revoked' ? null : (
          <ConfirmDialog
            trigger={
              <Button
                size="sm"
                variant="ghost"
                icon={Ban}
                className="text-red-700 hover:bg-red-50"
                aria-label={`Revoke ${t.name}`}
              >
                Revoke
              </Button>
            }
            title={`Revoke “${t.name}”?`}
            description={`Scripts using the token ${t.prefix}… get 401 from now on. This cannot be undone; create a new token if you need one again.`}
            confirmLabel={`Revoke ${t.name}`}
            onConfirm={() => revoke.mutateAsync(t.id)}
          />
        ),
    },
  ]

  return (
    <>
      <PageHeader
        title="API tokens"
        description="For scripts and monitoring. A token acts with its role; Stepwise keeps only a fingerprint of it."
        actions={<CreateTokenDialog />}
      />
      {tokens.length === 0 ? (
        <EmptyState
          icon={KeyRound}
          title="No API tokens yet"
          description="Create one for a monitoring check or a deploy script: it calls the same API as this dashboard."
        />
      ) : (
        <Card className="overflow-hidden">
          <DataTable
            caption="API tokens"
            rows={tokens}
            columns={columns}
            rowKey={(t) => t.id}
            initialSort={{ key: 'state', dir: 'asc' }}
            maxHeight={null}
          />
        </Card>
      )}
    </>
  )
}
