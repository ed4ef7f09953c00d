// One process of the benchmark's fake fleet: `count` WordPress sites named `${prefix}${i}`, each
// answering a step after `latency` ms. Prints its base URL as one JSON line, then serves until killed.
import { startFakeFleet } from '../lib/fake-site'

const [prefix, count, latency] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])]
startFakeFleet({
  port: 0,
  sites: Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    persona: 'wordpress' as const,
    key: 'BenchKey123',
    scenario: { stepLatencyMs: latency, countQuota: 0 },
  })),
}).then(
  (fleet) => {
    console.log(JSON.stringify({ baseUrl: fleet.baseUrl }))
    process.on('SIGTERM', () => void fleet.close().then(() => process.exit(0)))
  },
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
