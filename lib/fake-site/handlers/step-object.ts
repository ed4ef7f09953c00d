// The step object of startBackup/stepBackup, with the real key order (fixture wp/01).
export interface StepFields {
  hasRun: boolean
  domain: string
  step: string
  warnings: string[]
  archive: string
  progress: number
  backupid: string
  sleepTime: number
  stepNumber: number
  stepState: string
  backupId: number | null
  profile: number
}

export function stepObject(f: StepFields): Record<string, unknown> {
  return {
    HasRun: f.hasRun,
    Domain: f.domain,
    Step: f.step,
    Substep: '',
    Error: '',
    Warnings: f.warnings,
    ErrorException: null,
    Archive: f.archive,
    tag: 'json',
    Progress: f.progress,
    backupid: f.backupid,
    sleepTime: f.sleepTime,
    stepNumber: f.stepNumber,
    stepState: f.stepState,
    BackupID: f.backupId,
    Profile: f.profile,
  }
}

/** The fresh init state a WordPress server answers for an unknown backupid (fixture wp/06 #13). */
export function freshState(sleepTime: number): Record<string, unknown> {
  return stepObject({
    hasRun: true,
    domain: 'init',
    step: '',
    warnings: [],
    archive: '',
    progress: 0,
    backupid: '',
    sleepTime,
    stepNumber: 1,
    stepState: 'running',
    backupId: null,
    profile: 1,
  })
}
