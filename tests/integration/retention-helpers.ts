// Shared by the retention integration tests: a fake site with 40 seeded records of every kind.
import type { FakeFleet } from '@/lib/fake-site'
import type { RecordSeed } from '@/lib/fake-site/seed-records'
import { addSite } from '@/lib/sites/connect-site'
import { syncSiteArchives } from '@/lib/archives/sync-archives'

export type Kind = 'ok' | 'run' | 'fail' | 'frozen' | 'foreign' | 'obsolete'

/** Record i (0 = oldest) of the 40: started (39 - i) * 3 + 0.5 days ago. */
export const daysAgoOf = (i: number) => (39 - i) * 3 + 0.5

/** The newest is running, the next failed; two frozen, three foreign, one without files, one old failure. */
export function kindOf(i: number): Kind {
  if (i === 39) return 'run'
  if (i === 38 || i === 20) return 'fail'
  if (i === 10 || i === 11) return 'frozen'
  if (i === 5 || i === 15 || i === 25) return 'foreign'
  if (i === 30) return 'obsolete'
  return 'ok'
}

export function fortySeeds(): RecordSeed[] {
  return Array.from({ length: 40 }, (_, i) => {
    const k = kindOf(i)
    return {
      daysAgo: daysAgoOf(i),
      status: k === 'run' ? 'run' : k === 'fail' ? 'fail' : 'complete',
      frozen: k === 'frozen',
      filesPresent: k !== 'obsolete',
      description: `Seeded ${i}`,
      comment: k === 'foreign' ? 'made by hand in the site admin' : `stepwise-run:seed${i}`,
    }
  })
}

export async function seededSite(
  fleet: FakeFleet,
  id: string,
  o: { persona?: 'wordpress' | 'joomla'; tags?: string[]; seeds?: RecordSeed[] } = {},
): Promise<string> {
  const info = fleet.addSite({ id, persona: o.persona ?? 'wordpress', key: `key${id.replace(/-/g, '')}Abc123xyz` })
  fleet.seedRecords(id, o.seeds ?? fortySeeds())
  const site = await addSite({ name: id, url: info.url, key: info.key, tags: o.tags ?? [], saveIfUnreachable: false })
  await syncSiteArchives(site.id)
  return site.id
}
