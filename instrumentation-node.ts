import { config } from './lib/config'
import { logger } from './lib/log'
import { migrateOnStart, startRunner, stopRunner } from './lib/runtime/start-runner'
import { announceSetup } from './lib/auth/setup'
import { checkSiteKeysDecrypt } from './lib/secrets/check-site-keys'

await migrateOnStart()
// Refuse to start with a secret that cannot open the stored site keys (the message names
// STEPWISE_SECRET_KEY): better no server than one whose every backup fails.
await checkSiteKeysDecrypt().catch((e: unknown) => {
  logger().fatal({ err: e }, e instanceof Error ? e.message : String(e))
  process.exit(1)
})
// A fresh install: say how to create the owner (with the setup code when reachable from the network).
await announceSetup()
if (config().STEPWISE_RUNNER) {
  startRunner('web')
  const stop = () => {
    void stopRunner().finally(() => process.exit(0))
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
} else {
  logger().info('runner disabled in this process (STEPWISE_RUNNER=off); run `npm run worker`')
}
