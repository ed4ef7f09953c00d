// Maps an envelope status other than 200 to one AkeebaError kind (akeeba-protocol.md §3).
import { AkeebaError, type RawExchange } from './types'

/** Every cause of 503 looks the same on the wire (akeeba-protocol.md §2.2, §9.1), so say them all. */
export const AUTH_ADVICE =
  'The site refused the key (Akeeba answers "Access denied" for all of these): the JSON API is not ' +
  'enabled ("Enable JSON API (remote backup)"), the Secret Word is wrong or too weak for Akeeba to ' +
  'accept, the installed edition is Core (the API needs Pro), or the site still serves cached options ' +
  "(re-save Akeeba's Options page and clear caches). Copy the Secret Word exactly as Akeeba shows it: " +
  'hyphens and punctuation are part of it, and Akeeba refuses short or simple words (use at least 16 characters).'

const MAX_SERVER_TEXT = 2000

/** The server's own words: `data` when it is a string, else a bounded JSON rendering. */
export function serverText(data: unknown): string {
  if (typeof data === 'string') return data.trim().slice(0, MAX_SERVER_TEXT)
  if (data === null || data === undefined) return ''
  let text: string
  try {
    text = JSON.stringify(data) ?? ''
  } catch {
    text = String(data)
  }
  return text.slice(0, MAX_SERVER_TEXT)
}

const BACKUP_METHODS = new Set(['startbackup', 'stepbackup'])

export function envelopeError(method: string, status: number, data: unknown, raw: RawExchange): AkeebaError {
  const text = serverText(data)
  const opts = { envelopeStatus: status, raw }
  if (status === 503) return new AkeebaError('auth', `${AUTH_ADVICE} (server said: ${text || 'nothing'})`, opts)
  if (status === 404) return new AkeebaError('not_found', text || `${method}: not found (status 404)`, opts)
  if (status === 405 || status === 501) {
    return new AkeebaError('method_missing', text || `${method} is not supported by this site (status ${status})`, opts)
  }
  if (status === 500 && BACKUP_METHODS.has(method.toLowerCase())) {
    // "A backup error has occurred: …" — the server's words are the message (fixtures */04, */06).
    return new AkeebaError('backup_error', text || 'The backup failed on the site (status 500, no message)', opts)
  }
  // Includes status 0 (stepBackup without backupid; Joomla delete of id 0) and Joomla 9.3.3's
  // delete answer {"status":500,"data":""} (akeeba-joomla/07): the site refused, whatever it says.
  const said = text ? `: ${text}` : ' without a message'
  return new AkeebaError('protocol', `The site refused ${method} (status ${status})${said}`, opts)
}
