'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Activity, Play } from 'lucide-react'
import { ApiError, apiPost } from '@/lib/api/client-fetch'
import { runKeys, siteKeys } from '@/lib/query-keys'
import type { RunDto } from '@/lib/domain/runs'
import type { SiteDto } from '@/lib/domain/sites'
import { Button, ButtonLink } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { FormDialog } from './form-dialog'

/** "Back up now": choose a profile, add a note, start, and go watch the run. */
export function BackUpNow({ site }: { site: SiteDto }) {
  const router = useRouter()
  const qc = useQueryClient()
  const [open, setOpen] = useState(false)
  const [profileId, setProfileId] = useState(String(site.defaultProfileId))
  const [description, setDescription] = useState('')
  const [error, setError] = useState<{ field?: string; message: string } | null>(null)
  const start = useMutation({
    mutationFn: () =>
      apiPost<{ run: RunDto }>(`/api/sites/${site.id}/backups`, {
        profileId: Number(profileId),
        ...(description.trim() ? { description: description.trim() } : {}),
      }),
  })
  const connected = site.connectionStatus === 'ok'

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (description.length > 255)
      return setError({ field: 'description', message: 'Keep the description under 255 characters.' })
    setError(null)
    try {
      const { run } = await start.mutateAsync()
      await Promise.all([
        qc.invalidateQueries({ queryKey: siteKeys.all }),
        qc.invalidateQueries({ queryKey: runKeys.all }),
      ])
      router.push(`/runs/${run.id}`)
    } catch (err) {
      setError({
        field: err instanceof ApiError ? err.field : undefined,
        message: err instanceof Error ? err.message : String(err),
      })
    }
  }

  const profiles = site.profiles.length ? site.profiles : [{ id: site.defaultProfileId, name: 'Default profile' }]
  // One backup per site at a time: while one is queued or running, the button leads to it (the server
  // answers a second press with that same run anyway).
  if (site.activeRun) {
    return (
      <ButtonLink variant="secondary" icon={Activity} href={`/runs/${site.activeRun.id}`}>
        {site.activeRun.status === 'queued' ? 'Backup queued…' : 'Backing up…'}
      </ButtonLink>
    )
  }
  return (
    <>
      <Button
        variant="primary"
        icon={Play}
        onClick={() => setOpen(true)}
        disabled={!connected}
        title={connected ? undefined : 'Re-check the connection first'}
      >
        Back up now
      </Button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        busy={start.isPending}
        title={`Back up ${site.name}`}
        description="The backup runs on the site; you will watch it live."
      >
        <form method="post" noValidate onSubmit={submit} className="flex flex-col gap-4">
          <SelectField
            label="Profile"
            name="profileId"
            value={profileId}
            onChange={(e) => setProfileId(e.target.value)}
            error={error?.field === 'profileId' ? error.message : null}
          >
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                #{p.id} {p.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Description"
            name="description"
            placeholder="e.g. Before updating WooCommerce"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={error?.field === 'description' ? error.message : null}
            hint="Optional. Shown in the archive history."
          />
          {error && !['profileId', 'description'].includes(error.field ?? '') && (
            <p role="alert" className="rounded-md border border-red-200 bg-bad-bg px-3 py-2 text-sm text-bad-fg">
              {error.message}
            </p>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={start.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" icon={Play} busy={start.isPending}>
              Start backup
            </Button>
          </div>
        </form>
      </FormDialog>
    </>
  )
}
