// One line on stderr for a failed command, naming the flag when the error is about one.
import { AppError } from '../api/errors'
import { ConfigError } from '../config'
import { UsageError } from './parse-command'

// lib/auth's field names → this command line's flags.
const FLAG_OF: Record<string, string> = { expiresAt: 'expires' }

/** What to print after "stepwise: ", and the exit status (2 bad input, 1 the command failed). */
export function errorLine(e: unknown, command?: string): { line: string; status: 1 | 2 } {
  const prefix = command ? `${command}: ` : ''
  if (e instanceof UsageError) return { line: e.message, status: 2 }
  if (e instanceof ConfigError)
    return { line: e.message.replace(/:?\n\s*/g, (m) => (m.startsWith(':') ? ': ' : '; ')), status: 2 }
  if (e instanceof AppError) {
    const field = e.extra.field
    const bad = ['validation_failed', 'conflict', 'not_found', 'forbidden'].includes(e.code)
    if (!field) return { line: `${prefix}${e.message}`, status: bad ? 2 : 1 }
    const message = e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message
    return { line: `${prefix}--${FLAG_OF[field] ?? field}: ${message}`, status: bad ? 2 : 1 }
  }
  const message = e instanceof Error ? e.message : String(e)
  return { line: `${prefix}${message.split('\n')[0]}`, status: 1 }
}
