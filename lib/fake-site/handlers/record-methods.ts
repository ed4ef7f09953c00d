// listBackups, getBackupInfo, delete, deleteFiles (fixtures wp/06, wp/07, joomla/07).
import { MSG } from '../persona'
import { infoRow, listRow } from '../records'
import { errorPage } from './step-rules'
import { json, phpInt, type ApiContext, type Outcome } from './outcome'

export function listBackups({ site, params }: ApiContext): Outcome {
  const from = Math.max(0, phpInt(params.get('from') ?? '0'))
  const limit = params.has('limit') ? phpInt(params.get('limit')) : 50
  const ids = [...site.records.keys()].sort((a, b) => b - a)
  const page = site.scenario.ignoreListLimit ? ids : limit > 0 ? ids.slice(from, from + limit) : ids.slice(from)
  return json(
    200,
    page.map((id) => listRow(site.records.get(id)!)),
  )
}

export function getBackupInfo({ site, params }: ApiContext): Outcome {
  const rec = site.records.get(phpInt(params.get('backup_id')))
  return rec ? json(200, infoRow(rec)) : json(404, MSG.invalidRecord)
}

export function deleteRecord({ site, params }: ApiContext): Outcome {
  const id = phpInt(params.get('backup_id'))
  if (site.persona === 'joomla') {
    // 9.3.3 refuses every delete (no logged-in user for canDelete) — fixture joomla/07 #51-56.
    return id <= 0 ? json(0, MSG.joomlaInvalidId) : json(500, '')
  }
  if (id <= 0) return json(500, MSG.invalidRecord)
  const rec = site.records.get(id)
  if (rec) {
    site.records.delete(id)
    for (const [key, run] of site.runs) if (run.recordId === id) site.runs.delete(key)
  }
  return json(200, true)
}

export function deleteFiles(ctx: ApiContext): Outcome {
  const { site, params } = ctx
  // 9.3.3's DeleteFiles task dies on a misspelt model prefix: HTML 500, nothing deleted (fact 11).
  if (site.persona === 'joomla') return errorPage(site, 500)
  const id = phpInt(params.get('backup_id'))
  if (id <= 0) return json(500, MSG.invalidRecord)
  const rec = site.records.get(id)
  // filesexist flips only at the next listBackups (fixture wp/07 #8-10).
  if (rec) rec.filesPresent = false
  return json(200, true)
}
