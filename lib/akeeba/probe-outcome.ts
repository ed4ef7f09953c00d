// What one failed getVersion probe tells us about a site, and what a person should do about it.
import type { AkeebaError } from './types'
import { AUTH_ADVICE } from './envelope-errors'
import { describeBodyKind, looksLikeHtml } from './body-hint'
import { errorCode, netCause } from './node-errors'

export type DetectCause =
  | 'invalid_url'
  | 'refused_address'
  | 'unreachable'
  | 'dns'
  | 'tls'
  | 'timeout'
  | 'http_error'
  | 'html_page'
  | 'auth'
  | 'core_edition'
  | 'api_too_old'
  | 'not_akeeba'

export interface ProbeFailure {
  cause: DetectCause
  message: string
  advice: string
  /** The answer is about the whole site (DNS, TLS, wrong key…): stop probing other URLs. */
  stop: boolean
  /** How much this says about the site; the highest wins when no URL answered. */
  weight: number
  /** An HTML page with HTTP 200: could be a login page, or just a CMS ignoring an unknown URL. */
  html200?: boolean
}

export const ADVICE: Record<DetectCause, string> = {
  invalid_url: 'Paste the site address, e.g. https://www.example.com/, or the exact API URL from Akeeba.',
  refused_address:
    'Stepwise only calls sites on public addresses, so a site address cannot be used to reach this server or its ' +
    'network. If the site really is on your own network (LAN, VPN), set STEPWISE_ALLOW_PRIVATE_NETWORKS=true; ' +
    'link-local and cloud metadata addresses are never allowed.',
  unreachable:
    'Check the address and that the site is online and reachable from this server (firewall, IP allow-list).',
  dns: 'Check the spelling of the host name. A new domain may not be in DNS yet.',
  tls: "Fix or renew the site's HTTPS certificate (expired, self-signed or for another name), or allow invalid certificates for this site.",
  timeout:
    'The site did not answer in time. Check that it opens in a browser; a firewall may be dropping our requests.',
  http_error:
    "The web server answered with an error instead of Akeeba. Check the site's error log, redirects and security rules for the API URL.",
  html_page:
    'We got a web page instead of the API: a security layer (WAF, mod_security, Cloudflare, a security plugin), a login or ' +
    'maintenance page, or the wrong address. Allow the API URL through, or paste the exact endpoint URL.',
  auth: AUTH_ADVICE,
  core_edition: 'The JSON API needs Akeeba Backup Pro; this site runs the Core edition.',
  api_too_old: 'Update Akeeba Backup on the site (the API level is older than 340 and lacks what Stepwise uses).',
  not_akeeba:
    "No Akeeba Backup API answered. Check that Akeeba Backup Pro is installed and 'Enable JSON API (remote backup)' is on, " +
    'or paste the exact endpoint URL.',
}

const fail = (cause: DetectCause, message: string, weight: number, stop = false, html200 = false): ProbeFailure => ({
  cause,
  message,
  advice: ADVICE[cause],
  stop,
  weight,
  html200,
})

/**
 * What a failed probe means. Messages for answers that are not Akeeba's say what kind of answer came
 * (status, HTML page, size), never its words: at this point we do not know whose server it is.
 */
export function classifyProbeError(err: AkeebaError, url: string): ProbeFailure {
  const status = err.raw?.httpStatus ?? 0
  const body = err.raw?.body ?? ''
  const html = looksLikeHtml(body)
  const answered = `${url} answered HTTP ${status} with ${describeBodyKind(body)}`
  switch (err.kind) {
    case 'transport': {
      const net = netCause(errorCode(err.cause))
      if (net === 'refused_address') return fail('refused_address', err.message, 30, true)
      if (net === 'dns') return fail('dns', err.message, 10, true)
      if (net === 'tls') return fail('tls', err.message, 10, true)
      if (net === 'refused' || net === 'unreachable') return fail('unreachable', err.message, 10, true)
      return fail('unreachable', err.message, 4)
    }
    case 'timeout':
      return fail('timeout', err.message, 9, true)
    case 'auth':
      return fail('auth', `${url} is Akeeba's API, but it answered "Access denied" (status 503).`, 20, true)
    case 'http':
      if (status === 401 || status === 403) return fail(html ? 'html_page' : 'http_error', answered, 6)
      if (status >= 300 && status < 400)
        return fail(
          'http_error',
          `${url} redirects (HTTP ${status}); paste the address it redirects to (https:// or www.?)`,
          5,
        )
      // 404/406 and JSON:API "Resource not found" mean "not here" (akeeba-joomla/01 exchanges 23-30).
      if (status === 400 || status === 404 || status === 406 || status === 410) return fail('not_akeeba', answered, 1)
      return fail('http_error', answered, 3)
    case 'unparsable':
      return html ? fail('html_page', answered, 2, false, true) : fail('not_akeeba', answered, 1)
    default:
      // An envelope that is not a version answer: something Akeeba-like, but not usable. Its words are
      // the API's own (bounded: an envelope-shaped answer may still come from something else).
      return fail('not_akeeba', `${url} answered getVersion with: ${err.message.slice(0, 300)}`, 7)
  }
}

/** The most informative failure. An HTML 200 page only wins when every URL gave one (a login page). */
export function bestFailure(failures: ProbeFailure[]): ProbeFailure {
  const allHtml200 = failures.every((f) => f.html200)
  let best = failures[0]
  for (const f of failures) {
    const w = f.html200 && !allHtml200 ? 0.5 : f.weight
    const bw = best.html200 && !allHtml200 ? 0.5 : best.weight
    if (w > bw) best = f
  }
  return best
}
