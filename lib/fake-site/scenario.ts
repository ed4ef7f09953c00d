// Scenario defaults and merging.
import { hash32 } from './rng'
import type { Scenario, ScenarioInput } from './types'

export function resolveScenario(siteId: string, input: ScenarioInput | undefined): Scenario {
  return {
    backupType: 'full',
    stepLatencyMs: 0,
    sleepTime: 0,
    warnings: [],
    archiveSizeBytes: 300 * 1024,
    dbSizeBytes: 100 * 1024,
    countQuota: 3,
    seed: hash32(siteId),
    ...stripUndefined(input ?? {}),
  }
}

/** Shallow merge; a key given as `undefined` (or null over the control API) clears that knob. */
export function mergeScenario(current: Scenario, patch: ScenarioInput | Record<string, unknown>): Scenario {
  const next: Record<string, unknown> = { ...current }
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null) {
      if (k === 'seed') continue
      if (k in REQUIRED_DEFAULTS) next[k] = REQUIRED_DEFAULTS[k as keyof typeof REQUIRED_DEFAULTS]
      else delete next[k]
    } else next[k] = v
  }
  return next as unknown as Scenario
}

const REQUIRED_DEFAULTS = {
  backupType: 'full',
  stepLatencyMs: 0,
  sleepTime: 0,
  warnings: [],
  archiveSizeBytes: 300 * 1024,
  dbSizeBytes: 100 * 1024,
  countQuota: 3,
} as const

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

export function drawLatency(spec: Scenario['stepLatencyMs'], random: () => number): number {
  if (typeof spec === 'number') return Math.max(0, spec)
  const [min, max] = spec
  return Math.max(0, Math.round(min + (max - min) * random()))
}
