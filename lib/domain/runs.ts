// A backup run and its steps as the API returns them and every page shows them (an API contract:
// field names and shapes do not change).
import type { RunStatus } from './run-status'

export interface RunDto {
  id: string
  siteId: string
  siteName: string
  profileId: number
  description: string | null
  trigger: string
  requestedBy: string | null
  scheduleId: string | null
  status: RunStatus
  phase: string
  domain: string | null
  step: string | null
  substep: string | null
  progress: number
  backupType: string | null
  warningsCount: number
  archiveName: string | null
  remoteBackupId: string | null
  remoteRecordId: number | null
  lastStepNumber: number | null
  retryCount: number
  errorKind: string | null
  errorMessage: string | null
  cancelRequested: boolean
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  updatedAt: string
  nextTickAt: string | null
}

export interface StepDto {
  seq: number
  call: string
  stepNumber: number | null
  domain: string | null
  step: string | null
  substep: string | null
  progress: number | null
  warnings: string[]
  error: string | null
  errorKind: string | null
  sleepTime: number | null
  stepState: string | null
  httpStatus: number
  envelopeStatus: number | null
  durationMs: number
  rawBody?: string
  createdAt: string
}

/** Which runs a list shows (GET /api/runs, the runs, site and overview pages). */
export interface RunFilter {
  siteId?: string
  status?: RunStatus[]
  trigger?: string
  since?: Date
  until?: Date
  limit?: number
}
