import { describe, expect, it } from 'vitest'
import { disableAfterFire, disableAfterMiss } from './run-once'

const now = new Date('2027-06-01T04:15:02Z')

describe('run-once disabling', () => {
  it('after its fire: disabled, no next fire, changed by the runner with the fire time in the reason', () => {
    expect(disableAfterFire(new Date('2027-06-01T04:15:00Z'), now)).toEqual({
      nextFireAt: null,
      enabled: false,
      changedBy: 'stepwise',
      changedAt: now,
      changeReason: 'Run-once schedule fired at 2027-06-01T04:15:00.000Z and disabled itself.',
    })
  })

  it('after a fire missed beyond the catch-up window: disabled, and the reason says nothing ran', () => {
    expect(disableAfterMiss(new Date('2027-05-30T04:15:00Z'), now, 60)).toEqual({
      nextFireAt: null,
      enabled: false,
      changedBy: 'stepwise',
      changedAt: now,
      changeReason:
        'Run-once fire at 2027-05-30T04:15:00.000Z was missed while Stepwise was down (older than the 60-minute catch-up window); nothing ran.',
    })
  })
})
