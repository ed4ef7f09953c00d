// The runner's notification work, called from its loop (lib/runtime/start-runner.ts): fan out new
// outbox events and send due deliveries about every second; check every site for stale backups and
// unreachable sites, and whether the daily digest is due, every STEPWISE_NOTIFY_CHECK_SECONDS. In the
// background, never two passes at once, so alerts never hold up the runner's claims.
import os from 'node:os'
import { randomUUID } from 'node:crypto'
import { config } from '../config'
import { logger } from '../log'
import { dispatchDue } from './dispatch'
import { runDigest } from './digest'
import { fanOutPending } from './fan-out'
import { evaluateSiteAlerts } from './site-alerts'

export async function notifyPass(owner: string, now = new Date(), checkSites = false): Promise<void> {
  if (checkSites) {
    await evaluateSiteAlerts(now)
    await runDigest(now)
  }
  await fanOutPending(now)
  await dispatchDue(owner, now)
}

export function notifyTicker(everyMs = 1_000): () => Promise<void> {
  const owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  let last = 0
  let lastCheck = 0
  let busy = false
  return async () => {
    const t = Date.now()
    if (busy || t - last < everyMs) return
    busy = true
    last = t
    const check = t - lastCheck >= config().STEPWISE_NOTIFY_CHECK_SECONDS * 1_000
    if (check) lastCheck = t
    void notifyPass(owner, new Date(t), check)
      .catch((e) => logger().error({ err: e }, 'notification pass failed; trying again shortly'))
      .finally(() => {
        busy = false
      })
  }
}
