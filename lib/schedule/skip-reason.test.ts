import { describe, expect, it } from 'vitest'
import { skipReason } from './skip-reason'

describe('skipReason', () => {
  it('a connected, idle site is not skipped', () => {
    expect(skipReason({ connectionStatus: 'ok' }, undefined)).toBeNull()
    expect(skipReason({ connectionStatus: 'ok' }, null)).toBeNull()
  })

  it('a site that is not connected is skipped with its status in words', () => {
    expect(skipReason({ connectionStatus: 'unreachable' }, undefined)).toBe('not connected (unreachable)')
    expect(skipReason({ connectionStatus: 'auth_failed' }, undefined)).toBe('not connected (auth failed)')
  })

  it('a site already backing up is skipped, naming the run state', () => {
    expect(skipReason({ connectionStatus: 'ok' }, { status: 'running' })).toBe('already backing up (a run is running)')
    expect(skipReason({ connectionStatus: 'ok' }, { status: 'queued' })).toBe('already backing up (a run is queued)')
  })

  it('not connected wins over busy: that is what the person has to fix', () => {
    expect(skipReason({ connectionStatus: 'unreachable' }, { status: 'running' })).toBe('not connected (unreachable)')
  })
})
