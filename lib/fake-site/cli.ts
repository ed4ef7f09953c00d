// npx tsx lib/fake-site/cli.ts --sites 5 --port 4010 --persona wordpress|joomla|mixed --latency 1500
//   [--ttl-minutes N] [--seed N] [--demo]
// Prints one line per site (name, site root URL, key) and stays up until Ctrl-C or the TTL.
import { startDemoFleet, demoKey } from './demo-fleet'
import { startFakeFleet, type FakeFleet } from './fleet'
import { hash32 } from './rng'
import type { FakeSiteConfig, FakeSiteInfo, Persona } from './types'

interface Args {
  sites: number
  port: number
  persona: Persona | 'mixed'
  latency: number
  ttlMinutes: number | null
  seed: number
  demo: boolean
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sites: 5, port: 4010, persona: 'mixed', latency: 1500, ttlMinutes: null, seed: 1, demo: false }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    const num = (): number => {
      const n = Number(value)
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`)
      i++
      return n
    }
    if (flag === '--sites') a.sites = Math.floor(num())
    else if (flag === '--port') a.port = Math.floor(num())
    else if (flag === '--latency') a.latency = num()
    else if (flag === '--ttl-minutes') a.ttlMinutes = num()
    else if (flag === '--seed') a.seed = Math.floor(num())
    else if (flag === '--demo') a.demo = true
    else if (flag === '--persona') {
      if (value !== 'wordpress' && value !== 'joomla' && value !== 'mixed')
        throw new Error('--persona is wordpress, joomla or mixed')
      a.persona = value
      i++
    } else if (flag === '--help' || flag === '-h') {
      console.log(
        'usage: tsx lib/fake-site/cli.ts [--sites N] [--port P] [--persona wordpress|joomla|mixed] [--latency MS] [--ttl-minutes N] [--seed N] [--demo]',
      )
      process.exit(0)
    } else throw new Error(`unknown argument ${flag}`)
  }
  return a
}

function siteConfigs(a: Args): FakeSiteConfig[] {
  const width = String(a.sites).length
  return Array.from({ length: a.sites }, (_, i) => {
    const id = `site-${String(i + 1).padStart(Math.max(2, width), '0')}`
    const persona: Persona = a.persona === 'mixed' ? (i % 2 === 0 ? 'wordpress' : 'joomla') : a.persona
    return {
      id,
      persona,
      key: demoKey(a.seed, id),
      seedHistory: 2,
      scenario: {
        stepLatencyMs: a.latency > 0 ? [Math.round(a.latency * 0.8), Math.round(a.latency * 1.2)] : 0,
        seed: hash32(`${a.seed}:${id}`),
      },
    }
  })
}

function print(fleet: FakeFleet, sites: (FakeSiteInfo & { behaviour?: string })[]): void {
  const nameWidth = Math.max(...sites.map((s) => s.name.length))
  for (const s of sites)
    console.log(
      `${s.name.padEnd(nameWidth)}  ${s.persona.padEnd(9)}  ${s.url}  ${s.key}${s.behaviour ? `  # ${s.behaviour}` : ''}`,
    )
  console.log(`\ncontrol: ${fleet.baseUrl}/_fake/sites   (Ctrl-C to stop)`)
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2))
  let fleet: FakeFleet
  if (a.demo) {
    const demo = await startDemoFleet({ port: a.port, latencyMs: a.latency, seed: a.seed })
    fleet = demo.fleet
    print(fleet, demo.sites)
  } else {
    fleet = await startFakeFleet({ port: a.port, sites: siteConfigs(a) })
    print(fleet, fleet.sites())
  }
  const stop = (why: string) => {
    console.log(`\nstopping (${why})`)
    void fleet.close().then(() => process.exit(0))
  }
  process.on('SIGINT', () => stop('Ctrl-C'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  if (a.ttlMinutes !== null) setTimeout(() => stop(`TTL of ${a.ttlMinutes} min`), a.ttlMinutes * 60_000)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
