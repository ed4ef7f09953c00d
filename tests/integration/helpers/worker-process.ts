// Starts `npm run worker` (lib/runtime/worker-main.ts) as a real child process on the test database.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../../..')

export function spawnWorker(env: Record<string, string>, stdout: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild process that a
  // SIGKILL of the CLI would leave running (the kill would not be a kill).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'lib/runtime/worker-main.ts')], {
    cwd: root,
    env: { ...process.env, STEPWISE_LOG_LEVEL: 'error', STEPWISE_POLL_MS: '20', ...env },
    stdio: ['ignore', stdout, 'inherit'],
  })
  return child
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

export function stopGracefully(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
  })
}
