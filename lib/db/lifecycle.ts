// Opening and closing the database for processes that are not the web server (the command line,
// workers, benchmarks): the schema brought up to date first, the connection closed at the end.
import { config } from '../config'
import { disconnectDb } from './client'
import { migrate, type MigrateResult } from './migrate'

export function prepareDatabase(): Promise<MigrateResult> {
  return migrate(config().DATABASE_URL)
}

export function closeDatabase(): Promise<void> {
  return disconnectDb()
}
