'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { AuthCard, FormError } from './auth-card'
import { AuthError, authPost } from './auth-fetch'

type Step = 'password' | 'totp' | 'backup'

/** E-mail + password, then the second factor when the account has one; `next` is a same-site path. */
export function SignInForm({ next }: { next: string }) {
  const [step, setStep] = useState<Step>('password')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const router = useRouter()
  // The shell reads who is signed in on the server: fetch it afresh.
  const done = () => {
    router.replace(next)
    router.refresh()
  }

  async function run(fn: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (err) {
      setBusy(false)
      setError(err instanceof AuthError || err instanceof Error ? err.message : String(err))
    }
  }

  function submitPassword(e: FormEvent) {
    e.preventDefault()
    if (!email.trim() || !password) return setError('Enter your e-mail and password.')
    void run(async () => {
      const r = await authPost<{ twoFactorRedirect?: boolean }>('/sign-in/email', { email: email.trim(), password })
      if (r?.twoFactorRedirect) {
        setBusy(false)
        setStep('totp')
        setPassword('')
        return
      }
      done()
    })
  }

  function submitCode(e: FormEvent) {
    e.preventDefault()
    const c = code.trim()
    if (!c) return setError(step === 'totp' ? 'Enter the 6-digit code.' : 'Enter one of your backup codes.')
    void run(async () => {
      if (step === 'totp') await authPost('/two-factor/verify-totp', { code: c.replace(/\s/g, '') })
      else await authPost('/two-factor/verify-backup-code', { code: c })
      done()
    })
  }

  if (step !== 'password') {
    const totp = step === 'totp'
    return (
      <AuthCard
        title="Two-step sign-in"
        description={
          totp
            ? 'Enter the 6-digit code from your authenticator app.'
            : 'Enter one of the backup codes you saved when you turned on two-step sign-in. Each works once.'
        }
      >
        <form method="post" noValidate onSubmit={submitCode} className="flex flex-col gap-4">
          <TextField
            key={step}
            label={totp ? 'Authenticator code' : 'Backup code'}
            autoComplete="one-time-code"
            inputMode={totp ? 'numeric' : 'text'}
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className="font-mono tracking-wider"
          />
          {error && <FormError>{error}</FormError>}
          <Button type="submit" variant="primary" busy={busy} className="w-full">
            {busy ? 'Checking…' : 'Verify and sign in'}
          </Button>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <button
              type="button"
              className="rounded-sm text-slate-700 underline-offset-2 hover:text-slate-900 hover:underline"
              onClick={() => {
                setStep(totp ? 'backup' : 'totp')
                setCode('')
                setError(null)
              }}
            >
              {totp ? 'Use a backup code' : 'Use the authenticator app'}
            </button>
            <button
              type="button"
              className="rounded-sm text-slate-500 underline-offset-2 hover:text-slate-900 hover:underline"
              onClick={() => {
                setStep('password')
                setCode('')
                setError(null)
              }}
            >
              Start again
            </button>
          </div>
        </form>
      </AuthCard>
    )
  }

  return (
    <AuthCard title="Sign in to Stepwise">
      <form method="post" noValidate onSubmit={submitPassword} className="flex flex-col gap-4">
        <TextField
          label="E-mail"
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && <FormError>{error}</FormError>}
        <Button type="submit" variant="primary" busy={busy} className="mt-1 w-full">
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
        <p className="text-center text-[13px] text-slate-500">
          No account yet? Ask an admin of this Stepwise to add you.
        </p>
      </form>
    </AuthCard>
  )
}
