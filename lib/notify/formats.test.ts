import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { nextAttemptDelayMs } from './backoff'
import { emailMessage } from './email-message'
import { discordMessage, ntfyMessage, slackMessage, webhookMessage } from './formats'
import { buildPayload } from './payload'
import { inScope, reminderDue } from './routing'
import { signBody } from './send'

const payload = buildPayload({
  eventId: 'e1',
  kind: 'run.failed',
  occurredAt: new Date('2026-12-01T02:00:00Z'),
  site: { id: 's1', name: 'Shop <A> & Co', baseUrl: 'https://shop.example.com' },
  run: {
    id: 'r1',
    status: 'failed',
    errorKind: 'backup_error',
    errorMessage: 'disk full',
    warningsCount: 0,
    archiveName: null,
    startedAt: new Date('2026-12-01T01:50:00Z'),
    finishedAt: new Date('2026-12-01T02:00:00Z'),
  },
  details: {},
  baseUrl: 'https://backups.example.com',
})

describe('alert formats', () => {
  it('payload has exactly the documented fields and links to the run page', () => {
    expect(Object.keys(payload).sort()).toEqual(['details', 'event', 'id', 'occurredAt', 'run', 'site'])
    expect(payload.run?.url).toBe('https://backups.example.com/runs/r1')
  })
  it('slack: text fallback, escaped mrkdwn, a button to the run', () => {
    const b = JSON.parse(slackMessage(payload).body)
    expect(b.text).toBe('Backup failed: Shop <A> & Co')
    expect(b.blocks[1].text.text).toContain('Shop &lt;A&gt; &amp; Co')
    expect(b.blocks[2].elements[0].url).toBe('https://backups.example.com/runs/r1')
  })
  it('discord: one red embed, no mentions', () => {
    const b = JSON.parse(discordMessage(payload).body)
    expect(b.embeds[0]).toMatchObject({ color: 0xdc2626, url: 'https://backups.example.com/runs/r1' })
    expect(b.allowed_mentions.parse).toEqual([])
  })
  it('ntfy: headers carry title, priority, tags and click; non-ASCII titles are RFC 2047', () => {
    const m = ntfyMessage({ ...payload, site: { ...payload.site, name: 'Café' } })
    expect(m.headers.Title).toMatch(/^=\?UTF-8\?B\?/)
    expect(m.headers).toMatchObject({
      Priority: '4',
      Tags: 'rotating_light',
      Click: 'https://backups.example.com/runs/r1',
    })
  })
  it('webhook signature is the HMAC of the exact body', () => {
    const m = webhookMessage(payload)
    expect(signBody('s3cret', m.body)).toBe(`sha256=${createHmac('sha256', 's3cret').update(m.body).digest('hex')}`)
  })
  it('e-mail escapes HTML and carries the link in both parts', () => {
    const m = emailMessage(payload)
    expect(m.html).toContain('Shop &lt;A&gt; &amp; Co')
    expect(m.html).toContain('href="https://backups.example.com/runs/r1"')
    expect(m.text).toContain('https://backups.example.com/runs/r1')
  })
  it('back-off doubles and is capped; scope and reminders', () => {
    expect([1, 2, 3, 4].map((n) => nextAttemptDelayMs(n, 100))).toEqual([100, 200, 400, 800])
    expect(nextAttemptDelayMs(30, 1000)).toBe(3_600_000)
    expect(inScope({ tags: [], siteIds: [] }, { id: 'x', tags: [] })).toBe(true)
    expect(inScope({ tags: ['a'], siteIds: [] }, { id: 'x', tags: ['b'] })).toBe(false)
    expect(inScope({ tags: ['a'], siteIds: ['x'] }, { id: 'x', tags: [] })).toBe(true)
    const now = new Date('2026-12-02T00:00:00Z')
    expect(reminderDue({ reminderHours: 24 }, new Date('2026-12-01T01:00:00Z'), now)).toBe(false)
    expect(reminderDue({ reminderHours: 24 }, new Date('2026-12-01T00:00:00Z'), now)).toBe(true)
  })
})
