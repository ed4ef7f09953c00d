'use client'

import { Save } from 'lucide-react'
import { useMemo, useState, type FormEvent, type ReactNode } from 'react'
import { ApiError } from '@/lib/api/client-fetch'
import {
  KEEP_FIELDS,
  NO_KEEP_RULE,
  RETENTION_ACTIONS,
  type RetentionAction,
  type RetentionPolicyDto,
} from '@/lib/domain/retention'
import type { SiteDto } from '@/lib/domain/sites'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { FormDialog } from '@/components/sites/form-dialog'
import { FormError } from '@/components/auth/auth-card'
import { ACTION_LABELS } from './retention-labels'
import { useSavePolicy } from './use-retention'

type KeepField = (typeof KEEP_FIELDS)[number]
type Scope = 'all' | 'tags' | 'sites'
type Errors = Partial<Record<'name' | 'scope' | 'tags' | 'siteIds' | KeepField | 'action' | 'form', string>>
const FIELDS = ['name', 'tags', 'siteIds', 'action', ...KEEP_FIELDS]

interface FormState {
  name: string
  scope: Scope
  tags: string[]
  siteIds: string[]
  keep: Record<KeepField, string>
  action: RetentionAction
  includeForeign: boolean
  enabled: boolean
}

const KEEP_META: Record<KeepField, { label: string; hint: string; max: number }> = {
  keepLast: { label: 'Keep the last', hint: 'backups (complete, with files)', max: 1000 },
  keepDays: { label: 'Keep every backup of the last', hint: 'days', max: 3650 },
  keepWeekly: { label: 'Keep one a week for', hint: 'weeks (the newest of each week)', max: 520 },
  keepMonthly: { label: 'Keep one a month for', hint: 'months (the newest of each month)', max: 240 },
}

function initial(p?: RetentionPolicyDto): FormState {
  const n = (v: number | null | undefined) => (v ? String(v) : '')
  return {
    name: p?.name ?? '',
    scope: p?.siteIds.length ? 'sites' : p?.tags.length ? 'tags' : 'all',
    tags: p?.tags ?? [],
    siteIds: p?.siteIds ?? [],
    keep: {
      keepLast: n(p ? p.keepLast : 7),
      keepDays: n(p?.keepDays),
      keepWeekly: n(p ? p.keepWeekly : 4),
      keepMonthly: n(p?.keepMonthly),
    },
    action: p?.action ?? 'delete_files',
    includeForeign: p?.includeForeign ?? false,
    enabled: p?.enabled ?? true,
  }
}

/** Checks the form as the server does, so most mistakes show under their field before a request. */
function validate(f: FormState): { errors: Errors; keep: Record<KeepField, number | null> } {
  const errors: Errors = {}
  if (!f.name.trim()) errors.name = 'Give the policy a name, e.g. "Client sites: 7 daily, 4 weekly".'
  const keep = {} as Record<KeepField, number | null>
  for (const k of KEEP_FIELDS) {
    const raw = f.keep[k].trim()
    if (!raw) {
      keep[k] = null
      continue
    }
    const v = Number(raw)
    if (!Number.isInteger(v) || v < 1 || v > KEEP_META[k].max)
      errors[k] = `A whole number from 1 to ${KEEP_META[k].max}, or empty for none.`
    keep[k] = Number.isInteger(v) ? v : null
  }
  if (!KEEP_FIELDS.some((k) => f.keep[k].trim()) && !errors.keepLast)
    errors.keepLast = 'Give at least one rule: keep the last N, N days, N weeks or N months.'
  if (f.scope === 'tags' && !f.tags.length) errors.tags = 'Choose at least one tag, or apply it to every site.'
  if (f.scope === 'sites' && !f.siteIds.length) errors.siteIds = 'Choose at least one site, or apply it to every site.'
  return { errors, keep }
}

/** Add or edit a retention policy: scope (every site, tags or sites), keep rules, action. */
export function PolicyDialog({
  policy,
  sites,
  trigger,
}: {
  policy?: RetentionPolicyDto
  sites: SiteDto[]
  trigger: (open: () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState<FormState>(() => initial(policy))
  const [errors, setErrors] = useState<Errors>({})
  const save = useSavePolicy()
  const allTags = useMemo(() => [...new Set(sites.flatMap((s) => s.tags))].sort(), [sites])
  const sortedSites = useMemo(() => [...sites].sort((a, b) => a.name.localeCompare(b.name)), [sites])

  function show() {
    setForm(initial(policy))
    setErrors({})
    setOpen(true)
  }

  const toggle = (key: 'tags' | 'siteIds', v: string) =>
    setForm((f) => ({ ...f, [key]: f[key].includes(v) ? f[key].filter((x) => x !== v) : [...f[key], v] }))

  async function submit(ev: FormEvent) {
    ev.preventDefault()
    const { errors: errs, keep } = validate(form)
    setErrors(errs)
    if (Object.keys(errs).length) return
    try {
      await save.mutateAsync({
        id: policy?.id,
        form: {
          name: form.name.trim(),
          tags: form.scope === 'tags' ? form.tags : [],
          siteIds: form.scope === 'sites' ? form.siteIds : [],
          ...keep,
          action: form.action,
          includeForeign: form.includeForeign,
          enabled: form.enabled,
        },
      })
      setOpen(false)
    } catch (err) {
      const field = err instanceof ApiError ? err.field?.split('.')[0] : undefined
      let message = err instanceof Error ? err.message.replace(/^[\w.]+: /, '') : String(err)
      if (message === NO_KEEP_RULE) message = 'Give at least one rule: keep the last N, N days, N weeks or N months.'
      setErrors(field && FIELDS.includes(field) ? { [field]: message } : { form: message })
    }
  }

  const scopeOption = (value: Scope, text: string) => (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input
        type="radio"
        name="scope"
        value={value}
        className="size-4 border-slate-300"
        checked={form.scope === value}
        onChange={() => setForm({ ...form, scope: value })}
      />
      {text}
    </label>
  )

  return (
    <>
      {trigger(show)}
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        busy={save.isPending}
        title={policy ? `Edit “${policy.name}”` : 'Add a retention policy'}
        description="Which backups each site keeps. The rest are removed on the site after each backup and in the daily sweep."
      >
        <form method="post" noValidate onSubmit={submit} className="flex flex-col gap-4">
          <TextField
            label="Name"
            required
            maxLength={100}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={errors.name}
          />
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-sm font-medium text-slate-800">Applies to</legend>
            <div className="flex flex-col gap-1.5 sm:flex-row sm:gap-4">
              {scopeOption('all', 'Every site')}
              {scopeOption('tags', 'Sites with these tags')}
              {scopeOption('sites', 'These sites')}
            </div>
            {form.scope === 'tags' && (
              <CheckList
                label="Tags"
                items={allTags.map((t) => ({ value: t, text: t }))}
                chosen={form.tags}
                onToggle={(v) => toggle('tags', v)}
                empty="No site has a tag yet: tag sites on their page."
                error={errors.tags}
              />
            )}
            {form.scope === 'sites' && (
              <CheckList
                label="Sites"
                items={sortedSites.map((s) => ({ value: s.id, text: s.name }))}
                chosen={form.siteIds}
                onToggle={(v) => toggle('siteIds', v)}
                empty="No site yet."
                error={errors.siteIds}
              />
            )}
          </fieldset>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-800">Keep</legend>
            <p className="-mt-1 text-[13px] text-slate-600">
              A backup is kept when any rule keeps it. Leave a rule empty to not use it.
            </p>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              {KEEP_FIELDS.map((k) => (
                <TextField
                  key={k}
                  label={KEEP_META[k].label}
                  hint={KEEP_META[k].hint}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={KEEP_META[k].max}
                  value={form.keep[k]}
                  onChange={(e) => setForm({ ...form, keep: { ...form.keep, [k]: e.target.value } })}
                  error={errors[k]}
                />
              ))}
            </div>
          </fieldset>
          <SelectField
            label="What happens to the others"
            value={form.action}
            onChange={(e) => setForm({ ...form, action: e.target.value as RetentionAction })}
            error={errors.action}
          >
            {RETENTION_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a]}
              </option>
            ))}
          </SelectField>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="mt-0.5 size-4 rounded border-slate-300"
              checked={form.includeForeign}
              onChange={(e) => setForm({ ...form, includeForeign: e.target.checked })}
            />
            <span>
              Also backups not made by Stepwise
              <span className="block text-[13px] text-slate-600">
                Off: only backups Stepwise started are ever removed; backups made on the site itself are left alone.
              </span>
            </span>
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300"
              checked={form.enabled}
              onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
            />
            Enabled
          </label>
          {errors.form && <FormError>{errors.form}</FormError>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" icon={Save} busy={save.isPending}>
              {policy ? 'Save policy' : 'Add policy'}
            </Button>
          </div>
        </form>
      </FormDialog>
    </>
  )
}

function CheckList({
  label,
  items,
  chosen,
  onToggle,
  empty,
  error,
}: {
  label: string
  items: { value: string; text: string }[]
  chosen: string[]
  onToggle: (v: string) => void
  empty: string
  error?: string
}) {
  return (
    <div role="group" aria-label={label} className="mt-1 flex flex-col gap-1">
      {items.length === 0 ? (
        <p className="text-[13px] text-slate-600">{empty}</p>
      ) : (
        <div className="grid max-h-48 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
          {items.map((i) => (
            <label key={i.value} className="flex min-w-0 items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="size-4 shrink-0 rounded border-slate-300"
                checked={chosen.includes(i.value)}
                onChange={() => onToggle(i.value)}
              />
              <span className="truncate" title={i.text}>
                {i.text}
              </span>
            </label>
          ))}
        </div>
      )}
      {error && <p className="text-[13px] text-red-700">{error}</p>}
    </div>
  )
}
