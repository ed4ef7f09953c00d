// A ready-made fleet with varied behaviour, for the demo command and manual testing.
import { startFakeFleet, type FakeFleet } from './fleet'
import { createRng, hash32, ALNUM } from './rng'
import type { FakeSiteConfig } from './types'

export interface DemoFleetOptions {
  port?: number
  /** Server-side step time of the "normal" sites (ms). Default 1500. */
  latencyMs?: number
  /** Seed for keys and archive bytes: the same seed gives the same keys across restarts. */
  seed?: number
}

export interface DemoSite {
  id: string
  name: string
  persona: FakeSiteConfig['persona']
  url: string
  endpointUrl: string
  key: string
  behaviour: string
}

/** Keys are derived from the seed so a restarted fleet still matches the keys a dashboard stored. */
export function demoKey(seed: number, id: string): string {
  return createRng(hash32(`${seed}:${id}`)).chars(32, ALNUM)
}

export function demoSiteConfigs(opts: DemoFleetOptions = {}): (FakeSiteConfig & { behaviour: string })[] {
  const seed = opts.seed ?? 1
  const lat = opts.latencyMs ?? 1500
  const site = (
    id: string,
    name: string,
    persona: FakeSiteConfig['persona'],
    behaviour: string,
    scenario: FakeSiteConfig['scenario'],
    extra: Partial<FakeSiteConfig> = {},
  ) => ({
    id,
    name,
    persona,
    key: demoKey(seed, id),
    seedHistory: 4,
    behaviour,
    scenario: { seed: hash32(`${seed}:${id}`), ...scenario },
    ...extra,
  })
  return [
    site('acme-shop', 'Acme Shop', 'wordpress', 'fast, clean backups', { stepLatencyMs: Math.round(lat / 3) }),
    site('harbour-bistro', 'Harbour Bistro', 'joomla', 'Joomla 9.3.3: long Packing domain, deletes refused', {
      stepLatencyMs: [Math.round(lat / 2), lat],
    }),
    site('slow-clinic', 'Slow Clinic', 'wordpress', 'slow steps (several seconds each)', {
      stepLatencyMs: [lat * 2, lat * 3],
    }),
    site('garden-blog', 'Garden Blog', 'wordpress', 'completes with warnings', {
      stepLatencyMs: lat,
      warnings: [
        {
          atStep: 8,
          text: 'The symlink /var/www/garden-blog/wp-content/uploads/old-link points to a file or folder that no longer exists and will NOT be backed up.',
        },
        { atStep: 10, text: 'Unreadable file /var/www/garden-blog/wp-content/cache/big-a.bin. Check permissions' },
      ],
    }),
    site('broken-host', 'Broken Host', 'wordpress', 'every backup fails mid-run (output directory vanishes)', {
      stepLatencyMs: lat,
      failAtStep: 8,
    }),
    site('archive-press', 'Archive Press', 'joomla', 'multipart archive (1 MiB parts)', {
      stepLatencyMs: lat,
      stepsPerDomain: { Packing: 6 },
      archiveSizeBytes: 5 * 1024 * 1024 + 123_456,
      partSizeBytes: 1024 * 1024,
    }),
    site(
      'flaky-network',
      'Flaky Network',
      'wordpress',
      'occasional resets and gateway errors (the work still happens)',
      {
        stepLatencyMs: lat,
        transportFaults: { rate: 0.15, kinds: ['reset', '502'], methods: ['stepBackup'] },
      },
    ),
  ]
}

export async function startDemoFleet(opts: DemoFleetOptions = {}): Promise<{ fleet: FakeFleet; sites: DemoSite[] }> {
  const configs = demoSiteConfigs(opts)
  const fleet = await startFakeFleet({ port: opts.port, sites: configs.map(({ behaviour: _b, ...cfg }) => cfg) })
  const sites = configs.map((c) => {
    const info = fleet.sites().find((s) => s.id === c.id)!
    return { ...info, behaviour: c.behaviour }
  })
  return { fleet, sites }
}
