// One fake site: its records, the backups in flight (keyed by the backupid clients step them with),
// the calls it received and its scenario. No HTTP here.
import { archiveBaseName, makeBackupId, sqlDate } from './clock'
import { archiveExtension, buildPlan, normaliseType, type PlanStep } from './plan'
import { PERSONAS, type PersonaTraits } from './persona'
import { applyQuota, killRecord, type SiteRecord } from './records'
import { ARCHIVE_ALPHABET, createRng, mix32, type Rng } from './rng'
import { mergeScenario, resolveScenario } from './scenario'
import type { BackupType, FakeCall, FakeSiteConfig, Persona, Scenario, ScenarioInput } from './types'

/** A backup in flight. */
export interface Run {
  /** The backupid reported in step objects ("" for a zombie backup — fixture wp/04 C). */
  backupid: string
  recordId: number
  profile: number
  archive: string
  plan: PlanStep[]
  /** Index of the next plan step; === plan.length means the next call answers `finished`. */
  pos: number
  /** The stepNumber of the last answer. */
  stepNumber: number
  zombie: boolean
  fired: Set<string>
}

export interface StartOptions {
  profile: number
  description: string
  comment: string
  type: BackupType
  archiver: string | undefined
  partSize: number
  zombie: boolean
}

/** Calls kept per site; past it the oldest half is dropped (a 1,000-site benchmark must not grow without bound). */
export const MAX_CALLS_KEPT = 5_000

export class FakeSite {
  readonly id: string
  readonly persona: Persona
  readonly traits: PersonaTraits
  readonly cfg: FakeSiteConfig
  readonly rootPath: string
  scenario: Scenario
  readonly records = new Map<number, SiteRecord>()
  readonly runs = new Map<string, Run>()
  /** backupids answered with a fresh init state; the next call with one starts a zombie backup (WP). */
  readonly freshZombies = new Set<string>()
  readonly calls: FakeCall[] = []
  nextRecordId = 1
  failuresDone = 0
  startsFailed = 0
  readonly rng: Rng
  private readonly clock: () => Date

  constructor(cfg: FakeSiteConfig, clock: () => Date) {
    this.cfg = cfg
    this.id = cfg.id
    this.persona = cfg.persona
    this.traits = PERSONAS[cfg.persona]
    this.rootPath = `/var/www/${cfg.id}`
    this.scenario = resolveScenario(cfg.id, cfg.scenario)
    this.rng = createRng(mix32(this.scenario.seed, 0x5eed))
    this.clock = clock
    if (cfg.seedHistory) this.seedHistory(cfg.seedHistory)
  }

  now(): Date {
    return this.clock()
  }

  setScenario(patch: ScenarioInput | Record<string, unknown>): void {
    this.scenario = mergeScenario(this.scenario, patch)
  }

  recordCall(call: FakeCall): void {
    if (this.calls.length >= MAX_CALLS_KEPT) this.calls.splice(0, MAX_CALLS_KEPT / 2)
    this.calls.push(call)
  }

  /** startBackup's reset: every running record fails, every saved engine state is dropped (fact 3). */
  killRunning(): void {
    for (const r of this.records.values()) if (r.status === 'run') killRecord(r)
    this.runs.clear()
    this.freshZombies.clear()
  }

  /** Creates the record and the in-flight run of a new backup (startBackup, or a zombie's 2nd call). */
  createBackup(o: StartOptions, runKey?: string, at: Date = this.now()): Run {
    const id = this.nextRecordId++
    const rng = createRng(mix32(this.scenario.seed, id))
    const ext = archiveExtension(o.type, o.archiver)
    const archivename = `${archiveBaseName(at, rng.chars(16, ARCHIVE_ALPHABET))}.${ext}`
    let backupid = o.zombie ? '' : makeBackupId(at, rng.int(0, 999_999))
    while (backupid !== '' && this.runs.has(backupid)) backupid = makeBackupId(at, rng.int(0, 999_999))
    const sizeSpec = o.type === 'dbonly' ? this.scenario.dbSizeBytes : this.scenario.archiveSizeBytes
    const archiveSize = typeof sizeSpec === 'number' ? sizeSpec : rng.int(sizeSpec[0], sizeSpec[1])
    const rec: SiteRecord = {
      id,
      description: o.description,
      comment: o.comment,
      backupstart: sqlDate(at),
      backupend: sqlDate(at),
      status: 'run',
      type: o.type,
      profileId: o.profile,
      archivename,
      absolutePath: `${this.rootPath}/${this.traits.outputDir}/${archivename}`,
      multipart: 0,
      backupid,
      filesexist: 1,
      remoteFilename: null,
      totalSize: 0,
      instep: 0,
      filesPresent: true,
      archiveSize: Math.max(1, Math.floor(archiveSize)),
      partSize: o.type === 'dbonly' ? 0 : Math.max(0, Math.floor(o.partSize)),
      writtenBytes: this.traits.initialPartialSize,
      ext,
      contentKind: ext === 'sql' ? 'sql' : (ext as 'jpa' | 'jps' | 'zip'),
      contentSeed: mix32(this.scenario.seed ^ 0xa5a5a5a5, id),
    }
    this.records.set(id, rec)
    const run: Run = {
      backupid,
      recordId: id,
      profile: o.profile,
      archive: archivename,
      plan: buildPlan(o.type, this.persona, this.scenario.stepsPerDomain),
      pos: 0,
      stepNumber: 2,
      zombie: o.zombie,
      fired: new Set(),
    }
    this.runs.set(runKey ?? backupid, run)
    return run
  }

  /** The engine finalised the archive (at the postrun step): record complete, quota applied. */
  completeRecord(rec: SiteRecord, at: Date = this.now()): void {
    if (rec.status !== 'run') return
    rec.status = 'complete'
    rec.backupend = sqlDate(at)
    rec.totalSize = rec.archiveSize
    rec.writtenBytes = rec.archiveSize
    rec.multipart = rec.partSize > 0 && rec.archiveSize > rec.partSize ? Math.ceil(rec.archiveSize / rec.partSize) : 0
    rec.instep = 1
    applyQuota(this.records.values(), rec.profileId, this.scenario.countQuota)
  }

  private seedHistory(count: number): void {
    const now = this.now().getTime()
    for (let i = count; i >= 1; i--) {
      const at = new Date(now - i * 86_400_000)
      const run = this.createBackup(
        {
          profile: 1,
          description: `Nightly backup ${sqlDate(at).slice(0, 10)}`,
          comment: '',
          type: normaliseType(undefined, this.scenario.backupType),
          archiver: undefined,
          partSize: this.scenario.partSizeBytes ?? 0,
          zombie: false,
        },
        undefined,
        at,
      )
      this.completeRecord(this.records.get(run.recordId)!, new Date(at.getTime() + 95_000))
    }
    this.runs.clear()
  }
}
