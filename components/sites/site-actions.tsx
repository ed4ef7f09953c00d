'use client'

import { useRouter } from 'next/navigation'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { RefreshCw, Trash2 } from 'lucide-react'
import { apiDelete, apiPost } from '@/lib/api/client-fetch'
import { archiveKeys, siteKeys } from '@/lib/query-keys'
import type { SiteDto } from '@/lib/domain/sites'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'

function useRecheckSite(siteId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => apiPost<{ site: SiteDto }>(`/api/sites/${siteId}/recheck`),
    onSuccess: ({ site }) => qc.setQueryData(siteKeys.detail(siteId), site),
    // A re-check also re-reads the site's archive list (lib/sites/connect-site.ts).
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: siteKeys.all }),
        qc.invalidateQueries({ queryKey: archiveKeys.all }),
      ]),
  })
}

/** "Re-check connection" (relink): detection again with the stored key. */
export function RecheckButton({ site, variant = 'secondary' }: { site: SiteDto; variant?: 'secondary' | 'primary' }) {
  const recheck = useRecheckSite(site.id)
  return (
    <Button variant={variant} icon={RefreshCw} busy={recheck.isPending} onClick={() => recheck.mutate()}>
      {recheck.isPending ? 'Checking…' : 'Re-check connection'}
    </Button>
  )
}

export function DeleteSiteButton({ site }: { site: SiteDto }) {
  const router = useRouter()
  const qc = useQueryClient()
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" icon={Trash2} className="text-red-700 hover:bg-red-50 hover:text-red-800">
          Delete
        </Button>
      }
      title={`Delete ${site.name}?`}
      description={
        <>
          Removes <strong>{site.name}</strong> ({site.baseUrl}) from Stepwise with its run history, schedules and
          archive list. The backups stored on the site itself are not touched. This cannot be undone.
        </>
      }
      confirmLabel={`Delete ${site.name}`}
      onConfirm={async () => {
        await apiDelete(`/api/sites/${site.id}`)
        qc.removeQueries({ queryKey: siteKeys.detail(site.id) })
        await qc.invalidateQueries({ queryKey: siteKeys.list() })
        router.push('/sites')
      }}
    />
  )
}
