// GET /api/metrics: this process's series (engine calls, step durations, scheduler lag, process
// metrics) and the fleet-wide counts read from the database, in the Prometheus text format.
import { Registry } from 'prom-client'
import { fleetRegistry } from './fleet'
import { inProcessMetrics } from './registry'

export async function scrapeMetrics(): Promise<{ body: string; contentType: string }> {
  const merged = Registry.merge([inProcessMetrics().registry, await fleetRegistry()])
  return { body: await merged.metrics(), contentType: merged.contentType }
}
