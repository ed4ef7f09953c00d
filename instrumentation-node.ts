import { config } from './lib/config'
import { logger } from './lib/log'
import { migrateOnStart, startRunner, stopRunner } from './lib/runtime/start-runner'

await migrateOnStart()
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
