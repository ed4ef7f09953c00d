// Puts the demo fleet's sites into the dashboard database as demo sites, idempotently: a site whose
// URL is already registered is re-checked (re-linked) instead of added again.
import { listSites } from '../sites/list-sites'
import { addSite, recheckSite } from '../sites/connect-site'
import { queueBackup } from '../runs/start-run'
import type { DemoSite } from '../fake-site/demo-fleet'

export interface RegisterResult {
  site: DemoSite
  siteId: string
  action: 'added' | 'relinked'
  connected: boolean
}

const trim = (u: string) => u.replace(/\/+$/, '').toLowerCase()

export async function registerDemoSites(
  sites: DemoSite[],
  opts: { kickoff?: boolean } = {},
): Promise<RegisterResult[]> {
  const existing = await listSites()
  const out: RegisterResult[] = []
  for (const s of sites) {
    const match = existing.find((e) => trim(e.baseUrl) === trim(s.url))
    if (match) {
      // Keys derive from a fixed seed, so the stored key still fits; the check refreshes the status.
      const after = await recheckSite(match.id, 'demo')
      out.push({ site: s, siteId: match.id, action: 'relinked', connected: after.connectionStatus === 'ok' })
      continue
    }
    const added = await addSite(
      {
        name: s.name,
        url: s.url,
        key: s.key,
        tags: ['demo', s.persona],
        maxBackupAgeHours: 24,
        saveIfUnreachable: true,
        hostGroup: null,
      },
      'demo',
      { isDemo: true },
    )
    out.push({ site: s, siteId: added.id, action: 'added', connected: added.connectionStatus === 'ok' })
  }
  await syncArchives(out)
  // First time only: one backup per new site, so the overview has something live to show.
  if (opts.kickoff) {
    for (const r of out)
      if (r.action === 'added' && r.connected) await queueBackup(r.siteId, { trigger: 'demo', requestedBy: 'demo' })
  }
  return out
}

/** Imports each site's seeded archive history (best effort: the dashboard syncs later anyway). */
async function syncArchives(results: RegisterResult[]): Promise<void> {
  try {
    const { syncSiteArchives } = await import('../archives/sync-archives')
    for (const r of results) if (r.connected) await syncSiteArchives(r.siteId).catch(() => undefined)
  } catch {
    // Archive sync not available in this build: the site page's sync fills it in.
  }
}
