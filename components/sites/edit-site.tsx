'use client'

import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Pencil } from 'lucide-react'
import { ApiError, apiPatch } from '@/lib/api/client-fetch'
import { archiveKeys, siteKeys } from '@/lib/query-keys'
import type { SiteDto } from '@/lib/domain/sites'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { FormDialog } from './form-dialog'
import { daysFromHours, maxAgeError, maxAgeHours, nameError, parseTags, tagsError, urlError } from './site-form-values'

type Errors = Partial<
  Record<'name' | 'url' | 'key' | 'tags' | 'hostGroup' | 'maxAge' | 'defaultProfileId' | 'form', string>
>

const FIELD_MAP: Record<string, keyof Errors> = {
  name: 'name',
  url: 'url',
  key: 'key',
  tags: 'tags',
  hostGroup: 'hostGroup',
  maxBackupAgeHours: 'maxAge',
  defaultProfileId: 'defaultProfileId',
}

function initial(site: SiteDto) {
  return {
    name: site.name,
    url: site.baseUrl,
    key: '',
    tags: site.tags.join(', '),
    hostGroup: site.hostGroup ?? '',
    maxAge: daysFromHours(site.maxBackupAgeHours),
    defaultProfileId: String(site.defaultProfileId),
  }
}

/** Edit name, address, key (empty = unchanged), tags, host group, max age and default profile. */
export function EditSite({ site }: { site: SiteDto }) {
  const qc = useQueryClient()
  const [open, setOpen] = useState(false)
  const [v, setV] = useState(() => initial(site))
  const [errors, setErrors] = useState<Errors>({})
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiPatch<{ site: SiteDto }>(`/api/sites/${site.id}`, body),
    onSuccess: ({ site: s }) => qc.setQueryData(siteKeys.detail(s.id), s),
    // A new address or key re-reads the site's archive list (lib/sites/connect-site.ts).
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: siteKeys.all }),
        qc.invalidateQueries({ queryKey: archiveKeys.all }),
      ]),
  })

  function openDialog() {
    setV(initial(site))
    setErrors({})
    setOpen(true)
  }

  function validate(): Errors {
    const e: Errors = {}
    const checks: [keyof Errors, string | null][] = [
      ['name', nameError(v.name)],
      ['url', urlError(v.url)],
      ['tags', tagsError(v.tags)],
      ['maxAge', maxAgeError(v.maxAge)],
    ]
    for (const [k, m] of checks) if (m) e[k] = m
    if (v.key && v.key.trim() !== v.key) e.key = 'The key starts or ends with a space; copy it again without it.'
    return e
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault()
    const errs = validate()
    setErrors(errs)
    if (Object.keys(errs).length) return
    const body: Record<string, unknown> = {}
    if (v.name.trim() !== site.name) body.name = v.name.trim()
    if (v.url.trim() !== site.baseUrl) body.url = v.url.trim()
    if (v.key) body.key = v.key
    const tags = parseTags(v.tags)
    if (tags.join('\n') !== site.tags.join('\n')) body.tags = tags
    if ((v.hostGroup.trim() || null) !== site.hostGroup) body.hostGroup = v.hostGroup.trim() || null
    const hours = maxAgeHours(v.maxAge)
    if (hours !== site.maxBackupAgeHours) body.maxBackupAgeHours = hours
    if (Number(v.defaultProfileId) !== site.defaultProfileId) body.defaultProfileId = Number(v.defaultProfileId)
    if (Object.keys(body).length === 0) return setOpen(false)
    try {
      const { site: s } = await save.mutateAsync(body)
      // A new address or key was re-checked by the server: say so if it did not connect.
      if ((body.url || body.key) && s.connectionStatus !== 'ok') {
        setErrors({
          [body.key ? 'key' : 'url']: `Saved, but the re-check failed: ${s.connectionError ?? 'not connected'}`,
        })
        return
      }
      setOpen(false)
    } catch (err) {
      if (err instanceof ApiError && err.field && FIELD_MAP[err.field.split('.')[0]]) {
        setErrors({ [FIELD_MAP[err.field.split('.')[0]]]: err.message.replace(/^[\w.]+: /, '') })
      } else setErrors({ form: err instanceof Error ? err.message : String(err) })
    }
  }

  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV((cur) => ({ ...cur, [k]: e.target.value }))
  return (
    <>
      <Button variant="secondary" icon={Pencil} onClick={openDialog}>
        Edit
      </Button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        busy={save.isPending}
        title={`Edit ${site.name}`}
        description="A new address or key is checked before backups use it."
      >
        <form method="post" noValidate onSubmit={submit} className="flex flex-col gap-4">
          <TextField label="Name" name="name" required value={v.name} onChange={set('name')} error={errors.name} />
          <TextField
            label="Site address"
            name="url"
            required
            spellCheck={false}
            value={v.url}
            onChange={set('url')}
            error={errors.url}
          />
          <TextField
            label="Secret word (key)"
            name="key"
            type="password"
            autoComplete="new-password"
            placeholder="Unchanged"
            value={v.key}
            onChange={set('key')}
            error={errors.key}
            hint="Leave empty to keep the stored key. It is never shown."
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Tags"
              name="tags"
              value={v.tags}
              onChange={set('tags')}
              error={errors.tags}
              hint="Comma-separated."
            />
            <TextField
              label="Host group"
              name="hostGroup"
              value={v.hostGroup}
              onChange={set('hostGroup')}
              error={errors.hostGroup}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Maximum backup age (days)"
              name="maxAge"
              inputMode="decimal"
              value={v.maxAge}
              onChange={set('maxAge')}
              error={errors.maxAge}
            />
            <SelectField
              label="Default profile"
              name="defaultProfileId"
              value={v.defaultProfileId}
              onChange={set('defaultProfileId')}
              error={errors.defaultProfileId}
            >
              {(site.profiles.length ? site.profiles : [{ id: site.defaultProfileId, name: 'Default profile' }]).map(
                (p) => (
                  <option key={p.id} value={p.id}>
                    #{p.id} {p.name}
                  </option>
                ),
              )}
            </SelectField>
          </div>
          {errors.form && (
            <p role="alert" className="rounded-md border border-red-200 bg-bad-bg px-3 py-2 text-sm text-bad-fg">
              {errors.form}
            </p>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={save.isPending}>
              Save changes
            </Button>
          </div>
        </form>
      </FormDialog>
    </>
  )
}
