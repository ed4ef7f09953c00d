'use client'

import { KeyRound, Plus, TriangleAlert } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError } from '@/lib/api/client-fetch'
import { ASSIGNABLE_ROLES, ROLE_LABELS } from '@/lib/domain/roles'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { FormDialog } from '@/components/sites/form-dialog'
import { FormError } from '@/components/auth/auth-card'
import { ROLE_HINTS } from '@/components/users/role-hints'
import { CopyButton } from './copy-button'
import { useCreateToken } from './use-tokens'

type Role = (typeof ASSIGNABLE_ROLES)[number]
type Errors = Partial<Record<'name' | 'role' | 'expiresAt' | 'form', string>>

/** Create a token; the answer holds the token once, so it is shown once with a copy button. */
export function CreateTokenDialog() {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('viewer')
  const [expires, setExpires] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [made, setMade] = useState<{ token: string; name: string } | null>(null)
  const create = useCreateToken()

  function close() {
    setOpen(false)
    setMade(null)
    setName('')
    setRole('viewer')
    setExpires('')
    setErrors({})
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    const errs: Errors = {}
    if (!name.trim()) errs.name = 'Name it after what uses it, e.g. "Uptime monitor".'
    const at = expires ? new Date(`${expires}T23:59:59`) : null
    if (at && at.getTime() <= Date.now()) errs.expiresAt = 'Pick a day in the future.'
    setErrors(errs)
    if (Object.keys(errs).length) return
    try {
      const r = await create.mutateAsync({ name: name.trim(), role, ...(at ? { expiresAt: at.toISOString() } : {}) })
      setMade({ token: r.token, name: r.apiToken.name })
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined
      const message = err instanceof Error ? err.message.replace(/^\w+: /, '') : String(err)
      setErrors(field && ['name', 'role', 'expiresAt'].includes(field) ? { [field]: message } : { form: message })
    }
  }

  return (
    <>
      <Button variant="primary" icon={Plus} onClick={() => setOpen(true)}>
        Create token
      </Button>
      <FormDialog
        open={open}
        onOpenChange={(o) => (o ? setOpen(true) : close())}
        busy={create.isPending}
        title={made ? `Token “${made.name}” created` : 'Create an API token'}
        description={
          made
            ? undefined
            : 'For scripts and monitoring: send it as "Authorization: Bearer <token>". It acts with the role you give it.'
        }
      >
        {made ? (
          <div className="flex flex-col gap-4">
            <p className="flex items-start gap-2 rounded-md border border-amber-200 bg-warn-bg px-3 py-2 text-sm text-warn-fg">
              <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              Copy it now: this is the only time Stepwise shows it. Only its fingerprint is stored.
            </p>
            <div>
              <p className="mb-1.5 text-sm font-medium text-slate-800" id="new-token-label">
                Your new token
              </p>
              <code
                aria-labelledby="new-token-label"
                data-testid="new-token"
                className="block rounded-md bg-slate-900 px-3 py-2.5 font-mono text-[13px] break-all text-white select-all"
              >
                {made.token}
              </code>
            </div>
            <pre className="overflow-x-auto rounded-md bg-slate-50 px-3 py-2 font-mono text-xs text-slate-700 ring-1 ring-slate-200">
              {`curl -H "Authorization: Bearer ${made.token.slice(0, 10)}…" ${typeof window === 'undefined' ? '' : window.location.origin}/api/sites`}
            </pre>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <CopyButton text={made.token} label="Copy token" size="md" />
              <Button variant="primary" onClick={close}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form method="post" noValidate onSubmit={submit} className="flex flex-col gap-4">
            <TextField
              label="Name"
              required
              maxLength={80}
              placeholder="e.g. Uptime monitor"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errors.name}
            />
            <SelectField
              label="Role"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              error={errors.role}
              hint={ROLE_HINTS[role]}
            >
              {ASSIGNABLE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Expires"
              type="date"
              value={expires}
              onChange={(e) => setExpires(e.target.value)}
              error={errors.expiresAt}
              hint="Optional. It stops working at the end of that day."
            />
            {errors.form && <FormError>{errors.form}</FormError>}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={close} disabled={create.isPending}>
                Cancel
              </Button>
              <Button type="submit" variant="primary" icon={KeyRound} busy={create.isPending}>
                Create token
              </Button>
            </div>
          </form>
        )}
      </FormDialog>
    </>
  )
}
