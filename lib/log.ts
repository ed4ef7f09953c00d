// Structured logs (pino). Site keys never reach a log line: they are never passed to one, and the
// redaction list below is a second net for request headers.
import pino, { type Logger } from 'pino'
import { config } from './config'

const g = globalThis as unknown as { __stepwiseLog?: Logger }

export function logger(): Logger {
  return (g.__stepwiseLog ??= pino({
    level: config().STEPWISE_LOG_LEVEL,
    base: { pid: process.pid },
    redact: { paths: ['key', '*.key', 'headers["x-akeeba-auth"]', '*.headers["x-akeeba-auth"]'], censor: '[redacted]' },
  }))
}
