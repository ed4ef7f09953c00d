// Loads a client report: the tag's sites, their backups in the period and before it.
import { OUTCOME_RUN_STATUSES } from '../domain/run-status'
import { finishedRunsIn, foreignArchivesIn, lastGoodBefore, sitesWithTag, tagCounts } from '../db/reports'
import { buildReport } from './build-report'
import type { ClientReport } from './types'

export async function clientReport(tag: string, from: Date, to: Date, now = new Date()): Promise<ClientReport> {
  const sites = await sitesWithTag(tag)
  const ids = sites.map((s) => s.id)
  const [runs, foreign, goodBefore] = await Promise.all([
    finishedRunsIn(ids, from, to, OUTCOME_RUN_STATUSES),
    foreignArchivesIn(ids, from, to),
    lastGoodBefore(ids, from),
  ])
  return buildReport({ tag, from, to, now, sites, runs, foreign, goodBefore })
}

export { tagCounts as reportTags }
