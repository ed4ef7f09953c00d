// Transport faults: decided per call from the site's seeded dice, or pinned to a stepNumber.
import type { FakeSite } from './site'
import type { FaultKind } from './types'

/** A rate-based fault for this call (drawn at arrival so the dice follow call order), or null. */
export function drawFault(site: FakeSite, method: string): FaultKind | null {
  const t = site.scenario.transportFaults
  if (!t?.rate || t.rate <= 0) return null
  if (t.methods && !t.methods.some((m) => m.toLowerCase() === method)) return null
  if (site.rng.float() >= t.rate) return null
  const kinds = t.kinds?.length ? t.kinds : (['reset'] as FaultKind[])
  return kinds[site.rng.next() % kinds.length]
}

/** A fault pinned to the call answering `stepNumber`, or null. */
export function faultAtStep(site: FakeSite, stepNumber: number | undefined): FaultKind | null {
  if (stepNumber === undefined) return null
  return site.scenario.transportFaults?.atSteps?.find((f) => f.step === stepNumber)?.kind ?? null
}
