// Bulk "Delete files": each archive goes through the one fenced, audited delete path
// (delete-archive.ts deleteOnSite, mode 'files': the site is asked, its list re-read, the outcome
// audited). Archives of one site are handled one after another (each re-reads that site's list);
// sites are handled a few at a time. A refusal or failure is that archive's outcome, not the batch's.
import { getArchive } from '../db/archives'
import { AppError } from '../api/errors'
import { logger } from '../log'
import { deleteOnSite } from './delete-archive'
import type { BulkDeleteFilesResult, BulkDeleteOutcome } from './bulk-input'

const SITES_AT_ONCE = 4

export async function bulkDeleteFiles(ids: string[]): Promise<BulkDeleteFilesResult> {
  const bySite = new Map<string, { index: number; id: string }[]>()
  const results: BulkDeleteOutcome[] = new Array(ids.length)
  for (const [index, id] of ids.entries()) {
    const a = await getArchive(id)
    if (!a) {
      results[index] = {
        id,
        siteId: null,
        siteName: null,
        name: id,
        size: 0,
        ok: false,
        code: 'not_found',
        message: 'No such archive.',
      }
      continue
    }
    const list = bySite.get(a.siteId) ?? []
    list.push({ index, id })
    bySite.set(a.siteId, list)
  }

  const one = async (id: string): Promise<BulkDeleteOutcome> => {
    const a = await getArchive(id)
    const base = {
      id,
      siteId: a?.siteId ?? null,
      siteName: a?.siteName ?? null,
      name: a ? a.archiveName || a.description || `backup #${a.remoteId}` : id,
      size: a?.totalSize ?? 0,
    }
    try {
      const r = await deleteOnSite(id, 'files')
      return { ...base, ok: true, archive: r.archive }
    } catch (e) {
      if (e instanceof AppError) return { ...base, ok: false, code: e.code, message: e.message }
      logger().error({ archiveId: id, err: e instanceof Error ? e.message : String(e) }, 'bulk delete files failed')
      return { ...base, ok: false, code: 'internal', message: 'Something went wrong on the server; see its log.' }
    }
  }

  const queue = [...bySite.values()]
  const worker = async () => {
    for (let site = queue.shift(); site; site = queue.shift()) {
      for (const { index, id } of site) results[index] = await one(id)
    }
  }
  await Promise.all(Array.from({ length: Math.min(SITES_AT_ONCE, queue.length) }, worker))

  const deleted = results.filter((r) => r.ok)
  return {
    results,
    deleted: deleted.length,
    failed: results.length - deleted.length,
    freedBytes: deleted.reduce((n, r) => n + r.size, 0),
  }
}
