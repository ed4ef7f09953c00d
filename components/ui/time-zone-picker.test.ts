import { describe, expect, it } from 'vitest'
import { matchZones, zoneOffset, zoneText } from './time-zone-picker'

const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/Berlin', 'America/Sao_Paulo']
const offsets = new Map(zones.map((z) => [z, zoneOffset(z, new Date('2026-01-15T12:00:00Z'))]))

describe('time zone picker', () => {
  it('reads offsets in winter', () => {
    expect(offsets.get('Asia/Kolkata')).toBe('UTC+05:30')
    expect(offsets.get('America/New_York')).toBe('UTC-05:00')
    expect(offsets.get('UTC')).toBe('UTC+00:00')
  })

  it('finds zones by city words, region or offset', () => {
    expect(matchZones(zones, 'new york', offsets)).toEqual(['America/New_York'])
    expect(matchZones(zones, 'KOLK', offsets)).toEqual(['Asia/Kolkata'])
    expect(matchZones(zones, '+05:30', offsets)).toEqual(['Asia/Kolkata'])
    expect(matchZones(zones, 'utc-3', offsets)).toEqual(['America/Sao_Paulo'])
    expect(matchZones(zones, 'america', offsets)).toEqual(['America/New_York', 'America/Sao_Paulo'])
    expect(matchZones(zones, '', offsets)).toHaveLength(zones.length)
    expect(matchZones(zones, 'atlantis', offsets)).toEqual([])
    expect(zoneText('America/New_York')).toBe('America/New York')
  })
})
