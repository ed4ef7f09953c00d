// Benchmarks, measured side by side in one run (never timed assertions in tests); each target is
// printed with its figure and verdict, and all of them again in one table at the end.
// Usage: npm run bench -- [--only overhead,wake,recovery,scale,memory,js,fleet] [--repeat 7]
//   [--fleet 5000] [--fleet-latency 2000] [--scale-kinds sqlite,postgresql]
// memory and js need a build (NEXT_DIST_DIR, default .next); PostgreSQL sections use BENCH_PG_URL
// (default postgresql://postgres@127.0.0.1:5432/postgres) and are skipped when it is not reachable.
import os from 'node:os'
import { results } from './common'
import { fleetBench } from './fleet'
import { jsSize } from './js-size'
import { memory } from './memory'
import { overhead } from './overhead'
import { recovery } from './recovery'
import { scale } from './scale'
import { wakeInProcess, wakeSeparateWorker } from './wake'

const args = new Map<string, string>()
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1] ?? '')
const ALL = ['overhead', 'wake', 'recovery', 'scale', 'memory', 'js', 'fleet']
const only = new Set((args.get('only') ?? ALL.join(',')).split(',').filter(Boolean))
const REPEAT = Number(args.get('repeat') ?? 7)
const FLEET = Number(args.get('fleet') ?? 5000)
const FLEET_LATENCY = Number(args.get('fleet-latency') ?? 2000)
const SCALE_KINDS = (args.get('scale-kinds') ?? 'sqlite,postgresql').split(',') as ('sqlite' | 'postgresql')[]

function summary(): void {
  const w = Math.max(...results.map((r) => r.name.length))
  const f = Math.max(...results.map((r) => r.figure.length))
  const t = Math.max(...results.map((r) => r.target.length))
  console.log(
    `\n== summary (${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load ${os.loadavg()[0].toFixed(1)})`,
  )
  for (const r of results) {
    const v = r.ok === null ? '' : r.ok ? 'met' : 'MISSED'
    console.log(
      `${r.name.padEnd(w)}  ${r.figure.padStart(f)}  ${r.target.padEnd(t)}  ${v.padEnd(6)}${r.note ? `  ${r.note}` : ''}`,
    )
  }
}

async function main(): Promise<void> {
  console.log(
    `Stepwise benchmarks on ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`,
  )
  if (only.has('overhead')) {
    await overhead(200, REPEAT, 1.02)
    await overhead(50, REPEAT, 1.05)
  }
  if (only.has('wake')) {
    await wakeInProcess()
    await wakeSeparateWorker()
  }
  if (only.has('recovery')) await recovery('sqlite')
  if (only.has('js')) jsSize()
  if (only.has('memory')) await memory()
  if (only.has('scale')) for (const k of SCALE_KINDS) await scale(k)
  if (only.has('fleet')) await fleetBench(FLEET, 'postgresql', 2, FLEET_LATENCY)
  summary()
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    summary()
    process.exit(1)
  },
)
