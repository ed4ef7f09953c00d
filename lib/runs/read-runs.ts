// Runs and their steps for the pages and the API.
import { notFound } from '../api/errors'
import { getRun as findRun, listRuns as findRuns, listSteps as findSteps } from '../db/runs'
import type { RunDto, RunFilter, StepDto } from '../domain/runs'

export function listRuns(f: RunFilter = {}): Promise<RunDto[]> {
  return findRuns(f)
}

export function getRun(id: string): Promise<RunDto | null> {
  return findRun(id)
}

/** The run's steps after `afterSeq`, oldest first. */
export function listSteps(runId: string, afterSeq = 0): Promise<StepDto[]> {
  return findSteps(runId, afterSeq)
}

/** The run and its steps after `afterSeq` only, so a live page polls cheaply. */
export async function readRunDetail(id: string, afterSeq = 0): Promise<{ run: RunDto; steps: StepDto[] }> {
  const run = await findRun(id)
  if (!run) throw notFound('run', id)
  return { run, steps: await findSteps(id, afterSeq) }
}
