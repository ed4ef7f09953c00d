// The runner that lives in this process (the web server's, or a worker's), if any.
import { signalWork } from '../db/work-signal'
import { logger } from '../log'
import type { Runner, RunnerStatus } from './runner'

const g = globalThis as unknown as { __stepwiseRunner?: Runner }

export function setLocalRunner(r: Runner | undefined): void {
  g.__stepwiseRunner = r
}

export function localRunner(): Runner | undefined {
  return g.__stepwiseRunner
}

export function localRunnerStatus(): RunnerStatus | null {
  return g.__stepwiseRunner?.status() ?? null
}

/**
 * New work was queued (or a run cancelled): the runner in this process looks now instead of at its
 * next poll, and so do the runners of other processes on PostgreSQL (NOTIFY; lib/db/work-signal.ts).
 */
export function wakeLocalRunner(): void {
  g.__stepwiseRunner?.wake()
  signalWork().catch((e: unknown) => logger().warn({ err: e }, 'could not signal other runners'))
}
