// The operator command line as automation runs it: a real child process on the test database
// (SQLite and PostgreSQL legs), checked through the app's own sign-in and a real API route.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as sitesRoute } from '@/app/api/sites/route'
import { freshDatabase, PG_ADMIN_URL, type TestDb } from './helpers/test-db'
import { signIn, TEST_PASSWORD } from './helpers/auth'

const root = path.resolve(import.meta.dirname, '../..')

interface Result {
  status: number | null
  stdout: string
  stderr: string
}

/** `npm run -s stepwise -- …` without npm: `node --import tsx` is the same program in one process. */
function stepwise(args: string[], env: Record<string, string>, stdin = ''): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'lib/cli/stepwise.ts'), ...args], {
      cwd: root,
      // info: the command's log lines must not reach stdout even when there are some.
      env: { ...process.env, ...env, STEPWISE_LOG_LEVEL: 'info' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += String(d)))
    child.stderr.on('data', (d) => (stderr += String(d)))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`stepwise ${args.join(' ')} did not exit within 60 s (left hanging?)\n${stderr}`))
    }, 60_000)
    child.on('error', reject)
    child.on('exit', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr })
    })
    child.stdin.end(stdin)
  })
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '')

const sites = (authorization?: string) =>
  sitesRoute(new Request('http://127.0.0.1:3000/api/sites', { headers: authorization ? { authorization } : {} }), {
    params: Promise.resolve({}),
  })

let tdb: TestDb
beforeAll(async () => {
  tdb = await freshDatabase()
})
afterAll(async () => {
  await tdb?.cleanup()
})

describe('stepwise user …', () => {
  it('user add creates a user who can then sign in', async () => {
    const r = await stepwise(
      ['user', 'add', '--email', 'Ops@Agency.test', '--password', TEST_PASSWORD, '--role', 'operator'],
      tdb.env,
    )
    expect(r.stderr).not.toMatch(/stepwise: /)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^added ops@agency\.test \(operator\), id \S+\n$/)
    const { res } = await signIn('ops@agency.test')
    expect(res.status).toBe(200)
  })

  it('bad input exits non-zero with one line on stderr naming the flag, before touching the database', async () => {
    const cases: [string[], RegExp][] = [
      [['user', 'add', '--email', 'x@agency.test', '--password', TEST_PASSWORD, '--role', 'root'], /--role/],
      [['user', 'add', '--email', 'x@agency.test', '--role', 'viewer'], /missing --password/],
      [['user', 'add', '--email', 'x@agency.test', '--password', 'short', '--role', 'viewer'], /--password/],
      [['token', 'create', '--role', 'viewer'], /missing --name/],
      [['token', 'create', '--name', 'ci', '--role', 'owner'], /--role/],
      [['token', 'create', '--name', 'ci', '--role', 'viewer', '--expires', 'soon'], /--expires/],
      [['frob'], /unknown command "frob"/],
    ]
    const results = await Promise.all(cases.map(([args]) => stepwise(args, tdb.env)))
    results.forEach((r, i) => {
      expect(r.status, cases[i][0].join(' ')).not.toBe(0)
      expect(r.stdout).toBe('')
      expect(lines(r.stderr)).toHaveLength(1)
      expect(r.stderr).toMatch(cases[i][1])
    })
  })

  it('a duplicate e-mail is refused naming --email', async () => {
    const r = await stepwise(
      ['user', 'add', '--email', 'ops@agency.test', '--password', TEST_PASSWORD, '--role', 'viewer'],
      tdb.env,
    )
    expect(r.status).not.toBe(0)
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/--email: .*exists already/)])
  })

  it('disable, enable, set-role, reset-password (from stdin) and list', async () => {
    const disable = await stepwise(['user', 'disable', '--email', 'ops@agency.test'], tdb.env)
    expect(disable.status).toBe(0)
    expect((await signIn('ops@agency.test')).res.status).not.toBe(200)
    expect((await stepwise(['user', 'enable', '--email', 'ops@agency.test'], tdb.env)).status).toBe(0)
    expect(
      (await stepwise(['user', 'set-role', '--email', 'ops@agency.test', '--role', 'admin'], tdb.env)).status,
    ).toBe(0)
    const reset = await stepwise(
      ['user', 'reset-password', '--email', 'ops@agency.test', '--password', '-'],
      tdb.env,
      'a brand new passphrase\n',
    )
    expect(reset.status).toBe(0)
    expect((await signIn('ops@agency.test')).res.status).not.toBe(200)
    expect((await signIn('ops@agency.test', 'a brand new passphrase')).res.status).toBe(200)
    const list = await stepwise(['user', 'list', '--json'], tdb.env)
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ email: 'ops@agency.test', role: 'admin', disabled: false }),
    ])
    const ghost = await stepwise(['user', 'disable', '--email', 'ghost@agency.test'], tdb.env)
    expect(ghost.status).not.toBe(0)
    expect(ghost.stderr).toMatch(/--email: no user has the e-mail ghost@agency\.test/)
  })
})

describe('stepwise token …', () => {
  it('token create prints the token alone as the last line, and it authorises GET /api/sites', async () => {
    const r = await stepwise(['token', 'create', '--name', 'monitoring', '--role', 'viewer'], tdb.env)
    expect(r.status).toBe(0)
    expect(r.stdout.endsWith('\n')).toBe(true)
    const token = lines(r.stdout).at(-1)!
    expect(token).toMatch(/^sw_[A-Za-z0-9_-]{40,}$/)
    expect((await sites(`Bearer ${token}`)).status).toBe(200)
    expect((await sites()).status).toBe(401)
    expect((await sites('Bearer sw_not-a-token')).status).toBe(401)
  })

  it('--expires, list and revoke', async () => {
    const made = await stepwise(
      ['token', 'create', '--name', 'ci', '--role', 'operator', '--expires', '2099-01-31'],
      tdb.env,
    )
    expect(made.status).toBe(0)
    const token = lines(made.stdout).at(-1)!
    const list = await stepwise(['token', 'list', '--json'], tdb.env)
    const ci = (JSON.parse(list.stdout) as { id: string; name: string; expiresAt: string }[]).find(
      (t) => t.name === 'ci',
    )!
    expect(ci.expiresAt).toBe('2099-01-31T00:00:00.000Z')
    const table = await stepwise(['token', 'list'], tdb.env)
    expect(lines(table.stdout)[0]).toMatch(/^ID\s+NAME\s+ROLE\s+STATE/)
    expect(table.stdout).toContain(ci.id)
    const revoked = await stepwise(['token', 'revoke', '--id', ci.id], tdb.env)
    expect(revoked.status).toBe(0)
    expect((await sites(`Bearer ${token}`)).status).toBe(401)
  })
})

describe('on a fresh database', () => {
  let env: Record<string, string>
  let dropDatabase = async () => {}
  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stepwise-cli-'))
    let url = `file:${path.join(dataDir, 'fresh', 'stepwise.db')}`
    if (tdb.kind === 'postgresql') {
      const name = `stepwise_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
      await admin.connect()
      await admin.query(`CREATE DATABASE ${name}`)
      await admin.end()
      const u = new URL(PG_ADMIN_URL)
      u.pathname = `/${name}`
      url = u.toString()
      dropDatabase = async () => {
        const a = new pg.Client({ connectionString: PG_ADMIN_URL })
        await a.connect()
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await a.end()
      }
    }
    env = { DATABASE_URL: url, STEPWISE_DATA_DIR: dataDir }
    return async () => {
      await dropDatabase().catch(() => undefined)
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('the first command applies the migrations, and stdout still ends with the token alone', async () => {
    const r = await stepwise(['token', 'create', '--name', 'first', '--role', 'admin'], env)
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/migrations applied/)
    expect(lines(r.stdout)).toEqual([expect.stringMatching(/^sw_/)])
    const list = await stepwise(['token', 'list', '--json'], env)
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ name: 'first', role: 'admin' })])
    expect(list.stderr).not.toMatch(/migrations applied/)
  })
})

describe('rotate-secret', () => {
  it('re-encrypts the stored site keys under a new secret: key file swapped, or the new secret printed last', async () => {
    const { insertSite } = await import('@/lib/db/sites')
    const { readSiteKey } = await import('@/lib/db/site-secrets')
    const { encryptSiteKey, resetSiteKeyCacheForTests } = await import('@/lib/secrets/site-key-cipher')
    const { resetConfigForTests } = await import('@/lib/config')
    const siteKey = 'Rotate-Me-0123456789abcdef'
    const siteId = await insertSite(
      {
        name: 'rot',
        baseUrl: 'https://rot.example',
        keyCiphertext: encryptSiteKey(siteKey),
        hostGroup: null,
        hostKey: 'host:rot.example',
        tags: [],
      },
      {
        endpointUrl: null,
        platform: null,
        apiLevel: null,
        akeebaVersion: null,
        edition: null,
        connectionStatus: 'not_connected',
        connectionError: null,
        profiles: [],
      },
    )
    // Key-file mode (no STEPWISE_SECRET_KEY): the file now holds the new secret.
    const r1 = await stepwise(['rotate-secret'], tdb.env)
    expect(r1.status).toBe(0)
    expect(r1.stderr).toMatch(/re-encrypted 1 site key/)
    expect(r1.stdout).toBe('')
    resetSiteKeyCacheForTests()
    expect((await readSiteKey({ siteId }))!.key).toBe(siteKey)
    // Environment mode: the new secret is the last line of stdout.
    const { readFileSync } = await import('node:fs')
    const current = readFileSync(path.join(tdb.dataDir, 'secret.key'), 'utf8').trim()
    const next = Buffer.alloc(32, 9).toString('base64')
    const r2 = await stepwise(['rotate-secret', '--new', next], { ...tdb.env, STEPWISE_SECRET_KEY: current })
    expect(r2.status).toBe(0)
    expect(lines(r2.stdout).at(-1)).toBe(next)
    process.env.STEPWISE_SECRET_KEY = next
    resetConfigForTests()
    resetSiteKeyCacheForTests()
    try {
      expect((await readSiteKey({ siteId }))!.key).toBe(siteKey)
    } finally {
      delete process.env.STEPWISE_SECRET_KEY
      resetConfigForTests()
      resetSiteKeyCacheForTests()
    }
    const bad = await stepwise(['rotate-secret', '--new', 'short'], tdb.env)
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--new/)
  }, 120_000)
})
