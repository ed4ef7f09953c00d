// The runner that lives in this process (the web server's, or a worker's), if any.
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

/** New work was queued: let the local runner look now instead of at its next poll. */
export function wakeLocalRunner(): void {
  g.__stepwiseRunner?.wake()
}
