'use client'

import { ShieldCheck, ShieldOff, UserCheck, UserX } from 'lucide-react'
import { useState } from 'react'
import type { UserDto } from '@/lib/auth/users'
import { ASSIGNABLE_ROLES, ROLE_LABELS, ROLES, type Role } from '@/lib/domain/roles'
import { useMe } from '@/components/auth/me-provider'
import { FormError } from '@/components/auth/auth-card'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { DataTable, type Column } from '@/components/ui/data-table'
import { Select } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { RelativeTime } from '@/components/ui/time'
import { AddUserDialog } from './add-user-dialog'
import { ROLE_HINTS } from './role-hints'
import { UserSessionsDialog } from './user-sessions-dialog'
import { useResetTwoFactor, useUpdateUser, useUsers } from './use-users'
import { StaleBanner } from '@/components/ui/stale-banner'

export function UsersView({ initial }: { initial: UserDto[] }) {
  const me = useMe()
  const usersQuery = useUsers(initial)
  const users = usersQuery.data ?? []
  const update = useUpdateUser()
  const reset2fa = useResetTwoFactor()
  const [error, setError] = useState<string | null>(null)

  async function change(u: UserDto, patch: { role?: Role; disabled?: boolean }) {
    setError(null)
    try {
      await update.mutateAsync({ id: u.id, ...patch })
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      setError(`${u.name}: ${message}`)
      throw err
    }
  }

  const columns: Column<UserDto>[] = [
    {
      key: 'name',
      header: 'User',
      sortValue: (u) => u.name,
      cell: (u) => (
        <div className="min-w-0">
          <p className="flex items-center gap-2 font-medium text-slate-900">
            {u.name}
            {u.id === me?.id && (
              <Badge size="sm" tone="idle">
                You
              </Badge>
            )}
          </p>
          <p className="truncate text-[13px] text-slate-600">{u.email}</p>
        </div>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      sortValue: (u) => ROLES.indexOf(u.role),
      cell: (u) => {
        const self = u.id === me?.id
        const ownerOnly = (u.role === 'owner' && me?.role !== 'owner') || self
        if (ownerOnly)
          return <span title={self ? 'Ask another admin to change your role' : undefined}>{ROLE_LABELS[u.role]}</span>
        const options = me?.role === 'owner' ? ROLES : ASSIGNABLE_ROLES
        return (
          <Select
            aria-label={`Role of ${u.name}`}
            value={u.role}
            disabled={update.isPending}
            title={ROLE_HINTS[u.role]}
            onChange={(e) => void change(u, { role: e.target.value as Role }).catch(() => undefined)}
            className="h-8 w-32 min-w-32"
          >
            {options.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        )
      },
    },
    {
      key: 'twoFactor',
      header: 'Two-step',
      sortValue: (u) => u.twoFactorEnabled,
      hideBelow: 'md',
      cell: (u) =>
        u.twoFactorEnabled ? (
          <Badge size="sm" tone="ok" icon={ShieldCheck}>
            On
          </Badge>
        ) : (
          <span className="text-[13px] text-slate-500">Off</span>
        ),
    },
    {
      key: 'state',
      header: 'State',
      sortValue: (u) => u.disabled,
      hideBelow: 'sm',
      cell: (u) =>
        u.disabled ? (
          <Badge size="sm" tone="bad" icon={UserX}>
            Disabled
          </Badge>
        ) : (
          <Badge size="sm" tone="ok" icon={UserCheck}>
            Active
          </Badge>
        ),
    },
    {
      key: 'created',
      header: 'Added',
      sortValue: (u) => u.createdAt,
      hideBelow: 'lg',
      cell: (u) => <RelativeTime date={u.createdAt} />,
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      align: 'right',
      cell: (u) => (
        <span className="inline-flex items-center justify-end gap-1">
          <UserSessionsDialog user={u} />
          {u.twoFactorEnabled && u.id !== me?.id && (
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="ghost" icon={ShieldOff}>
                  Reset two-step
                </Button>
              }
              title={`Turn off two-step sign-in for ${u.name}?`}
              description={`For a lost phone and lost backup codes: ${u.email} is signed out everywhere and signs in with the password alone until they turn two-step sign-in on again.`}
              confirmLabel="Turn off two-step sign-in"
              onConfirm={() => reset2fa.mutateAsync(u.id)}
            />
          )}
          {u.id !== me?.id &&
            (u.disabled ? (
              <ConfirmDialog
                tone="primary"
                trigger={
                  <Button size="sm" variant="ghost" icon={UserCheck}>
                    Enable
                  </Button>
                }
                title={`Enable ${u.name}?`}
                description={`${u.email} can sign in again with their password, as ${ROLE_LABELS[u.role]}.`}
                confirmLabel={`Enable ${u.name}`}
                onConfirm={() => change(u, { disabled: false })}
              />
            ) : (
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="ghost" icon={UserX} className="text-red-700 hover:bg-red-50">
                    Disable
                  </Button>
                }
                title={`Disable ${u.name}?`}
                description={`${u.email} is signed out everywhere and cannot sign in until an admin enables them again. Their name stays in the audit trail.`}
                confirmLabel={`Disable ${u.name}`}
                onConfirm={() => change(u, { disabled: true })}
              />
            ))}
        </span>
      ),
    },
  ]

  return (
    <>
      <StaleBanner query={usersQuery} what="users" className="mb-4" />
      <PageHeader
        title="Users"
        description="Who can sign in, and what their role lets them do."
        actions={<AddUserDialog />}
      />
      {error && (
        <div className="mb-4">
          <FormError>{error}</FormError>
        </div>
      )}
      <Card className="overflow-hidden">
        <DataTable
          caption="Users"
          rows={users}
          columns={columns}
          rowKey={(u) => u.id}
          initialSort={{ key: 'name', dir: 'asc' }}
          maxHeight={null}
        />
      </Card>
      <dl className="mt-6 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {ROLES.map((r) => (
          <div key={r} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="font-medium text-slate-900">{ROLE_LABELS[r]}</dt>
            <dd className="mt-0.5 text-[13px] text-slate-600">{ROLE_HINTS[r]}</dd>
          </div>
        ))}
      </dl>
    </>
  )
}
