// The command line's stdout carries only its answer (a token, a table), so its log lines go to
// stderr. lib/log.ts keeps the process's one logger in this global and makes it on first use;
// installing it first, before any command runs, is enough.
import pino, { type Logger } from 'pino'
import { config } from '../config'

export function logToStderr(): void {
  const g = globalThis as unknown as { __stepwiseLog?: Logger }
  g.__stepwiseLog ??= pino({ level: config().STEPWISE_LOG_LEVEL, base: { pid: process.pid } }, pino.destination(2))
}
