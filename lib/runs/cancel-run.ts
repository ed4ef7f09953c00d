import { AppError, notFound } from '../api/errors'
import { cancelIfQueued, flagCancelIfRunning, getRun } from '../db/runs'
import { recordAudit } from '../db/audit'
import { isActiveRunStatus } from '../domain/run-status'
import type { RunDto } from '../domain/runs'
import { wakeLocalRunner } from '../engine/runner-registry'

export async function cancelRun(id: string, deleteRemote: boolean, actor: string | null = null): Promise<RunDto> {
  const run = await getRun(id)
  if (!run) throw notFound('run', id)
  if (!isActiveRunStatus(run.status))
    throw new AppError(
      'conflict',
      `This backup already ended (${run.status.replace('_', ' ')}); there is nothing to cancel.`,
    )
  // A queued run has never touched the site: cancel it right here. A running one is stopped by the
  // runner at its next tick (it may be inside an HTTP call now).
  await cancelIfQueued(id, 'Cancelled before it started.')
  await flagCancelIfRunning(id, deleteRemote)
  const after = await getRun(id)
  await recordAudit('run.cancel_requested', { actor, siteId: run.siteId, runId: id, details: { deleteRemote } })
  wakeLocalRunner()
  return after!
}
