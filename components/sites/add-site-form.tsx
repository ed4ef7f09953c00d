'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { PlugZap, Save } from 'lucide-react'
import { ApiError, apiPost } from '@/lib/api/client-fetch'
import { siteKeys } from '@/lib/query-keys'
import type { SiteDto } from '@/lib/domain/sites'
import { Button } from '@/components/ui/button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { TextField } from '@/components/ui/field'
import { Panel } from '@/components/ui/panel'
import { causeField, causeFieldMessage, causeHeading, type CheckFailure } from './check-causes'
import { CheckFound, type CheckOk } from './check-found'
import {
  keyError,
  maxAgeError,
  maxAgeHours,
  nameError,
  nameFromUrl,
  parseTags,
  tagsError,
  urlError,
} from './site-form-values'

interface CheckResponse {
  check: CheckOk & { ok: boolean; cause?: string; message?: string; advice?: string; suggestedName?: string }
}

type Errors = Partial<Record<'url' | 'key' | 'name' | 'tags' | 'hostGroup' | 'maxAge' | 'form', string>>

export function AddSiteForm() {
  const router = useRouter()
  const qc = useQueryClient()
  const [url, setUrl] = useState('')
  const [key, setKey] = useState('')
  const [name, setName] = useState('')
  const [nameTouched, setNameTouched] = useState(false)
  const [suggested, setSuggested] = useState<string | null>(null)
  const [tags, setTags] = useState('')
  const [hostGroup, setHostGroup] = useState('')
  const [maxAge, setMaxAge] = useState('7')
  const [errors, setErrors] = useState<Errors>({})
  const [submitted, setSubmitted] = useState(false)
  // The check belongs to the url+key it was made with; editing either asks for a new check.
  const [checked, setChecked] = useState<{
    url: string
    key: string
    ok: CheckOk | null
    failure: CheckFailure | null
  } | null>(null)
  const current = checked && checked.url === url && checked.key === key ? checked : null

  const check = useMutation({
    mutationFn: (v: { url: string; key: string }) => apiPost<CheckResponse>('/api/sites/check', v),
  })
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiPost<{ site: SiteDto }>('/api/sites', body),
  })

  function connectionErrors(u = url, k = key): Errors {
    const e: Errors = {}
    const ue = urlError(u)
    const ke = keyError(k)
    if (ue) e.url = ue
    if (ke) e.key = ke
    return e
  }

  function detailErrors(): Errors {
    const e: Errors = {}
    const ne = nameError(name)
    const te = tagsError(tags)
    const me = maxAgeError(maxAge)
    if (ne) e.name = ne
    if (te) e.tags = te
    if (me) e.maxAge = me
    if (hostGroup.trim().length > 120) e.hostGroup = 'Keep the host group under 120 characters.'
    return e
  }

  function failureErrors(f: CheckFailure): Errors {
    return { [causeField(f.cause)]: causeFieldMessage(f.cause) }
  }

  async function runCheck(e?: FormEvent) {
    e?.preventDefault()
    setSubmitted(true)
    const errs = connectionErrors()
    setErrors(errs)
    if (Object.keys(errs).length) return
    try {
      const { check: r } = await check.mutateAsync({ url: url.trim(), key })
      if (r.ok) {
        setChecked({ url, key, ok: r, failure: null })
        if (!nameTouched || !name.trim()) setName(r.suggestedName || nameFromUrl(url))
        setSuggested(r.suggestedName ?? null)
      } else {
        const failure = { cause: r.cause ?? 'unknown', message: r.message ?? '', advice: r.advice ?? '' }
        setChecked({ url, key, ok: null, failure })
        setErrors(failureErrors(failure))
        if (!nameTouched || !name.trim()) setName(r.suggestedName || nameFromUrl(url))
        setSuggested(r.suggestedName ?? null)
      }
    } catch (err) {
      setErrors(apiErrors(err))
    }
  }

  async function runSave(saveIfUnreachable = false) {
    setSubmitted(true)
    const errs = { ...connectionErrors(), ...detailErrors() }
    setErrors(errs)
    if (Object.keys(errs).length) return
    try {
      const { site } = await save.mutateAsync({
        url: url.trim(),
        key,
        name: name.trim(),
        tags: parseTags(tags),
        hostGroup: hostGroup.trim() || null,
        maxBackupAgeHours: maxAgeHours(maxAge),
        saveIfUnreachable,
      })
      await qc.invalidateQueries({ queryKey: siteKeys.all })
      router.push(`/sites/${site.id}`)
    } catch (err) {
      if (err instanceof ApiError && err.details && typeof err.details === 'object' && 'cause' in err.details) {
        const d = err.details as { cause: string; advice?: string }
        const failure = { cause: d.cause, message: err.message, advice: d.advice ?? '' }
        setChecked({ url, key, ok: null, failure })
        setErrors(failureErrors(failure))
      } else {
        setErrors(apiErrors(err))
      }
    }
  }

  // Re-validate as you type once the user has tried to submit; a check result stays tied to its inputs.
  function onUrl(v: string) {
    setUrl(v)
    if (submitted) setErrors((cur) => ({ ...cur, url: urlError(v) ?? undefined, form: undefined }))
  }
  function onKey(v: string) {
    setKey(v)
    if (submitted) setErrors((cur) => ({ ...cur, key: keyError(v) ?? undefined, form: undefined }))
  }
  function revalidate<K extends keyof Errors>(k: K, msg: string | null) {
    if (submitted) setErrors((cur) => ({ ...cur, [k]: msg ?? undefined }))
  }

  const failure = current?.failure ?? null
  const ok = current?.ok ?? null
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <Panel
        id="connect"
        title="1. Connect"
        description="The site's address and the secret word from Akeeba Backup → Options → Front-end (“Enable JSON API (remote backup)” must be on)."
      >
        {/* method="post" (here and on every form): Enter pressed before the page has hydrated must never
            put the secret word in the address bar, history or an access log. */}
        <form method="post" noValidate onSubmit={runCheck} className="flex flex-col gap-4">
          <TextField
            label="Site address"
            name="url"
            required
            autoComplete="url"
            inputMode="url"
            spellCheck={false}
            placeholder="https://www.example.com/"
            value={url}
            onChange={(e) => onUrl(e.target.value)}
            error={errors.url}
            hint="The site's home page, or the exact API URL shown by Akeeba."
          />
          <TextField
            label="Secret word (key)"
            name="key"
            type="password"
            required
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(e) => onKey(e.target.value)}
            error={errors.key}
            hint="Stored encrypted; it is never shown again."
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" variant={ok ? 'secondary' : 'primary'} icon={PlugZap} busy={check.isPending}>
              {check.isPending ? 'Checking…' : checked && !current ? 'Check again' : 'Check connection'}
            </Button>
            {checked && !current && (
              <span className="text-sm text-slate-600">The address or key changed since the last check.</span>
            )}
          </div>
        </form>
      </Panel>

      {failure && (
        <ErrorPanel
          announce
          title={causeHeading(failure.cause)}
          message={failure.message}
          advice={failure.advice ? [failure.advice] : undefined}
        />
      )}
      {ok && <CheckFound check={ok} />}

      {current && (
        <Panel
          id="details"
          title="2. Details"
          description={
            ok
              ? 'How the site appears in Stepwise. You can change these later.'
              : 'The check failed. You can still save the site: it shows as not connected until a re-check succeeds.'
          }
        >
          <form
            method="post"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              void runSave(!ok)
            }}
            className="flex flex-col gap-4"
          >
            <TextField
              label="Name"
              name="name"
              required
              value={name}
              error={errors.name}
              hint={
                suggested && name === suggested
                  ? "Suggested from the site's home page title (or its address); change it if you like."
                  : undefined
              }
              onChange={(e) => {
                setName(e.target.value)
                setNameTouched(true)
                revalidate('name', nameError(e.target.value))
              }}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="Tags"
                name="tags"
                placeholder="client-a, shop"
                value={tags}
                error={errors.tags}
                onChange={(e) => {
                  setTags(e.target.value)
                  revalidate('tags', tagsError(e.target.value))
                }}
                hint="Comma-separated. Used for filters, bulk backups and schedules."
              />
              <TextField
                label="Host group"
                name="hostGroup"
                placeholder="e.g. hetzner-shared-3"
                value={hostGroup}
                error={errors.hostGroup}
                onChange={(e) => setHostGroup(e.target.value)}
                hint="Sites on one shared server: their backups are limited together."
              />
            </div>
            <TextField
              label="Maximum backup age (days)"
              name="maxAge"
              inputMode="decimal"
              value={maxAge}
              error={errors.maxAge}
              onChange={(e) => {
                setMaxAge(e.target.value)
                revalidate('maxAge', maxAgeError(e.target.value))
              }}
              hint="Older than this, the site shows “Too old”."
              fieldClassName="sm:max-w-xs"
            />
            {errors.form && (
              <p role="alert" className="text-sm text-red-700">
                {errors.form}
              </p>
            )}
            <div className="flex flex-wrap items-center gap-3">
              {ok ? (
                <Button type="submit" variant="primary" icon={Save} busy={save.isPending}>
                  Save site
                </Button>
              ) : (
                <>
                  <Button type="submit" variant="secondary" icon={Save} busy={save.isPending}>
                    Save anyway, as not connected
                  </Button>
                  <span className="text-sm text-slate-600">Backups start once a re-check succeeds.</span>
                </>
              )}
            </div>
          </form>
        </Panel>
      )}
      {!current && errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
    </div>
  )
}

const FIELD_MAP: Record<string, keyof Errors> = {
  url: 'url',
  key: 'key',
  name: 'name',
  tags: 'tags',
  hostGroup: 'hostGroup',
  maxBackupAgeHours: 'maxAge',
}

/** A server error goes under its field when it names one (tags.0 → tags), else above the buttons. */
function apiErrors(err: unknown): Errors {
  if (err instanceof ApiError) {
    const f = err.field ? FIELD_MAP[err.field.split('.')[0]] : undefined
    const msg = err.field ? err.message.replace(new RegExp(`^${err.field.replace('.', '\\.')}: `), '') : err.message
    return f ? { [f]: msg } : { form: err.message }
  }
  return { form: err instanceof Error ? err.message : String(err) }
}
