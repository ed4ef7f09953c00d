import { AppError, notFound } from '../api/errors'
import { getRun, requestCancel } from '../db/runs'
import { recordAudit } from '../db/audit'
import { isActiveRunStatus } from '../domain/run-status'
import type { RunDto } from '../domain/runs'
import { wakeLocalRunner } from '../engine/runner-registry'

export async function cancelRun(id: string, deleteRemote: boolean, actor: string | null = null): Promise<RunDto> {
  const run = await getRun(id)
  if (!run) throw notFound('run', id)
  if (!isActiveRunStatus(run.status)) throw new AppError('conflict', `This backup already ended (${run.status.replace('_', ' ')}); there is nothing to cancel.`)
  const after = await requestCancel(id, deleteRemote)
  await recordAudit('run.cancel_requested', { actor, siteId: run.siteId, runId: id, details: { deleteRemote } })
  wakeLocalRunner()
  return after!
}
