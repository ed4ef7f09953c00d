// The engine's step plan for one backup: which domain each stepBackup reports, its Progress and
// stepState. Reproduces the fixtures' sequences (akeeba-protocol.md §6, DESIGN fact 5).
import { PERSONAS } from './persona'
import type { BackupType, Domain, Persona, Scenario, WorkDomain } from './types'

const CHAINS: Record<BackupType, WorkDomain[]> = {
  full: ['installer', 'PackDB', 'Packing', 'finale'],
  incfull: ['installer', 'PackDB', 'Packing', 'finale'],
  dbonly: ['PackDB', 'finale'],
  fileonly: ['Packing', 'finale'],
  incfile: ['Packing', 'finale'],
  alldb: ['installer', 'PackDB', 'finale'],
}

export function normaliseType(value: string | undefined, fallback: BackupType): BackupType {
  if (value === undefined || value === '') return fallback
  if (value === 'extradbonly') return 'dbonly'
  return value in CHAINS ? (value as BackupType) : 'full'
}

export interface PlanStep {
  domain: Domain
  /** 1-based position inside its domain, and the domain's step count. */
  index: number
  count: number
  progress: number
  /** Directory shown in `Step` (relative), '' for none. */
  stepDir: string
  stepState: 'running' | 'postrun'
}

/** Progress inside a domain. Installer and Packing report inner progress, PackDB does not, finale
 *  jumps to 100 after its first step. Packing's middle values mimic the engine (50, 55, 74…74, 75). */
function progressOf(domain: WorkDomain, base: number, weight: number, j: number, n: number): number {
  switch (domain) {
    case 'PackDB':
      return base
    case 'finale':
      return j === 1 && n > 1 ? base : 100
    case 'installer':
      return n <= 1 ? base + weight : base + Math.floor((weight * (j - 1)) / (n - 1))
    case 'Packing':
      if (j === 1 && n > 1) return base
      if (j >= n) return base + weight
      return base + Math.floor(weight * (j === 2 ? 0.2 : 0.96))
  }
}

function stepsFor(domain: WorkDomain, persona: Persona, spec: Scenario['stepsPerDomain']): number {
  const fallback = PERSONAS[persona].defaultSteps[domain]
  const n = typeof spec === 'number' ? spec : (spec?.[domain] ?? fallback)
  return Math.max(1, Math.floor(n))
}

/** Engine steps after startBackup (whose two ticks are init, stepNumbers 1 and 2). The last is postrun. */
export function buildPlan(type: BackupType, persona: Persona, spec: Scenario['stepsPerDomain']): PlanStep[] {
  const chain = CHAINS[type]
  const weight = 100 / chain.length
  const dirs = PERSONAS[persona].packingDirs
  const plan: PlanStep[] = []
  chain.forEach((domain, k) => {
    const n = stepsFor(domain, persona, spec)
    const base = Math.round(k * weight)
    for (let j = 1; j <= n; j++) {
      plan.push({
        domain,
        index: j,
        count: n,
        progress: Math.min(100, progressOf(domain, base, weight, j, n)),
        stepDir: domain === 'Packing' && j >= 2 ? dirs[(j - 2) % dirs.length] : '',
        stepState: 'running',
      })
    }
  })
  plan[plan.length - 1].stepState = 'postrun'
  return plan
}

/** Archive extension for a backup: db-only gives a plain .sql; otherwise the archiver engine's. */
export function archiveExtension(type: BackupType, archiver: string | undefined): string {
  if (type === 'dbonly') return 'sql'
  if (archiver === 'jps' || archiver === 'zip') return archiver
  return 'jpa'
}
