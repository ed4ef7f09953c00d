// Public types of the fake Akeeba site fleet. See README-like notes in fleet.ts and the brief in
// /work/shared/akeeba-protocol.md §11; the fixtures under tests/fixtures/ are the ground truth.

export type Persona = 'wordpress' | 'joomla'
export type Edition = 'pro' | 'core'
export type Domain = 'init' | 'installer' | 'PackDB' | 'Packing' | 'finale'
export type WorkDomain = Exclude<Domain, 'init'>
/** Engine backup types (akeeba.basic.backup_type). Unknown values run the full chain. */
export type BackupType = 'full' | 'dbonly' | 'fileonly' | 'incfile' | 'alldb' | 'incfull'
export type JunkKind = 'bom' | 'php-notice' | 'trailing-html' | 'both'
export type FaultKind = 'reset' | 'timeout' | '502'

/** Everything about how one fake site behaves. All step indices are the `stepNumber` of the response. */
export interface Scenario {
  /** The profile's backup type; `overrides[akeeba.basic.backup_type]` on startBackup wins. Default 'full'. */
  backupType: BackupType
  /** Engine steps per domain after startBackup (init always takes startBackup's two ticks). A number
   *  applies to every domain. Defaults per persona reproduce the fixtures (WP full: stepNumber 2..11). */
  stepsPerDomain?: number | Partial<Record<WorkDomain, number>>
  /** Server-side time per startBackup/stepBackup, ms; a [min, max] range draws per step. Default 0. */
  stepLatencyMs: number | [number, number]
  /** `sleepTime` reported in every step object (ms). Default 0 (the real server sleeps itself). */
  sleepTime: number
  /** Warnings carried only by the response whose stepNumber is `atStep` (2 = startBackup's answer). */
  warnings: { atStep: number; text?: string }[]
  /** The call that would answer `step` fails with status 500 "A backup error has occurred: <text>".
   *  `times` limits how many backups on this site fail (default: every one). */
  failAtStep?: number | { step: number; text?: string; times?: number }
  /** startBackup fails the config check Q001 (true = always, N = the next N starts). No record is made. */
  failAtStart?: boolean | number
  /** Junk around every JSON body. */
  junk?: JunkKind
  /** Answer an HTML error page instead of JSON: on every API call, or for the step calls in `atSteps`.
   *  `commit` (default false): whether the step was carried out before the page was sent. */
  htmlErrorPage?: { always?: boolean; atSteps?: number[]; httpStatus?: number; commit?: boolean }
  /** Transport faults. `rate` draws per API call (methods filter, default all); `atSteps` hits the call
   *  answering that stepNumber. The work is always carried out before the fault (a lost response is
   *  not a lost step — fact 10) unless `commit` is false (rate faults only). */
  transportFaults?: {
    rate?: number
    kinds?: FaultKind[]
    methods?: string[]
    atSteps?: { step: number; kind: FaultKind }[]
    commit?: boolean
    /** How long a 'timeout' holds the connection before destroying it. Default 10 minutes. */
    hangMs?: number
  }
  /** Misbehaviour switches (each fires once per backup, on the call that would answer that stepNumber). */
  zombie?: {
    /** Answer a fresh init state (stepNumber 1, backupid "") as if the engine's temp state vanished. */
    freshAtStep?: number
    /** The server restarts the backup under a new backupid (the response carries the new id). */
    changeBackupidAtStep?: number
    /** The stepNumber goes back by 2 and counting continues from there. */
    stepBackwardsAtStep?: number
  }
  /** The site's stored key differs from the one we hand out: every call → 503. */
  wrongKey?: boolean
  /** "Enable JSON API" is off: every call → 503. */
  apiDisabled?: boolean
  /** Size of a finished archive (a [min, max] range draws per backup). Default 300 KB. */
  archiveSizeBytes: number | [number, number]
  /** Size of a db-only .sql dump. Default 100 KB. */
  dbSizeBytes: number
  /** Multipart archives when set (`overrides[engine.archiver.common.part_size]` wins). */
  partSizeBytes?: number
  /** The profile's count quota: older complete backups beyond it become obsolete. Stock Akeeba: 3
   *  (both real servers showed it). 0 = off. */
  countQuota: number
  /** listBackups answers every record whatever `from` and `limit` say (a broken site once sent 33,301). */
  ignoreListLimit?: boolean
  /** Seed for everything random on this site. Default: derived from the site id. */
  seed: number
}

export type ScenarioInput = Partial<Scenario>

export interface FakeSiteConfig {
  /** URL-safe id: the site lives at /s/<id>/. */
  id: string
  persona: Persona
  /** The secret word (X-Akeeba-Auth / _akeebaAuth). */
  key: string
  edition?: Edition
  /** Overrides getVersion's `api` (WP 400, Joomla 500). */
  apiLevel?: number
  /** Overrides getVersion's `component` (WP "9.1.1", Joomla "9.3.3"). */
  componentVersion?: string
  /** Display name (CLI/demo). Defaults to the id. */
  name?: string
  /** Extra profiles besides "Default Backup Profile" (id 1). */
  profiles?: { id: number; name: string }[]
  /** Pre-create this many complete backups dated in the past (quota applies). */
  seedHistory?: number
  scenario?: ScenarioInput
}

/** One request the site received on its API endpoint, in arrival order. The key is never recorded. */
export interface FakeCall {
  /** The method as sent ('' when missing). */
  method: string
  /** Parameters of the request (the verb's source), without method and _akeebaAuth. */
  params: Record<string, string>
  /** Epoch ms of arrival. */
  at: number
  verb: string
  authOk: boolean
}

/** A backup record as the fake holds it (a copy; mutate nothing). */
export interface FakeRecordView {
  id: number
  description: string
  comment: string
  backupstart: string
  backupend: string
  status: 'run' | 'fail' | 'complete'
  type: string
  profileId: number
  archivename: string
  absolutePath: string
  multipart: number
  backupid: string
  filesexist: 0 | 1
  /** Whether the archive files are really there (deleteFiles clears this before filesexist flips). */
  filesPresent: boolean
  remoteFilename: string | null
  totalSize: number
  instep: 0 | 1
  parts: { part: number; name: string; size: number }[]
}

export interface FakeSiteInfo {
  id: string
  name: string
  persona: Persona
  url: string
  endpointUrl: string
  key: string
}
