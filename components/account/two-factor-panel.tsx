'use client'

import { useRouter } from 'next/navigation'
import QRCode from 'react-qr-code'
import { ShieldCheck, ShieldOff } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { Panel } from '@/components/ui/panel'
import { FormError } from '@/components/auth/auth-card'
import { authPost } from '@/components/auth/auth-fetch'
import { CopyButton } from '@/components/tokens/copy-button'

type Stage =
  { kind: 'idle' } | { kind: 'password'; action: 'enable' | 'disable' } | { kind: 'scan'; uri: string; codes: string[] }

/** The base32 secret inside an otpauth:// URI, for typing into an app that cannot scan. */
function secretOf(uri: string): string {
  try {
    return new URL(uri).searchParams.get('secret') ?? ''
  } catch {
    return ''
  }
}

export function TwoFactorPanel({ enabled }: { enabled: boolean }) {
  const router = useRouter()
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function run(fn: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  function submitPassword(e: FormEvent) {
    e.preventDefault()
    if (stage.kind !== 'password') return
    if (!password) return setError('Enter your password.')
    void run(async () => {
      if (stage.action === 'enable') {
        const r = await authPost<{ totpURI: string; backupCodes: string[] }>('/two-factor/enable', { password })
        setStage({ kind: 'scan', uri: r.totpURI, codes: r.backupCodes })
      } else {
        await authPost('/two-factor/disable', { password })
        setStage({ kind: 'idle' })
        router.refresh()
      }
      setPassword('')
    })
  }

  function submitCode(e: FormEvent) {
    e.preventDefault()
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) return setError('Enter the 6-digit code your app shows now.')
    void run(async () => {
      await authPost('/two-factor/verify-totp', { code: code.replace(/\s/g, '') })
      setStage({ kind: 'idle' })
      setCode('')
      router.refresh()
    })
  }

  const cancel = () => {
    setStage({ kind: 'idle' })
    setPassword('')
    setCode('')
    setError(null)
  }

  return (
    <Panel
      id="two-factor"
      title="Two-step sign-in"
      description="A code from an authenticator app (1Password, Google Authenticator, Aegis…) on top of your password."
      actions={
        enabled && stage.kind !== 'scan' ? (
          <Badge tone="ok" icon={ShieldCheck}>
            On
          </Badge>
        ) : (
          <Badge tone="idle">Off</Badge>
        )
      }
    >
      {stage.kind === 'idle' &&
        (enabled ? (
          <Button icon={ShieldOff} onClick={() => setStage({ kind: 'password', action: 'disable' })}>
            Turn off two-step sign-in
          </Button>
        ) : (
          <Button variant="primary" icon={ShieldCheck} onClick={() => setStage({ kind: 'password', action: 'enable' })}>
            Turn on two-step sign-in
          </Button>
        ))}

      {stage.kind === 'password' && (
        <form method="post" noValidate onSubmit={submitPassword} className="grid gap-4 sm:max-w-sm">
          <TextField
            label="Your password"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            hint={stage.action === 'enable' ? 'To confirm it is you.' : 'Turning it off leaves only your password.'}
          />
          {error && <FormError>{error}</FormError>}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant={stage.action === 'enable' ? 'primary' : 'danger'} busy={busy}>
              {stage.action === 'enable' ? 'Continue' : 'Turn off'}
            </Button>
            <Button variant="secondary" onClick={cancel} disabled={busy}>
              Cancel
            </Button>
          </div>
        </form>
      )}

      {stage.kind === 'scan' && (
        <div className="grid gap-6">
          <div className="grid gap-5 sm:grid-cols-[auto_1fr] sm:items-start">
            <div className="w-fit rounded-lg bg-white p-3 ring-1 ring-slate-200">
              <QRCode value={stage.uri} size={168} aria-label="QR code for your authenticator app" role="img" />
            </div>
            <div className="min-w-0 text-sm text-slate-700">
              <p className="font-medium text-slate-900">1. Scan the code with your authenticator app</p>
              <p className="mt-1">Or type this key into it (time-based, 6 digits):</p>
              <code
                data-testid="totp-secret"
                className="mt-1.5 block rounded-md bg-slate-50 px-3 py-2 font-mono text-[13px] tracking-wider break-all text-slate-900 ring-1 ring-slate-200 select-all"
              >
                {secretOf(stage.uri)}
              </code>
            </div>
          </div>
          <div>
            <p className="text-sm font-medium text-slate-900">2. Save your backup codes</p>
            <p className="mt-1 text-sm text-slate-700">
              Each one signs you in once if you lose your phone. They are shown only now.
            </p>
            <ul
              aria-label="Backup codes"
              className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 rounded-md bg-slate-50 px-4 py-3 font-mono text-[13px] text-slate-900 ring-1 ring-slate-200 sm:w-fit"
            >
              {stage.codes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <div className="mt-2">
              <CopyButton text={stage.codes.join('\n')} label="Copy backup codes" />
            </div>
          </div>
          <form method="post" noValidate onSubmit={submitCode} className="grid gap-4 sm:max-w-sm">
            <TextField
              label="3. Enter the code your app shows"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              className="font-mono tracking-wider"
            />
            {error && <FormError>{error}</FormError>}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="primary" icon={ShieldCheck} busy={busy}>
                Confirm and turn on
              </Button>
              <Button variant="secondary" onClick={cancel} disabled={busy}>
                Cancel
              </Button>
            </div>
          </form>
        </div>
      )}
    </Panel>
  )
}
