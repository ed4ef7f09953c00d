// Child process for notify-crash.test.ts: ends a run through the engine's own fenced commit (the run's
// terminal state and its run.failed outbox row in one transaction), then dies by SIGKILL before any
// alert could be sent. Arguments: runId, lease token, stepSeq.
import { commitTick } from '@/lib/db/run-ticks'
import { runEventOf } from '@/lib/engine/run-event'

const [runId, token, seq, siteId] = process.argv.slice(2)
const now = new Date()
const update = {
  status: 'failed' as const,
  finishedAt: now,
  errorKind: 'backup_error',
  errorMessage: 'disk full',
  nextTickAt: null,
}
void (async () => {
  const ok = await commitTick(
    runId,
    token,
    Number(seq),
    update,
    null,
    false,
    runEventOf({ id: runId, siteId, warningsCount: 0 }, update),
  )
  process.stdout.write(ok ? 'committed\n' : 'lease lost\n', () => process.kill(process.pid, 'SIGKILL'))
})()
