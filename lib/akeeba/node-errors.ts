// Node's socket errors → AkeebaError with a message a person can act on. The original error is kept
// as `cause` (its `code` lets endpoint detection tell DNS from TLS from a refused connection).
// Messages stay generic on purpose: what a non-HTTP service does to an HTTP request (redis resets,
// mysql sends a greeting Node cannot parse) must not tell anyone which service listens on a port.
import { AkeebaError, type RawExchange } from './types'
import { REFUSED_ADDRESS_CODE } from '../net-guard/refused-address'

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|EPROTO$|ERR_OSSL)/

export type NetCause = 'dns' | 'refused' | 'reset' | 'tls' | 'unreachable' | 'refused_address' | 'other'

export function netCause(code: string | undefined): NetCause {
  if (!code) return 'other'
  if (code === REFUSED_ADDRESS_CODE) return 'refused_address'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') return 'dns'
  if (code === 'ECONNREFUSED') return 'refused'
  // HPE_*: Node's HTTP parser choked on the answer (not HTTP at all, e.g. a database greeting).
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code.startsWith('HPE_')) return 'reset'
  if (TLS_CODES.test(code)) return 'tls'
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT' || code === 'EHOSTDOWN')
    return 'unreachable'
  return 'other'
}

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

export function transportError(err: unknown, host: string, raw: RawExchange): AkeebaError {
  const code = errorCode(err)
  const detail = err instanceof Error ? err.message : String(err)
  const messages: Record<NetCause, string> = {
    refused_address: `Stepwise does not connect to this address: ${detail}`,
    dns: `The host name ${host} could not be resolved (DNS: ${code}). Check the address.`,
    refused: `${host} refused the connection: nothing listens on that port, or the web server is down.`,
    reset: `The connection to ${host} was cut before a full answer arrived: it did not answer like a web server, or a proxy or firewall closed the connection.`,
    tls: `The secure connection to ${host} failed (${code}): the certificate is expired, self-signed or for another name.`,
    unreachable: `${host} cannot be reached from here (${code}).`,
    other: `Network error talking to ${host}${code ? ` (${code})` : ''}: it did not answer like a web server.`,
  }
  const cause = netCause(code)
  // Node says "socket hang up" without a useful code when the server closes without answering.
  const message = cause === 'other' && /hang up|aborted/i.test(detail) ? messages.reset : messages[cause]
  return new AkeebaError('transport', message, { raw, cause: err })
}
