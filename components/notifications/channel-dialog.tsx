'use client'

import { BellPlus, TriangleAlert } from 'lucide-react'
import { useState, type FormEvent, type ReactNode } from 'react'
import { ApiError } from '@/lib/api/client-fetch'
import { CHANNEL_TYPES, EVENT_LABELS, NOTIFY_EVENTS, type ChannelDto, type NotifyEventKind } from '@/lib/notify/types'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { FormDialog } from '@/components/sites/form-dialog'
import { FormError } from '@/components/auth/auth-card'
import { CopyButton } from '@/components/tokens/copy-button'
import { TARGET_FIELD, TYPE_LABELS } from './channel-labels'
import { useSaveChannel, type ChannelForm } from './use-notifications'

type Errors = Partial<Record<'name' | 'target' | 'events' | 'tags' | 'siteIds' | 'reminderHours' | 'form', string>>

const FIELDS = ['name', 'target', 'events', 'tags', 'siteIds', 'reminderHours']
const DEFAULT_EVENTS: NotifyEventKind[] = ['run.failed', 'run.timed_out', 'site.stale', 'site.unreachable']
const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)

function initialForm(c?: ChannelDto): ChannelForm {
  return c
    ? {
        name: c.name,
        type: c.type,
        // A URL channel's address is never sent back (it is the credential): empty = keep it.
        target: c.targetMasked ? '' : c.target,
        events: c.events,
        tags: c.tags,
        siteIds: c.siteIds,
        reminderHours: c.reminderHours,
        enabled: c.enabled,
      }
    : {
        name: '',
        type: 'email',
        target: '',
        events: DEFAULT_EVENTS,
        tags: [],
        siteIds: [],
        reminderHours: 24,
        enabled: true,
      }
}

/** Add or edit a channel. A new webhook's secret is in the answer once: shown here once, with copy. */
export function ChannelDialog({
  channel,
  trigger,
}: {
  channel?: ChannelDto
  trigger: (open: () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState<ChannelForm>(() => initialForm(channel))
  const [tags, setTags] = useState('')
  const [sites, setSites] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [secret, setSecret] = useState<string | null>(null)
  const save = useSaveChannel()
  const t = TARGET_FIELD[form.type]

  function show() {
    const f = initialForm(channel)
    setForm(f)
    setTags(f.tags.join(', '))
    setSites(f.siteIds.join(', '))
    setErrors({})
    setSecret(null)
    setOpen(true)
  }

  function toggle(e: NotifyEventKind) {
    setForm((f) => ({ ...f, events: f.events.includes(e) ? f.events.filter((x) => x !== e) : [...f.events, e] }))
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault()
    const errs: Errors = {}
    if (!form.name.trim()) errs.name = 'Name it after who reads it, e.g. "Client A – Slack".'
    const keepTarget = Boolean(channel?.targetMasked) && form.type === channel?.type && !(form.target ?? '').trim()
    if (!(form.target ?? '').trim() && !keepTarget) errs.target = `Give the ${t.label.toLowerCase()}.`
    // The daily digest is an e-mail about every site (lib/notify/channel-input.ts checkDigest).
    const events = form.type === 'email' ? form.events : form.events.filter((e) => e !== 'digest')
    if (!events.length) errs.events = 'Choose at least one event.'
    setErrors(errs)
    if (Object.keys(errs).length) return
    try {
      const r = await save.mutateAsync({
        id: channel?.id,
        form: {
          ...form,
          events,
          name: form.name.trim(),
          target: keepTarget ? undefined : (form.target ?? '').trim(),
          tags: splitList(tags),
          siteIds: splitList(sites),
        },
      })
      if (r.secret) setSecret(r.secret)
      else setOpen(false)
    } catch (err) {
      const field = err instanceof ApiError ? err.field?.split('.')[0] : undefined
      const message = err instanceof Error ? err.message.replace(/^[\w.]+: /, '') : String(err)
      setErrors(field && FIELDS.includes(field) ? { [field]: message } : { form: message })
    }
  }

  return (
    <>
      {trigger(show)}
      <FormDialog
        open={open}
        onOpenChange={(o) => (o ? setOpen(true) : setOpen(false))}
        busy={save.isPending}
        title={secret ? 'Webhook secret' : channel ? `Edit “${channel.name}”` : 'Add a channel'}
        description={secret ? undefined : 'Where Stepwise sends alerts, for which events and which sites.'}
      >
        {secret ? (
          <div className="flex flex-col gap-4">
            <p className="flex items-start gap-2 rounded-md border border-amber-200 bg-warn-bg px-3 py-2 text-sm text-warn-fg">
              <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              Copy it now: this is the only time Stepwise shows it. Your receiver checks X-Stepwise-Signature with it.
            </p>
            <code
              data-testid="channel-secret"
              className="block rounded-md bg-slate-900 px-3 py-2.5 font-mono text-[13px] break-all text-white select-all"
            >
              {secret}
            </code>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <CopyButton text={secret} label="Copy secret" size="md" />
              <Button variant="primary" onClick={() => setOpen(false)}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form method="post" noValidate onSubmit={submit} className="flex flex-col gap-4">
            <TextField
              label="Name"
              required
              maxLength={100}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              error={errors.name}
            />
            <SelectField
              label="Type"
              value={form.type}
              disabled={!!channel}
              hint={channel ? 'The type of a channel cannot change; add a new one instead.' : undefined}
              onChange={(e) => setForm({ ...form, type: e.target.value as ChannelForm['type'], target: '' })}
            >
              {CHANNEL_TYPES.map((c) => (
                <option key={c} value={c}>
                  {TYPE_LABELS[c]}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t.label}
              required={!channel?.targetMasked}
              placeholder={
                channel?.targetMasked ? `${channel.target} (unchanged; paste a new one to replace it)` : t.placeholder
              }
              type={form.type === 'email' ? 'text' : 'url'}
              value={form.target ?? ''}
              onChange={(e) => setForm({ ...form, target: e.target.value })}
              error={errors.target}
              hint={t.hint}
            />
            <fieldset className="flex flex-col gap-1.5">
              <legend className="mb-1.5 text-sm font-medium text-slate-800">Events</legend>
              <div className="grid grid-cols-1 gap-1.5 sm:grid-cols-2">
                {NOTIFY_EVENTS.filter((e) => e !== 'digest' || form.type === 'email').map((e) => (
                  <label key={e} className="flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      className="size-4 rounded border-slate-300"
                      checked={form.events.includes(e)}
                      onChange={() => toggle(e)}
                    />
                    {EVENT_LABELS[e]}
                  </label>
                ))}
              </div>
              {errors.events && <p className="text-sm text-red-700">{errors.events}</p>}
            </fieldset>
            <TextField
              label="Only sites with these tags"
              placeholder="client-a, shops"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              error={errors.tags}
              hint="Comma-separated. Leave tags and sites empty for all sites."
            />
            <TextField
              label="Or these site ids"
              value={sites}
              onChange={(e) => setSites(e.target.value)}
              error={errors.siteIds}
            />
            <TextField
              label="Remind every (hours)"
              type="number"
              min={1}
              max={720}
              value={String(form.reminderHours)}
              onChange={(e) => setForm({ ...form, reminderHours: Number(e.target.value) || 24 })}
              error={errors.reminderHours}
              hint="A site that stays stale or keeps failing is repeated at most this often."
            />
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
              <Button type="submit" variant="primary" icon={BellPlus} busy={save.isPending}>
                {channel ? 'Save channel' : 'Add channel'}
              </Button>
            </div>
          </form>
        )}
      </FormDialog>
    </>
  )
}
