// The known reasons a connection check fails, as plain headings, and which field is at fault.
// Causes come from lib/akeeba/probe-outcome.ts (DetectCause); unknown ones still get a heading.

export interface CheckFailure {
  cause: string
  message: string
  advice: string
}

const HEADINGS: Record<string, string> = {
  // Core edition, a disabled API and a wrong key all answer the same 503 (envelope-errors.ts AUTH_ADVICE).
  auth: 'Access denied: wrong key, JSON API disabled, or Core edition',
  unreachable: 'The site is not reachable',
  dns: 'The host name was not found (DNS)',
  tls: 'The TLS (HTTPS) certificate was rejected',
  timeout: 'The site did not answer in time',
  http_error: 'The web server answered with an error',
  html_page: 'A firewall (WAF) or an HTML page answered instead of Akeeba',
  core_edition: 'Akeeba Backup Core edition: no remote API',
  api_too_old: 'Akeeba Backup is too old',
  not_akeeba: 'No Akeeba Backup API found at this address',
  invalid_url: 'This is not a usable web address',
  refused_address: 'Stepwise does not connect to this address (private or internal network)',
  // Bulk add only: the row itself is wrong, or the site is already there.
  invalid: 'This row needs a fix before it can be checked',
  duplicate: 'Already added',
}

export function causeHeading(cause: string): string {
  return HEADINGS[cause] ?? 'The connection check failed'
}

/** The wrong key is the key field's fault; everything else is about the address. */
export function causeField(cause: string): 'url' | 'key' {
  return cause === 'auth' ? 'key' : 'url'
}

/** Short text for under the field (the panel below has the details). */
export function causeFieldMessage(cause: string): string {
  return `${causeHeading(cause)}. See below.`
}
