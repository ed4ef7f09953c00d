// `npm run demo`: one command for a working demo.
//   1. starts the demo fake Akeeba fleet (lib/fake-site/demo-fleet.ts) on a fixed port (4010), with
//      keys derived from a fixed seed, so they stay valid across restarts;
//   2. migrates the dashboard database and registers the fleet's sites as demo sites (idempotent:
//      re-running re-links the existing rows instead of adding them again); the first time it also
//      queues one backup per site so there is something to watch;
//   3. when no user exists, creates a demo owner (demo@stepwise.local) with a fresh random password
//      and prints it with the address (lib/demo/demo-owner.ts);
//   4. serves the dashboard (node lib/start.mjs, which builds first if needed) on
//      http://localhost:3000, and keeps everything running until Ctrl-C.
// Flags: --port N (fleet port, default 4010) --latency MS (default 1500) --no-web --no-kickoff
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { config } from '../config'
import { migrate } from '../db/migrate'
import { startDemoFleet } from '../fake-site/demo-fleet'
import type { FakeFleet } from '../fake-site/fleet'
import { ensureDemoOwner, type DemoOwner } from './demo-owner'
import { registerDemoSites } from './register-demo-sites'

interface Args {
  port: number
  latency: number
  web: boolean
  kickoff: boolean
}

function parseArgs(argv: string[]): Args {
  const a: Args = { port: Number(process.env.STEPWISE_DEMO_PORT ?? 4010), latency: 1500, web: true, kickoff: true }
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i]
    if (f === '--port') a.port = Number(argv[++i])
    else if (f === '--latency') a.latency = Number(argv[++i])
    else if (f === '--no-web') a.web = false
    else if (f === '--no-kickoff') a.kickoff = false
    else if (f === '--help' || f === '-h') {
      console.log('usage: npm run demo -- [--port 4010] [--latency 1500] [--no-web] [--no-kickoff]')
      process.exit(0)
    } else throw new Error(`unknown argument ${f} (try --help)`)
  }
  if (!Number.isInteger(a.port) || a.port < 1 || a.port > 65535) throw new Error('--port needs a port number')
  if (!Number.isFinite(a.latency) || a.latency < 0) throw new Error('--latency needs a number of milliseconds')
  return a
}

/** How to sign in, under the address. The password exists only in this output (and as a hash). */
function signInLines(owner: DemoOwner): string {
  if (!owner.created) return ''
  return [
    `  Sign in as    ${owner.email}`,
    `  Password      ${owner.password}`,
    `  (made now and shown once; lost it? npm run -s stepwise -- user reset-password --email ${owner.email} --password NEW_PASSWORD)`,
    '',
  ].join('\n')
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2))
  // The fleet listens on 127.0.0.1, which the outbound address guard refuses unless private networks
  // are allowed: allow them for this demo and the dashboard it starts (unless set explicitly).
  process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS ||= 'true'
  const cfg = config()

  let fleet: FakeFleet
  let sites: Awaited<ReturnType<typeof startDemoFleet>>['sites']
  try {
    ;({ fleet, sites } = await startDemoFleet({ port: a.port, latencyMs: a.latency, seed: 1 }))
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE'
    throw new Error(
      busy
        ? `port ${a.port} is in use: is another \`npm run demo\` running? (or pick one with --port)`
        : (e as Error).message,
    )
  }
  console.log(`demo: fake Akeeba fleet of ${sites.length} sites on ${fleet.baseUrl}`)

  const m = await migrate(cfg.DATABASE_URL)
  if (m.applied.length)
    console.log(`demo: database ready (${m.applied.length} migration${m.applied.length > 1 ? 's' : ''} applied)`)
  const results = await registerDemoSites(sites, { kickoff: a.kickoff })
  const width = Math.max(...sites.map((s) => s.name.length))
  for (const r of results) {
    console.log(
      `  ${r.action === 'added' ? '+' : '='} ${r.site.name.padEnd(width)}  ${r.connected ? 'connected' : 'NOT CONNECTED'}  ${r.site.behaviour}`,
    )
  }
  const added = results.filter((r) => r.action === 'added').length
  console.log(`demo: ${added} site${added === 1 ? '' : 's'} added, ${results.length - added} already there (re-linked)`)
  const owner = await ensureDemoOwner()
  console.log(
    owner.created
      ? `demo: created the owner ${owner.email} (password below)`
      : 'demo: users exist already, so no demo owner was made: sign in with your account',
  )

  let web: ChildProcess | null = null
  const url = `http://${cfg.HOST === '0.0.0.0' ? 'localhost' : cfg.HOST === '127.0.0.1' ? 'localhost' : cfg.HOST}:${cfg.PORT}`
  if (a.web) {
    console.log(`demo: starting the dashboard (builds on first start, which takes a minute)…`)
    web = spawn(process.execPath, [path.resolve(import.meta.dirname, '../start.mjs')], {
      stdio: 'inherit',
      env: process.env,
    })
    web.on('exit', (code) => {
      console.log(`demo: the dashboard stopped (exit ${code ?? 'signal'}); stopping the fleet`)
      void fleet.close().then(() => process.exit(code ?? 0))
    })
    console.log(`\n  Open ${url} — demo sites are marked "Demo". Press Ctrl-C to stop.\n${signInLines(owner)}`)
  } else {
    console.log(
      `\n  Fleet running. Start the dashboard with \`npm start\` in another terminal, then open ${url}. Ctrl-C to stop.\n${signInLines(owner)}`,
    )
  }

  let stopping = false
  const stop = (why: string) => {
    if (stopping) return
    stopping = true
    console.log(`\ndemo: stopping (${why})`)
    if (web && web.exitCode === null) web.kill('SIGTERM')
    const force = setTimeout(() => process.exit(0), 8000)
    force.unref()
    void fleet.close().then(() => {
      if (!web || web.exitCode !== null) process.exit(0)
    })
  }
  process.on('SIGINT', () => stop('Ctrl-C'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err: unknown) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
