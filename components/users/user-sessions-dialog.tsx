'use client'

import { LogOut, MonitorSmartphone } from 'lucide-react'
import { useState } from 'react'
import type { UserDto } from '@/lib/auth/users'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { RelativeTime } from '@/components/ui/time'
import { Spinner } from '@/components/ui/spinner'
import { FormDialog } from '@/components/sites/form-dialog'
import { FormError } from '@/components/auth/auth-card'
import { useRevokeSessions, useUserSessions } from './use-users'

/** A readable browser name from a user agent ("Chrome on Linux"); the raw string is on hover. */
function browserOf(ua: string | null): string {
  if (!ua) return 'Unknown browser'
  const b = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : /curl\//.test(ua)
            ? 'curl'
            : ua.split(/[\s/]/)[0] || 'Unknown browser'
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null
  return os ? `${b} on ${os}` : b
}

export function UserSessionsDialog({ user }: { user: UserDto }) {
  const [open, setOpen] = useState(false)
  const sessions = useUserSessions(user.id, open)
  const revoke = useRevokeSessions(user.id)
  const list = sessions.data ?? []
  return (
    <>
      <Button size="sm" variant="ghost" icon={MonitorSmartphone} onClick={() => setOpen(true)}>
        Sessions
      </Button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title={`Sessions of ${user.name}`}
        description="Each browser where they are signed in. Ending a session signs that browser out."
      >
        {sessions.isPending ? (
          <div className="flex justify-center py-6">
            <Spinner className="size-5 text-slate-400" />
          </div>
        ) : sessions.error ? (
          <FormError>{sessions.error.message}</FormError>
        ) : list.length === 0 ? (
          <p className="py-4 text-center text-sm text-slate-600">Not signed in anywhere.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Sessions">
            {list.map((s) => (
              <li key={s.id} className="flex items-start justify-between gap-3 py-3">
                <div className="min-w-0 text-sm">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    <span title={s.userAgent ?? undefined}>{browserOf(s.userAgent)}</span>
                    {s.current && (
                      <Badge size="sm" tone="ok">
                        This session
                      </Badge>
                    )}
                  </p>
                  <p className="mt-0.5 text-[13px] text-slate-600">
                    {s.ipAddress ?? 'IP unknown'} · active <RelativeTime date={s.lastActiveAt} /> · signed in{' '}
                    <RelativeTime date={s.createdAt} />
                  </p>
                </div>
                <Button
                  size="sm"
                  variant="secondary"
                  busy={revoke.isPending && revoke.variables === s.id}
                  onClick={() => revoke.mutate(s.id)}
                  aria-label={`End session ${browserOf(s.userAgent)} from ${s.ipAddress ?? 'unknown IP'}`}
                >
                  End
                </Button>
              </li>
            ))}
          </ul>
        )}
        {revoke.error && <FormError>{revoke.error.message}</FormError>}
        {list.length > 0 && (
          <div className="mt-4 flex justify-end border-t border-slate-200 pt-4">
            <ConfirmDialog
              trigger={
                <Button variant="danger" icon={LogOut}>
                  Sign out everywhere
                </Button>
              }
              title={`Sign ${user.name} out everywhere?`}
              description={`Ends all ${list.length} session${list.length === 1 ? '' : 's'} of ${user.email}. They can sign in again with their password.`}
              confirmLabel="Sign out everywhere"
              onConfirm={() => revoke.mutateAsync(undefined)}
            />
          </div>
        )}
      </FormDialog>
    </>
  )
}
