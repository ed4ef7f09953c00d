// stepBackup. Each call loads the saved state when it arrives, works for the step time, then saves:
// so a call whose client gave up still advances the backup (the re-send jumps by 2), and a re-send
// while that call still runs works on the same saved state and answers the same number (fact 10).
import { makeBackupId } from '../clock'
import { MSG } from '../persona'
import type { FakeSite, Run } from '../site'
import { json, type ApiContext, type Outcome } from './outcome'
import { freshState, stepObject } from './step-object'
import { backupError, failureAt, htmlPageAt, latencyFor, warningsAt } from './step-rules'

export async function stepBackup(ctx: ApiContext): Promise<Outcome> {
  const { site, params } = ctx
  const key = params.get('backupid') ?? ''
  if (key === '') return json(0, MSG.noBackupId)
  const run = site.runs.get(key)
  if (run) return advance(ctx, key, run)

  // Unknown, finished, killed or failed backupid.
  const latency = latencyFor(site)
  if (latency > 0) await ctx.sleep(latency)
  if (!site.traits.zombieOnUnknownId) return backupError(MSG.tempData)
  if (!site.freshZombies.has(key)) {
    site.freshZombies.add(key)
    return json(200, freshState(site.scenario.sleepTime), 1)
  }
  // WordPress: the second call starts an unrelated backup with the profile defaults (fixture wp/06 #14).
  site.freshZombies.delete(key)
  const sc = site.scenario
  const z = site.createBackup(
    {
      profile: 1,
      description: '',
      comment: '',
      type: sc.backupType,
      archiver: undefined,
      partSize: sc.partSizeBytes ?? 0,
      zombie: true,
    },
    key,
  )
  return json(
    200,
    stepObject({
      hasRun: true,
      domain: 'init',
      step: '',
      warnings: warningsAt(site, 2),
      archive: z.archive,
      progress: 0,
      backupid: '',
      sleepTime: sc.sleepTime,
      stepNumber: 2,
      stepState: 'running',
      backupId: z.recordId,
      profile: 1,
    }),
    2,
  )
}

async function advance(ctx: ApiContext, key: string, run: Run): Promise<Outcome> {
  const { site } = ctx
  const snap = { pos: run.pos, stepNumber: run.stepNumber, backupid: run.backupid }
  const rec = site.records.get(run.recordId)
  if (rec?.status === 'run') rec.instep = 1
  const latency = latencyFor(site)
  if (latency > 0) await ctx.sleep(latency)

  // A startBackup (or a delete) during our step time dropped the saved state: save nothing.
  const alive = (): boolean => site.runs.get(key) === run
  const finishing = snap.pos >= run.plan.length
  const stepNumber = finishing ? snap.stepNumber : snap.stepNumber + 1
  const sc = site.scenario

  if (finishing) {
    if (alive()) site.runs.delete(key)
    const last = run.plan[run.plan.length - 1]
    return json(
      200,
      stepObject({
        hasRun: false,
        domain: last.domain,
        step: '',
        warnings: [],
        archive: run.archive,
        progress: 100,
        backupid: snap.backupid,
        sleepTime: sc.sleepTime,
        stepNumber,
        stepState: 'finished',
        backupId: null,
        profile: run.profile,
      }),
      stepNumber,
    )
  }

  const page = htmlPageAt(site, stepNumber)
  if (page && !page.commit) return page.outcome

  const failure = failureAt(site, stepNumber)
  if (failure !== null) {
    // The engine discards the state; the record stays run/pending until the next startBackup (fact 8).
    if (alive()) site.runs.delete(key)
    if (rec) rec.filesPresent = false
    return backupError(failure)
  }

  const z = sc.zombie
  if (z?.freshAtStep === stepNumber && !run.zombie && once(run, 'fresh')) {
    // As if the temp state file vanished (fixture wp/04 C): a fresh state, the record stays run.
    if (alive()) site.runs.delete(key)
    if (site.traits.zombieOnUnknownId) site.freshZombies.add(key)
    if (rec?.status === 'run') rec.instep = 0
    return json(200, freshState(sc.sleepTime), 1)
  }
  let reported = stepNumber
  if (z?.stepBackwardsAtStep === stepNumber && once(run, 'back')) reported = Math.max(1, stepNumber - 2)
  let backupid = snap.backupid
  if (z?.changeBackupidAtStep === stepNumber && once(run, 'change')) {
    backupid = makeBackupId(site.now(), site.rng.int(0, 999_999))
    run.backupid = backupid
    site.runs.set(backupid, run)
    if (rec) rec.backupid = backupid
  }

  const step = run.plan[snap.pos]
  if (alive()) commit(site, run, snap.pos, reported)
  const data = stepObject({
    hasRun: true,
    domain: step.domain,
    step: step.stepDir ? `${site.rootPath}/${step.stepDir}` : '',
    warnings: warningsAt(site, stepNumber),
    archive: run.archive,
    progress: step.progress,
    backupid,
    sleepTime: sc.sleepTime,
    stepNumber: reported,
    stepState: step.stepState,
    backupId: run.recordId,
    profile: run.profile,
  })
  return page ? page.outcome : json(200, data, stepNumber)
}

function commit(site: FakeSite, run: Run, pos: number, stepNumber: number): void {
  run.pos = pos + 1
  run.stepNumber = stepNumber
  const rec = site.records.get(run.recordId)
  if (!rec || rec.status !== 'run') return
  rec.instep = 0
  rec.writtenBytes = Math.max(rec.writtenBytes, Math.floor((rec.archiveSize * (pos + 1) * 0.9) / run.plan.length))
  // The archive is finalised in finale's last (postrun) step; the `finished` answer only reports it.
  if (run.plan[pos].stepState === 'postrun') site.completeRecord(rec)
}

function once(run: Run, flag: string): boolean {
  if (run.fired.has(flag)) return false
  run.fired.add(flag)
  return true
}
