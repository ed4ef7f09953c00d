// Scenario lookups shared by startBackup and stepBackup.
import { MSG } from '../persona'
import { drawLatency } from '../scenario'
import type { FakeSite } from '../site'
import { GATEWAY_502, JOOMLA_STOPPED, WP_CRITICAL } from '../html-pages'
import type { Outcome } from './outcome'

export function latencyFor(site: FakeSite): number {
  return drawLatency(site.scenario.stepLatencyMs, site.rng.float)
}

/** The failure text when this step must fail, else null (counts toward `times`). */
export function failureAt(site: FakeSite, stepNumber: number): string | null {
  const f = site.scenario.failAtStep
  if (f === undefined) return null
  const spec = typeof f === 'number' ? { step: f } : f
  if (spec.step !== stepNumber) return null
  if (spec.times !== undefined && site.failuresDone >= spec.times) return null
  site.failuresDone++
  return spec.text ?? MSG.defaultFailure
}

export function backupError(text: string): Outcome {
  return { kind: 'json', status: 500, data: MSG.backupError + text }
}

export function warningsAt(site: FakeSite, stepNumber: number): string[] {
  return site.scenario.warnings
    .filter((w) => w.atStep === stepNumber)
    .map((w) => w.text ?? MSG.defaultWarning(site.rootPath))
}

/** An HTML error page scheduled for this step, with whether the step is still carried out. */
export function htmlPageAt(site: FakeSite, stepNumber: number): { outcome: Outcome; commit: boolean } | null {
  const h = site.scenario.htmlErrorPage
  if (!h?.atSteps?.includes(stepNumber)) return null
  return { outcome: errorPage(site, h.httpStatus, stepNumber), commit: h.commit ?? false }
}

export function errorPage(site: FakeSite, httpStatus = 500, stepNumber?: number): Outcome {
  const body = site.persona === 'joomla' ? JOOMLA_STOPPED : WP_CRITICAL
  return stepNumber === undefined ? { kind: 'html', httpStatus, body } : { kind: 'html', httpStatus, body, stepNumber }
}

export { GATEWAY_502 }
