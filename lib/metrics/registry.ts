// This process's own series: the engine's API calls, step durations and scheduler lag, and the
// Node.js process metrics. One registry per process, kept on globalThis so that dev reloads do not
// register it twice (prom-client refuses a second metric of the same name).
import os from 'node:os'
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'

/** The `runner` label of every per-process series: host:pid, the prefix of this process's runner id. */
export const PROCESS_RUNNER = `${os.hostname()}:${process.pid}`

export interface InProcessMetrics {
  registry: Registry
  apiCalls: Counter<'runner' | 'method' | 'outcome'>
  stepDuration: Histogram<'runner' | 'method' | 'outcome'>
  schedulerLag: Histogram<'runner'>
}

function create(): InProcessMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'stepwise_', labels: { runner: PROCESS_RUNNER } })
  const labelNames = ['runner', 'method', 'outcome'] as const
  return {
    registry,
    apiCalls: new Counter({
      name: 'stepwise_api_calls_total',
      help: 'Akeeba API calls made by this process’s runner, by method and outcome (ok or the error kind).',
      labelNames,
      registers: [registry],
    }),
    stepDuration: new Histogram({
      name: 'stepwise_step_duration_seconds',
      help: 'Wall time of each engine step (one Akeeba API call), by method and outcome.',
      labelNames,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    }),
    schedulerLag: new Histogram({
      name: 'stepwise_scheduler_lag_seconds',
      help: 'How late a claimed tick started: claim time minus the run’s nextTickAt.',
      labelNames: ['runner'],
      buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
      registers: [registry],
    }),
  }
}

const holder = globalThis as unknown as { __stepwiseMetrics?: InProcessMetrics }

export function inProcessMetrics(): InProcessMetrics {
  return (holder.__stepwiseMetrics ??= create())
}
