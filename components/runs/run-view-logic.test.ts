import { describe, expect, it } from 'vitest'
import type { StepDto } from '@/lib/domain/runs'
import { runAdvice } from './run-advice'
import { mergeSteps } from './use-run-live'

const step = (seq: number) => ({ seq }) as StepDto

describe('mergeSteps', () => {
  it('appends only steps after the last one held, in order', () => {
    const prev = [step(1), step(2)]
    expect(mergeSteps(prev, [step(2), step(4), step(3)]).map((s) => s.seq)).toEqual([1, 2, 3, 4])
    expect(mergeSteps(prev, [])).toBe(prev)
    expect(mergeSteps([], [step(1)]).map((s) => s.seq)).toEqual([1])
  })
})

describe('runAdvice', () => {
  it('has specific advice for every engine error kind that ends a run as failed', () => {
    for (const kind of [
      'auth',
      'transport',
      'timeout',
      'http',
      'unparsable',
      'backup_error',
      'not_found',
      'method_missing',
      'protocol',
      'zombie',
      'backupid_changed',
      'step_regressed',
      'not_created',
      'unverified',
      'timed_out',
    ]) {
      const a = runAdvice(kind, 'failed')
      expect(a.title).not.toBe('The backup failed')
      expect(a.advice.length).toBeGreaterThan(0)
    }
  })

  it('points auth failures at the key and the API switch, and restarts at the site’s backup list', () => {
    expect(runAdvice('auth', 'failed').advice.join(' ')).toMatch(/secret word.*Enable JSON API/s)
    expect(runAdvice('zombie', 'failed').advice.join(' ')).toMatch(/backup list/i)
  })

  it('falls back sensibly for unknown kinds', () => {
    expect(runAdvice(null, 'timed_out').title).toMatch(/too long/)
    expect(runAdvice('something_new', 'failed').title).toBe('The backup failed')
  })
})
