// The HTTP surface of the fake: endpoints, auth, verbs, calls(), junk, HTML pages, transport
// faults and the /_fake/ control API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeFleet, type FakeFleet } from './fleet'
import { apiCall, runBackup, step, type StepData } from './test-support'
import type { Persona } from './types'

let fleet: FakeFleet
let n = 0
function site(persona: Persona, scenario: Record<string, unknown> = {}): string {
  const id = `h-${persona}-${++n}`
  fleet.addSite({ id, persona, key: `Key-${id}-0123456789`, scenario })
  return id
}

beforeAll(async () => {
  fleet = await startFakeFleet({ port: 0 })
})
afterAll(async () => fleet.close())

describe('endpoints', () => {
  it('serves every site under /s/<id>/ on 127.0.0.1', () => {
    const id = site('wordpress')
    expect(fleet.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(fleet.url(id)).toBe(`${fleet.baseUrl}/s/${id}/`)
    expect(fleet.endpointUrl(id)).toBe(`${fleet.baseUrl}/s/${id}/wp-admin/admin-ajax.php?action=akeebabackup_api`)
  })

  it('joomla answers every form of its endpoint, GET and POST, and the API app like 9.3.3', async () => {
    const id = site('joomla')
    const root = fleet.url(id)
    for (const form of [
      'index.php?option=com_akeebabackup&view=api',
      'index.php?option=com_akeebabackup&view=Api&format=raw',
      'index.php?option=com_akeebabackup&view=api&format=json',
      'index.php?option=com_akeebabackup&task=api.main&format=raw',
      'index.php/component/akeebabackup/?view=api',
    ]) {
      for (const verb of ['GET', 'POST'] as const) {
        const r = await apiCall(fleet, id, 'getVersion', {}, { url: root + form, verb })
        expect(r.env, `${verb} ${form}`).toEqual({
          status: 200,
          data: { api: 500, component: '9.3.3', date: '2022-10-10', edition: 'pro' },
        })
      }
    }
    const noFormat = await apiCall(
      fleet,
      id,
      'getVersion',
      {},
      { url: root + 'index.php?option=com_akeebabackup&view=api' },
    )
    expect(noFormat.headers.get('content-disposition')).toBe('attachment; filename="joomla.json"')
    expect(
      (await apiCall(fleet, id, 'getVersion', {}, { url: root + 'api/index.php/v2/akeebabackup', accept: '' }))
        .httpStatus,
    ).toBe(406)
    const app = await apiCall(
      fleet,
      id,
      'getVersion',
      {},
      { url: root + 'api/index.php/v2/akeebabackup', accept: 'application/vnd.api+json' },
    )
    expect([app.httpStatus, app.text]).toEqual([404, '{"errors":[{"title":"Resource not found","code":404}]}'])
    expect(
      (await apiCall(fleet, id, 'getVersion', {}, { url: root + 'index.php?option=com_akeebabackup&view=json' }))
        .httpStatus,
    ).toBe(500)
  })

  it('wordpress: other admin-ajax actions die with "0"; index.php is the home page', async () => {
    const id = site('wordpress')
    const other = await apiCall(
      fleet,
      id,
      'getVersion',
      {},
      { url: fleet.url(id) + 'wp-admin/admin-ajax.php?action=heartbeat' },
    )
    expect([other.httpStatus, other.text]).toEqual([400, '0'])
    const home = await apiCall(
      fleet,
      id,
      'getVersion',
      {},
      { url: fleet.url(id) + 'index.php?option=com_akeebabackup&view=api' },
    )
    expect(home.httpStatus).toBe(200)
    expect(home.contentType).toContain('text/html')
  })

  it('an unknown site is a 404', async () => {
    const r = await fetch(`${fleet.baseUrl}/s/nope/wp-admin/admin-ajax.php?action=akeebabackup_api`)
    expect(r.status).toBe(404)
  })
})

describe('auth, verbs and methods', () => {
  it('header first, else _akeebaAuth from the query only; failures are 503 over HTTP 200', async () => {
    const id = site('wordpress')
    const denied = { status: 503, data: 'Access denied' }
    expect((await apiCall(fleet, id, 'getVersion', {}, { auth: 'query' })).env!.status).toBe(200)
    expect((await apiCall(fleet, id, 'getVersion', {}, { auth: 'none' })).env).toEqual(denied)
    expect((await apiCall(fleet, id, 'getVersion', {}, { auth: 'wrong-header' })).env).toEqual(denied)
    // A wrong header wins over a right query parameter.
    expect(
      (await apiCall(fleet, id, 'getVersion', {}, { auth: 'wrong-header', extraQuery: { _akeebaAuth: fleet.key(id) } }))
        .env,
    ).toEqual(denied)
    // _akeebaAuth in a POST body is ignored.
    const r = await apiCall(fleet, id, 'getVersion', { _akeebaAuth: fleet.key(id) }, { auth: 'none' })
    expect([r.httpStatus, r.env]).toEqual([200, denied])
  })

  it('wrongKey, apiDisabled and the core edition deny everything', async () => {
    for (const scenario of [{ wrongKey: true }, { apiDisabled: true }])
      expect((await apiCall(fleet, site('joomla', scenario), 'getVersion')).env!.status).toBe(503)
    fleet.addSite({ id: 'core-site', persona: 'wordpress', key: 'k-core-0123456789', edition: 'core' })
    expect((await apiCall(fleet, 'core-site', 'getProfiles')).env!.status).toBe(503)
  })

  it('unknown/missing method → 405, case-insensitive names, PUT → 405, POST reads method from the body only', async () => {
    const id = site('joomla')
    expect((await apiCall(fleet, id, 'noSuchMethod')).env).toEqual({ status: 405, data: 'Invalid method noSuchMethod' })
    expect((await apiCall(fleet, id, null)).env).toEqual({ status: 405, data: 'Invalid method ' })
    expect((await apiCall(fleet, id, 'GETVERSION')).env!.status).toBe(200)
    expect((await apiCall(fleet, id, 'getVersion', {}, { verb: 'PUT' })).env).toEqual({
      status: 405,
      data: 'Invalid HTTP method PUT',
    })
    expect((await apiCall(fleet, id, null, {}, { extraQuery: { method: 'getVersion' } })).env).toEqual({
      status: 405,
      data: 'Invalid method ',
    })
  })

  it('apiLevel and componentVersion override getVersion', async () => {
    fleet.addSite({
      id: 'api600',
      persona: 'joomla',
      key: 'k-600-0123456789',
      apiLevel: 600,
      componentVersion: '9.9.3',
    })
    expect((await apiCall(fleet, 'api600', 'getVersion')).env!.data).toMatchObject({ api: 600, component: '9.9.3' })
  })
})

describe('calls()', () => {
  it('records every request in order, without the key', async () => {
    const id = site('wordpress')
    await apiCall(fleet, id, 'getVersion', {}, { auth: 'query' })
    await apiCall(fleet, id, 'listBackups', { from: '0', limit: '5' }, { verb: 'GET', auth: 'wrong-header' })
    await apiCall(fleet, id, 'startBackup', { description: 'x', 'overrides[akeeba.basic.backup_type]': 'dbonly' })
    const calls = fleet.calls(id)
    expect(calls.map((c) => [c.method, c.verb, c.authOk])).toEqual([
      ['getVersion', 'POST', true],
      ['listBackups', 'GET', false],
      ['startBackup', 'POST', true],
    ])
    expect(calls[1].params).toEqual({ from: '0', limit: '5' })
    expect(calls[2].params).toEqual({ description: 'x', 'overrides[akeeba.basic.backup_type]': 'dbonly' })
    expect(JSON.stringify(calls)).not.toContain(fleet.key(id))
    expect(calls.every((c) => typeof c.at === 'number')).toBe(true)
    fleet.clearCalls(id)
    expect(fleet.calls(id)).toEqual([])
  })
})

describe('junk and HTML pages', () => {
  it.each([
    ['bom', (t: string) => t.startsWith('\ufeff{"status":200')],
    ['php-notice', (t: string) => t.startsWith('<br />') && t.includes('{"status":200')],
    ['trailing-html', (t: string) => t.startsWith('{"status":200') && t.trimEnd().endsWith('</html>')],
    ['both', (t: string) => t.startsWith('<br />') && t.trimEnd().endsWith('</html>')],
  ])('junk %s wraps the JSON', async (junk, check) => {
    const id = site('wordpress', { junk })
    const r = await fetch(fleet.endpointUrl(id), {
      method: 'POST',
      headers: { 'X-Akeeba-Auth': fleet.key(id) },
      body: new URLSearchParams({ method: 'getVersion' }),
    })
    const text = Buffer.from(await r.arrayBuffer()).toString('utf8')
    expect(check(text)).toBe(true)
  })

  it('htmlErrorPage always, or at a step (not carried out unless commit)', async () => {
    const always = site('joomla', { htmlErrorPage: { always: true } })
    const page = await apiCall(fleet, always, 'getVersion')
    expect([page.httpStatus, page.env]).toEqual([500, null])
    const at = site('wordpress', { htmlErrorPage: { atSteps: [4] } })
    const a = (await apiCall(fleet, at, 'startBackup')).env!.data as StepData
    expect((await step(fleet, at, a.backupid)).data.stepNumber).toBe(3)
    const broken = await step(fleet, at, a.backupid)
    expect(broken.httpStatus).toBe(500)
    expect(broken.text).toContain('critical error')
    fleet.setScenario(at, { htmlErrorPage: null })
    expect((await step(fleet, at, a.backupid)).data.stepNumber).toBe(4)
  })
})

describe('transport faults', () => {
  it('reset destroys the socket after carrying the step out', async () => {
    const id = site('wordpress', { transportFaults: { atSteps: [{ step: 3, kind: 'reset' }] } })
    const a = (await apiCall(fleet, id, 'startBackup')).env!.data as StepData
    await expect(step(fleet, id, a.backupid)).rejects.toThrow()
    expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(4)
  })

  it('502 answers a gateway page after carrying the step out', async () => {
    const id = site('joomla', { transportFaults: { atSteps: [{ step: 3, kind: '502' }] } })
    const a = (await apiCall(fleet, id, 'startBackup')).env!.data as StepData
    const r = await step(fleet, id, a.backupid)
    expect(r.httpStatus).toBe(502)
    expect(r.text).toContain('502 Bad Gateway')
    expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(4)
  })

  it('rate faults are drawn from the seed (same seed, same faults) and the backup still completes', async () => {
    const outcomes = async (seed: number) => {
      const id = site('wordpress', {
        seed,
        transportFaults: { rate: 0.4, kinds: ['reset', '502'], methods: ['stepBackup'] },
      })
      const a = (await apiCall(fleet, id, 'startBackup')).env!.data as StepData
      const seen: string[] = []
      for (let i = 0; i < 40; i++) {
        try {
          const r = await step(fleet, id, a.backupid)
          if (r.httpStatus === 502) seen.push('502')
          else {
            seen.push(String(r.data.stepNumber))
            if (!r.data.HasRun) break
          }
        } catch {
          seen.push('reset')
        }
      }
      return { seen, record: fleet.records(id)[0] }
    }
    const one = await outcomes(7)
    const two = await outcomes(7)
    expect(one.seen).toEqual(two.seen)
    expect(one.seen.some((s) => s === 'reset' || s === '502')).toBe(true)
    expect(one.record.status).toBe('complete')
  })

  it('commit: false drops the work with the response', async () => {
    const id = site('wordpress', {
      transportFaults: { rate: 1, kinds: ['502'], methods: ['stepBackup'], commit: false },
    })
    const a = (await apiCall(fleet, id, 'startBackup')).env!.data as StepData
    expect((await step(fleet, id, a.backupid)).httpStatus).toBe(502)
    fleet.setScenario(id, { transportFaults: null })
    expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(3)
  })
})

describe('control API under /_fake/', () => {
  it('lists sites, adds one, changes its scenario and shows calls and records', async () => {
    const base = `${fleet.baseUrl}/_fake`
    const added = await fetch(`${base}/sites`, {
      method: 'POST',
      body: JSON.stringify({
        id: 'remote-1',
        persona: 'joomla',
        key: 'remote-key-0123456789',
        scenario: { stepsPerDomain: 1 },
      }),
    })
    expect(added.status).toBe(201)
    expect(await added.json()).toMatchObject({
      id: 'remote-1',
      url: fleet.url('remote-1'),
      endpointUrl: fleet.endpointUrl('remote-1'),
      key: 'remote-key-0123456789',
    })
    expect((await fetch(`${base}/sites`, { method: 'POST', body: '{"id":"bad id"}' })).status).toBe(400)
    const list = (await (await fetch(`${base}/sites`)).json()) as { id: string }[]
    expect(list.map((s) => s.id)).toContain('remote-1')
    const patched = await fetch(`${base}/sites/remote-1/scenario`, {
      method: 'PATCH',
      body: JSON.stringify({ backupType: 'dbonly', warnings: [{ atStep: 3, text: 'w' }] }),
    })
    expect(await patched.json()).toMatchObject({ backupType: 'dbonly', stepsPerDomain: 1 })
    expect((await fetch(`${base}/sites/remote-1/scenario`, { method: 'PATCH', body: '{"nope":1}' })).status).toBe(400)
    const steps = await runBackup(fleet, 'remote-1')
    expect(steps[1]).toMatchObject({ Domain: 'PackDB', Warnings: ['w'] })
    const calls = (await (await fetch(`${base}/sites/remote-1/calls`)).json()) as { method: string }[]
    expect(calls[0].method).toBe('startBackup')
    const records = (await (await fetch(`${base}/sites/remote-1/records`)).json()) as { status: string; type: string }[]
    expect(records[0]).toMatchObject({ status: 'complete', type: 'dbonly' })
    await fetch(`${base}/sites/remote-1/scenario`, { method: 'PATCH', body: JSON.stringify({ backupType: null }) })
    expect(fleet.scenario('remote-1').backupType).toBe('full')
  })
})
