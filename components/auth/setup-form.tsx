'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { ApiError, apiPost } from '@/lib/api/client-fetch'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { AuthCard, FormError } from './auth-card'
import { authPost } from './auth-fetch'

const MIN_PASSWORD = 10

type Errors = Partial<Record<'email' | 'name' | 'password' | 'password2' | 'setupCode' | 'form', string>>

/** First start: the owner account, then straight in. */
export function SetupForm({ codeRequired }: { codeRequired: boolean }) {
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [password2, setPassword2] = useState('')
  const [setupCode, setSetupCode] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const router = useRouter()
  const go = (path: string) => {
    router.replace(path)
    router.refresh()
  }

  function validate(): Errors {
    const e: Errors = {}
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) e.email = 'Enter an e-mail address.'
    if (password.length < MIN_PASSWORD) e.password = `Use at least ${MIN_PASSWORD} characters.`
    if (password2 !== password) e.password2 = 'The two passwords differ.'
    if (codeRequired && !setupCode.trim()) e.setupCode = 'Enter the setup code from the server log.'
    return e
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault()
    const e = validate()
    setErrors(e)
    if (Object.keys(e).length) return
    setBusy(true)
    try {
      await apiPost('/api/setup', {
        email: email.trim(),
        password,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(codeRequired ? { setupCode: setupCode.trim() } : {}),
      })
    } catch (err) {
      setBusy(false)
      const field = err instanceof ApiError ? err.field : undefined
      const message = err instanceof Error ? err.message.replace(/^\w+: /, '') : String(err)
      if (err instanceof ApiError && err.status === 409) {
        go('/sign-in')
        return
      }
      setErrors(
        field && ['email', 'name', 'password', 'setupCode'].includes(field) ? { [field]: message } : { form: message },
      )
      return
    }
    try {
      await authPost('/sign-in/email', { email: email.trim(), password })
      go('/')
    } catch {
      // The owner exists; only the automatic sign-in failed.
      go('/sign-in')
    }
  }

  return (
    <AuthCard
      title="Welcome to Stepwise"
      description="Create the owner account. The owner can add sites and invite the rest of the team."
    >
      <form method="post" noValidate onSubmit={submit} className="flex flex-col gap-4">
        <TextField
          label="E-mail"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <TextField
          label="Name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          hint="Shown in the audit trail. Optional."
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          hint={`At least ${MIN_PASSWORD} characters.`}
        />
        <TextField
          label="Password again"
          type="password"
          autoComplete="new-password"
          required
          value={password2}
          onChange={(e) => setPassword2(e.target.value)}
          error={errors.password2}
        />
        {codeRequired && (
          <TextField
            label="Setup code"
            autoComplete="off"
            inputMode="numeric"
            required
            value={setupCode}
            onChange={(e) => setSetupCode(e.target.value)}
            error={errors.setupCode}
            hint="Stepwise printed this one-time code in its server log when it started."
            className="font-mono"
          />
        )}
        {errors.form && <FormError>{errors.form}</FormError>}
        <Button type="submit" variant="primary" busy={busy} className="mt-1 w-full">
          {busy ? 'Creating…' : 'Create owner and sign in'}
        </Button>
      </form>
    </AuthCard>
  )
}
