'use client'

import { useState, type FormEvent } from 'react'
import { useRouter } from 'next/navigation'
import { Save } from 'lucide-react'
import { Button, ButtonLink } from '@/components/ui/button'
import { Field, Input, SelectField, TextField } from '@/components/ui/field'
import { TimeZonePicker } from '@/components/ui/time-zone-picker'
import { Panel } from '@/components/ui/panel'
import { ErrorPanel } from '@/components/ui/error-panel'
import { ApiError } from '@/lib/api/client-fetch'
import { TEMPLATE_PLACEHOLDERS } from '@/lib/schedule/template'
import type { ScheduleDto } from '@/lib/domain/schedules'
import { CronPreviewList } from './cron-preview'
import { useCronPreview } from './use-cron-preview'
import { useCreateSchedule, useUpdateSchedule, type ScheduleBody } from './use-schedules'
import { useViewerTimeZone } from './zoned-time'

export interface FormSite {
  id: string
  name: string
  tags: string[]
  profiles: { id: number; name: string }[]
}

export interface ScheduleFormProps {
  sites: FormSite[]
  tags: string[]
  timeZones: string[]
  /** The server's own zone, offered near the top of the picker. */
  serverTimeZone?: string
  /** Edit this schedule; omit to create. */
  schedule?: ScheduleDto
  /** Prefill for a new schedule (from ?siteId= or ?tag=). */
  prefill?: { siteId?: string; tag?: string }
}

const PRESETS = [
  { label: 'Nightly 02:00', cron: '0 2 * * *' },
  { label: 'Weekdays 03:00', cron: '0 3 * * 1-5' },
  { label: 'Sundays 04:00', cron: '0 4 * * 0' },
  { label: 'Every 6 hours', cron: '0 */6 * * *' },
  { label: '1st of month', cron: '0 1 1 * *' },
]

type Errors = Partial<
  Record<
    'name' | 'siteId' | 'tag' | 'cron' | 'timezone' | 'profileId' | 'descriptionTemplate' | 'staggerMinutes' | 'form',
    string
  >
>

function checkbox(id: string, checked: boolean, onChange: (v: boolean) => void, label: string, hint: string) {
  return (
    <div className="flex items-start gap-2.5">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 size-4 rounded border-slate-300 accent-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
      />
      <label htmlFor={id} className="text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="block text-[13px] text-slate-600">{hint}</span>
      </label>
    </div>
  )
}

export function ScheduleForm({ sites, tags, timeZones, serverTimeZone, schedule, prefill }: ScheduleFormProps) {
  const router = useRouter()
  const viewerTz = useViewerTimeZone()
  const [name, setName] = useState(schedule?.name ?? '')
  const [targetKind, setTargetKind] = useState<'site' | 'tag'>(
    schedule ? (schedule.siteId ? 'site' : 'tag') : prefill?.tag ? 'tag' : 'site',
  )
  const [siteId, setSiteId] = useState(schedule?.siteId ?? prefill?.siteId ?? '')
  const [tag, setTag] = useState(schedule?.tag ?? prefill?.tag ?? '')
  const [cron, setCron] = useState(schedule?.cron ?? '0 2 * * *')
  // null: the viewer's own zone, known only after hydration.
  const [tzChoice, setTzChoice] = useState<string | null>(schedule?.timezone ?? null)
  const timezone = tzChoice ?? viewerTz ?? 'UTC'
  const [profileId, setProfileId] = useState(schedule?.profileId ? String(schedule.profileId) : '')
  const [template, setTemplate] = useState(schedule?.descriptionTemplate ?? '')
  const [stagger, setStagger] = useState(String(schedule?.staggerMinutes ?? 0))
  const [runOnce, setRunOnce] = useState(schedule?.runOnce ?? false)
  const [enabled, setEnabled] = useState(schedule?.enabled ?? true)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Errors>({})

  const create = useCreateSchedule()
  const update = useUpdateSchedule(schedule?.id ?? '')
  const busy = create.isPending || update.isPending
  const preview = useCronPreview(cron, timezone)
  const previewError = preview.error instanceof ApiError ? preview.error : null
  const liveCronError = previewError?.field === 'cron' ? previewError.message.replace(/^cron: /, '') : null
  const liveTzError = previewError?.field === 'timezone' ? previewError.message.replace(/^timezone: /, '') : null

  const tagged = sites.filter((s) => s.tags.includes(tag))
  const profiles =
    targetKind === 'site'
      ? (sites.find((s) => s.id === siteId)?.profiles ?? [])
      : [...new Map(tagged.flatMap((s) => s.profiles).map((p) => [p.id, p])).values()].sort((a, b) => a.id - b.id)
  const zones = timeZones.includes(timezone) ? timeZones : [timezone, ...timeZones]
  // The browser's and the server's zones first, then UTC, then the rest A to Z.
  const suggestedZones = [
    ...(viewerTz ? [{ zone: viewerTz, why: 'Your browser' }] : []),
    ...(serverTimeZone
      ? [{ zone: serverTimeZone, why: viewerTz === serverTimeZone ? 'Browser and server' : 'The server' }]
      : []),
    { zone: 'UTC', why: 'Universal' },
  ]

  async function submit(e: FormEvent) {
    e.preventDefault()
    const next: Errors = {}
    if (targetKind === 'site' && !siteId) next.siteId = 'Choose a site.'
    if (targetKind === 'tag' && !tag.trim()) next.tag = 'Choose or type a tag.'
    if (!cron.trim()) next.cron = 'Enter a cron expression.'
    const staggerN = Number(stagger || '0')
    if (!Number.isInteger(staggerN) || staggerN < 0 || staggerN > 1440)
      next.staggerMinutes = 'Whole minutes from 0 to 1440.'
    setErrors(next)
    if (Object.keys(next).length) return
    const body: ScheduleBody = {
      name: name.trim() || undefined,
      siteId: targetKind === 'site' ? siteId : null,
      tag: targetKind === 'tag' ? tag.trim() : null,
      cron: cron.trim(),
      timezone,
      profileId: profileId ? Number(profileId) : null,
      descriptionTemplate: template.trim() || null,
      staggerMinutes: targetKind === 'tag' ? staggerN : 0,
      runOnce,
      reason: reason.trim() || undefined,
      ...(schedule ? {} : { enabled }),
    }
    try {
      const saved = schedule ? await update.mutateAsync(body) : await create.mutateAsync(body)
      router.push(`/schedules/${saved.id}`)
    } catch (err) {
      if (err instanceof ApiError && err.field) {
        const key = (err.field === 'tag' && targetKind === 'site' ? 'siteId' : err.field) as keyof Errors
        setErrors({ [key]: err.message.replace(new RegExp(`^${err.field}: `), '') })
      } else setErrors({ form: err instanceof Error ? err.message : String(err) })
    }
  }

  const extraFieldError = errors.name ?? errors.profileId ?? errors.descriptionTemplate
  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="flex flex-col gap-6">
        {errors.form && <ErrorPanel title="The schedule was not saved" message={errors.form} />}
        <Panel title="What to back up">
          <div className="flex flex-col gap-4">
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Target</legend>
              <div className="mt-2 inline-flex rounded-md bg-slate-100 p-0.5" role="radiogroup">
                {(['site', 'tag'] as const).map((k) => (
                  <label
                    key={k}
                    className={`cursor-pointer rounded px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600 ${targetKind === k ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
                  >
                    <input
                      type="radio"
                      name="target"
                      value={k}
                      checked={targetKind === k}
                      onChange={() => setTargetKind(k)}
                      className="sr-only"
                    />
                    {k === 'site' ? 'One site' : 'Every site with a tag'}
                  </label>
                ))}
              </div>
            </fieldset>
            {targetKind === 'site' ? (
              <SelectField
                label="Site"
                required
                value={siteId}
                onChange={(e) => setSiteId(e.target.value)}
                error={errors.siteId}
              >
                <option value="">Choose a site…</option>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
            ) : (
              <>
                <TextField
                  label="Tag"
                  required
                  value={tag}
                  onChange={(e) => setTag(e.target.value)}
                  list="schedule-tags"
                  error={errors.tag ?? (errors.siteId && targetKind === 'tag' ? errors.siteId : undefined)}
                  hint={
                    tag.trim()
                      ? `${tagged.length} ${tagged.length === 1 ? 'site has' : 'sites have'} this tag now; sites tagged later are included too.`
                      : 'Sites tagged later are included automatically.'
                  }
                />
                <datalist id="schedule-tags">
                  {tags.map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
                <TextField
                  label="Stagger window (minutes)"
                  type="number"
                  min={0}
                  max={1440}
                  inputMode="numeric"
                  value={stagger}
                  onChange={(e) => setStagger(e.target.value)}
                  error={errors.staggerMinutes}
                  hint="Spreads the sites’ start times over this many minutes after each fire (each site keeps the same slot), so sites on one server don’t all start at once. 0 = all at the fire time."
                />
              </>
            )}
            <SelectField
              label="Backup profile"
              value={profileId}
              onChange={(e) => setProfileId(e.target.value)}
              error={errors.profileId}
            >
              <option value="">
                {targetKind === 'site' ? 'The site’s default profile' : 'Each site’s default profile'}
              </option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  #{p.id} {p.name}
                </option>
              ))}
            </SelectField>
          </div>
        </Panel>

        <Panel title="When">
          <div className="flex flex-col gap-4">
            <Field
              label="Cron expression"
              required
              error={errors.cron ?? liveCronError}
              hint="5 fields: minute hour day-of-month month day-of-week. Seconds are not supported."
            >
              {(p) => (
                <Input
                  {...p}
                  value={cron}
                  onChange={(e) => {
                    setCron(e.target.value)
                    setErrors((x) => ({ ...x, cron: undefined }))
                  }}
                  className="font-mono"
                  spellCheck={false}
                  autoComplete="off"
                />
              )}
            </Field>
            <div className="-mt-2 flex flex-wrap gap-1.5" aria-label="Common patterns">
              {PRESETS.map((p) => (
                <Button
                  key={p.cron}
                  size="sm"
                  variant="ghost"
                  className="ring-1 ring-slate-200 ring-inset"
                  onClick={() => setCron(p.cron)}
                  aria-pressed={cron.trim() === p.cron}
                >
                  {p.label}
                </Button>
              ))}
            </div>
            {/* On phones the preview sits under the rule; on wide screens it stays beside the form. */}
            <CronPreviewList
              className="lg:hidden"
              testId="cron-preview-inline"
              preview={previewError ? undefined : preview.data}
              timezone={timezone}
              loading={preview.isFetching}
            />
            <Field
              label="Time zone"
              required
              error={errors.timezone ?? liveTzError}
              hint={
                viewerTz && timezone === viewerTz
                  ? 'Your browser’s zone. Fires follow this zone’s clock, including daylight saving time.'
                  : 'Fires follow this zone’s clock, including daylight saving time.'
              }
            >
              {(p) => (
                <TimeZonePicker
                  {...p}
                  required
                  zones={zones}
                  value={timezone}
                  onChange={setTzChoice}
                  suggested={suggestedZones}
                />
              )}
            </Field>
            {checkbox(
              'run-once',
              runOnce,
              setRunOnce,
              'Run once',
              'Fires at the next match only, then disables itself (the reason is recorded).',
            )}
            {!schedule && checkbox('enabled', enabled, setEnabled, 'Enabled', 'Untick to save it without firing yet.')}
          </div>
        </Panel>

        <Panel title="Details">
          <div className="flex flex-col gap-4">
            <TextField
              label="Name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={120}
              error={errors.name}
              placeholder="Generated from the rule and target when empty"
            />
            <TextField
              label="Backup description"
              value={template}
              onChange={(e) => setTemplate(e.target.value)}
              maxLength={255}
              error={errors.descriptionTemplate}
              placeholder="Scheduled backup ({schedule}) {date} {time} {timezone}"
              hint={
                <>
                  Shown in Akeeba’s backup list. Placeholders:{' '}
                  {Object.entries(TEMPLATE_PLACEHOLDERS).map(([k, v], i) => (
                    <span key={k}>
                      {i > 0 && ', '}
                      <code className="font-mono text-slate-800">{k}</code> {v}
                    </span>
                  ))}
                  .
                </>
              }
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label={schedule ? 'Why the change' : 'Note'}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={500}
                hint="Optional; shown with the schedule’s state."
              />
            </div>
            {extraFieldError && !errors.form && (
              <p className="sr-only" role="alert">
                {extraFieldError}
              </p>
            )}
          </div>
        </Panel>
      </div>

      <div className="flex flex-col gap-4 lg:sticky lg:top-6 lg:self-start">
        <CronPreviewList
          className="hidden lg:block"
          preview={previewError ? undefined : preview.data}
          timezone={timezone}
          loading={preview.isFetching}
        />
        <div className="flex gap-2">
          <Button type="submit" variant="primary" icon={Save} busy={busy}>
            {schedule ? 'Save changes' : 'Create schedule'}
          </Button>
          <ButtonLink href={schedule ? `/schedules/${schedule.id}` : '/schedules'} variant="secondary">
            Cancel
          </ButtonLink>
        </div>
      </div>
    </form>
  )
}
