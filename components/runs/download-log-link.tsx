'use client'

import { Download } from 'lucide-react'
import { buttonClasses } from '@/components/ui/button'

function downloadLogHref(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/log?download=1`
}

export function DownloadLogLink({ runId, size = 'sm' }: { runId: string; size?: 'sm' | 'md' }) {
  return (
    <a href={downloadLogHref(runId)} download className={buttonClasses({ variant: 'secondary', size })}>
      <Download aria-hidden="true" className={size === 'sm' ? 'size-3.5' : 'size-4'} />
      Download log
    </a>
  )
}
