// startBackup: kills every running backup on the site (fact 3), checks the config (Q001), creates
// the record and runs the engine's first two ticks (the answer carries stepNumber 2).
import { sqlDate } from '../clock'
import { MSG } from '../persona'
import { normaliseType } from '../plan'
import { bracketFields, json, phpInt, type ApiContext, type Outcome } from './outcome'
import { stepObject } from './step-object'
import { backupError, failureAt, htmlPageAt, latencyFor, warningsAt } from './step-rules'

function startFails(ctx: ApiContext): boolean {
  const { site } = ctx
  const f = site.scenario.failAtStart
  if (f === true) return true
  if (typeof f === 'number' && site.startsFailed < f) {
    site.startsFailed++
    return true
  }
  return false
}

export async function startBackup(ctx: ApiContext): Promise<Outcome> {
  const { site, params } = ctx
  site.killRunning()
  if (startFails(ctx)) return backupError(site.traits.q001)

  const sc = site.scenario
  const overrides = bracketFields(params, 'overrides')
  const type = normaliseType(overrides['akeeba.basic.backup_type'], sc.backupType)
  const archiver = overrides['akeeba.advanced.archiver_engine']
  const partSize =
    overrides['engine.archiver.common.part_size'] !== undefined
      ? phpInt(overrides['engine.archiver.common.part_size'])
      : (sc.partSizeBytes ?? 0)
  const profile = Math.max(1, phpInt(params.get('profile') ?? '1'))
  const given = params.get('description') ?? ''
  const description = given !== '' ? given : `Backup taken on ${sqlDate(site.now())} UTC (JSON API)`

  const run = site.createBackup({
    profile,
    description,
    comment: params.get('comment') ?? '',
    type,
    archiver,
    partSize,
    zombie: false,
  })
  const rec = site.records.get(run.recordId)!
  rec.instep = 1
  const latency = latencyFor(site)
  if (latency > 0) await ctx.sleep(latency)

  const page = htmlPageAt(site, 2)
  if (page && !page.commit) return page.outcome
  const failure = failureAt(site, 2)
  if (failure !== null) {
    site.runs.delete(run.backupid)
    rec.filesPresent = false
    return backupError(failure)
  }
  if (rec.status === 'run') rec.instep = 0
  const warnings = warningsAt(site, 2)
  // A JPS archive without a password warns straight from startBackup (fixture wp/03 run B).
  if (archiver === 'jps' && !overrides['engine.archiver.jps.key']) warnings.unshift(MSG.jpsEmptyPassword)
  const data = stepObject({
    hasRun: true,
    domain: 'init',
    step: '',
    warnings,
    archive: run.archive,
    progress: 0,
    backupid: run.backupid,
    sleepTime: sc.sleepTime,
    stepNumber: 2,
    stepState: 'running',
    backupId: run.recordId,
    profile,
  })
  return page ? page.outcome : json(200, data, 2)
}
