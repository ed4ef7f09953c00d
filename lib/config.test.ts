import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from './config'

describe('configuration', () => {
  it('needs nothing set', () => {
    const c = parseConfig({})
    expect(c.databaseKind).toBe('sqlite')
    expect(c.DATABASE_URL).toBe('file:./data/stepwise.db')
    expect(c.PORT).toBe(3000)
    expect(c.STEPWISE_RUNNER).toBe(true)
    expect(c.leaseMs).toBe(c.STEPWISE_STEP_TIMEOUT_MS + 60_000)
  })

  it('selects PostgreSQL by URL', () => {
    expect(parseConfig({ DATABASE_URL: 'postgresql://u@h/db' }).databaseKind).toBe('postgresql')
    expect(parseConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseKind).toBe('postgresql')
  })

  it('names every bad variable', () => {
    expect(() => parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', STEPWISE_RUNNER: 'maybe' })).toThrow(ConfigError)
    try {
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })
    } catch (e) {
      expect(String(e)).toContain('PORT')
      expect(String(e)).toContain('DATABASE_URL')
    }
  })

  it('parses switches', () => {
    expect(parseConfig({ STEPWISE_RUNNER: 'off' }).STEPWISE_RUNNER).toBe(false)
    expect(parseConfig({ STEPWISE_RUNNER: '1' }).STEPWISE_RUNNER).toBe(true)
  })
})

describe('documentation', () => {
  it('the README configuration table lists every variable', async () => {
    const { readFileSync } = await import('node:fs')
    const path = await import('node:path')
    const { CONFIG_DOCS } = await import('./config')
    const readme = readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8')
    const missing = Object.keys(CONFIG_DOCS).filter((k) => !readme.includes(`| \`${k}\` |`))
    expect(missing).toEqual([])
  })
})
