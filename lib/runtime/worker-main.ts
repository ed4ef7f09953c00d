// `npm run worker`: a runner process without the web server. Any number may share one database.
import { logger } from '../log'
import { migrateOnStart, startRunner, stopRunner } from './start-runner'
import { closeDatabase } from '../db/lifecycle'
import { checkSiteKeysDecrypt } from '../secrets/check-site-keys'

async function main(): Promise<void> {
  await migrateOnStart()
  await checkSiteKeysDecrypt()
  const runner = startRunner('worker')
  logger().info({ runner: runner.id }, 'worker running; Ctrl-C to stop')
  const stop = async (signal: string) => {
    logger().info({ signal }, 'worker stopping: finishing in-flight steps')
    await stopRunner()
    await closeDatabase()
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
}

main().catch((e) => {
  logger().fatal({ err: e }, 'worker failed to start')
  process.exit(1)
})
