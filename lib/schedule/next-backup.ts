// Each site's next scheduled backup (SiteDto.nextBackupAt), over every enabled schedule.
import { enabledScheduleFires } from '../db/schedules'
import { siteNextStart } from './site-next-start'
import { targetsOf } from './targets'

/** When each site's next scheduled backup starts (its stagger offset included); sites with none are absent. */
export async function nextBackupBySite(
  sites: { id: string; tags: string[] }[],
  now = new Date(),
): Promise<Map<string, Date>> {
  const out = new Map<string, Date>()
  if (sites.length === 0) return out
  for (const s of await enabledScheduleFires()) {
    for (const site of targetsOf(s, sites)) {
      const at = siteNextStart(s, site.id, now)
      const cur = out.get(site.id)
      if (at && (!cur || at < cur)) out.set(site.id, at)
    }
  }
  return out
}
