// Resolves a site's host name once and checks every address it gave. The caller connects to the
// address returned here (http.request's `lookup`), never to a second answer: a DNS server that says
// "public" to the check and "127.0.0.1" to the connect (rebinding) gets no second question.
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { classifyAddress, PRIVATE_CLASSES } from './address-class'
import { RefusedAddressError } from './refused-address'

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }))

let resolver: Resolver = systemResolver

/** Tests answer DNS themselves (no network); null restores the system resolver. */
export function setResolverForTests(r: Resolver | null): void {
  resolver = r ?? systemResolver
}

export interface GuardOptions {
  /** STEPWISE_ALLOW_PRIVATE_NETWORKS: loopback, private and CGNAT ranges are allowed. */
  allowPrivate: boolean
}

export function checkAddress(host: string, address: string, o: GuardOptions): void {
  const cls = classifyAddress(address)
  if (cls === 'public' || (o.allowPrivate && PRIVATE_CLASSES.has(cls))) return
  throw new RefusedAddressError(host, address, cls)
}

/**
 * The address to connect to for `hostname` (a URL's hostname; IPv6 literals keep their brackets).
 * Every address of the answer must pass, so one name cannot mix a public and an internal address.
 */
export async function resolveGuarded(hostname: string, o: GuardOptions): Promise<ResolvedAddress> {
  const host = hostname.replace(/^\[|\]$/g, '')
  const literal = isIP(host)
  if (literal) {
    checkAddress(host, host, o)
    return { address: host, family: literal === 6 ? 6 : 4 }
  }
  const answers = await resolver(host)
  if (!answers.length) {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host })
  }
  for (const a of answers) checkAddress(host, a.address, o)
  return answers[0]
}
