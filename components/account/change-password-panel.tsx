'use client'

import { CircleCheck, KeyRound } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { Panel } from '@/components/ui/panel'
import { FormError } from '@/components/auth/auth-card'
import { AuthError, authPost } from '@/components/auth/auth-fetch'

type Errors = Partial<Record<'current' | 'next' | 'next2' | 'form', string>>

export function ChangePasswordPanel() {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [next2, setNext2] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setDone(false)
    const errs: Errors = {}
    if (!current) errs.current = 'Enter your current password.'
    if (next.length < 10) errs.next = 'Use at least 10 characters.'
    else if (next === current) errs.next = 'Choose a password different from the current one.'
    if (next2 !== next) errs.next2 = 'The two passwords differ.'
    setErrors(errs)
    if (Object.keys(errs).length) return
    setBusy(true)
    try {
      await authPost('/change-password', { currentPassword: current, newPassword: next, revokeOtherSessions: true })
      setCurrent('')
      setNext('')
      setNext2('')
      setDone(true)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      setErrors(err instanceof AuthError && err.code === 'INVALID_PASSWORD' ? { current: message } : { form: message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Panel id="password" title="Password" description="Changing it signs you out of every other browser.">
      <form method="post" noValidate onSubmit={submit} className="grid gap-4 sm:max-w-sm">
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.current}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.next}
          hint="At least 10 characters."
        />
        <TextField
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={next2}
          onChange={(e) => setNext2(e.target.value)}
          error={errors.next2}
        />
        {errors.form && <FormError>{errors.form}</FormError>}
        {done && (
          <p role="status" className="flex items-center gap-2 text-sm text-ok-fg">
            <CircleCheck aria-hidden="true" className="size-4" /> Password changed.
          </p>
        )}
        <div>
          <Button type="submit" variant="primary" icon={KeyRound} busy={busy}>
            Change password
          </Button>
        </div>
      </form>
    </Panel>
  )
}
