'use client'

import { Spinner } from '@/components/ui/spinner'
import { DownloadLogLink } from './download-log-link'
import { useRunLog } from './use-run-log'

/** The run's text log (GET /api/runs/{id}/log) in a monospace viewer. */
export default function RunLogViewer({ runId, live }: { runId: string; live: boolean }) {
  const log = useRunLog(runId, { enabled: true, live })
  return (
    <div className="space-y-3 p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {live ? 'Updates every few seconds while the backup runs.' : 'The complete record of this run, step by step.'}
        </p>
        <DownloadLogLink runId={runId} />
      </div>
      {log.isPending ? (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> Loading the log…
        </p>
      ) : log.isError ? (
        <p role="alert" className="text-sm text-bad-fg">
          {log.error.message}
        </p>
      ) : (
        <pre
          aria-label="Backup log"
          tabIndex={0}
          className="max-h-[32rem] overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed whitespace-pre text-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          {log.data}
        </pre>
      )}
    </div>
  )
}
