// Which kind of network an address belongs to, for the outbound guard. A site URL is typed by a
// person and resolved by DNS we do not control, so every address a call would reach is classified
// here first. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by
// the IPv4 address inside them: ::ffff:127.0.0.1 is loopback.
import { formatIPv4, inPrefix, parseIPv4, parseIPv6 } from './ip-address'

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link_local'
  | 'metadata'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'reserved'
  | 'invalid'

/**
 * Cloud instance metadata and platform services: reaching one from a server hands out its
 * credentials. AWS (IMDS, ECS and EKS credentials, DNS, NTP), GCP, Azure (IMDS and the WireServer),
 * DigitalOcean, Hetzner, OpenStack (169.254.169.254), Alibaba (100.100.100.200), Oracle Classic
 * (192.0.0.192), AWS IPv6 IMDS (fd00:ec2::254 and friends).
 */
const METADATA_V4 = new Set([
  '169.254.169.254',
  '169.254.169.253',
  '169.254.169.123',
  '169.254.170.2',
  '169.254.170.23',
  '100.100.100.200',
  '192.0.0.192',
  '168.63.129.16',
])
const METADATA_V6 = ['fd00:ec2::254', 'fd00:ec2::253', 'fd00:ec2::123', 'fd00:ec2::23'].map((a) => parseIPv6(a)!)

const v4 = (text: string, bits: number) => ({ prefix: parseIPv4(text)!, bits })
const v6 = (text: string, bits: number) => ({ prefix: parseIPv6(text)!, bits })

// First match wins: the specific ranges come before the ones that contain them.
const V4_RANGES: { prefix: Uint8Array; bits: number; cls: AddressClass }[] = [
  { ...v4('255.255.255.255', 32), cls: 'broadcast' },
  { ...v4('0.0.0.0', 8), cls: 'unspecified' },
  { ...v4('127.0.0.0', 8), cls: 'loopback' },
  { ...v4('10.0.0.0', 8), cls: 'private' },
  { ...v4('172.16.0.0', 12), cls: 'private' },
  { ...v4('192.168.0.0', 16), cls: 'private' },
  // Benchmarking range (RFC 2544): never routed on the internet, used inside networks.
  { ...v4('198.18.0.0', 15), cls: 'private' },
  { ...v4('100.64.0.0', 10), cls: 'cgnat' },
  { ...v4('169.254.0.0', 16), cls: 'link_local' },
  { ...v4('224.0.0.0', 4), cls: 'multicast' },
  { ...v4('240.0.0.0', 4), cls: 'reserved' },
]

const V6_RANGES: { prefix: Uint8Array; bits: number; cls: AddressClass }[] = [
  { ...v6('::', 128), cls: 'unspecified' },
  { ...v6('::1', 128), cls: 'loopback' },
  { ...v6('fc00::', 7), cls: 'private' },
  // Deprecated site-local (RFC 3879) and local-use NAT64 (RFC 8215): inside networks only.
  { ...v6('fec0::', 10), cls: 'private' },
  { ...v6('64:ff9b:1::', 48), cls: 'private' },
  { ...v6('fe80::', 10), cls: 'link_local' },
  { ...v6('ff00::', 8), cls: 'multicast' },
  // Discard-only prefix (RFC 6666).
  { ...v6('100::', 64), cls: 'reserved' },
]

/** IPv6 forms that carry an IPv4 address the packet ends up at. */
const EMBEDDED_V4: { prefix: Uint8Array; bits: number; at: number }[] = [
  { ...v6('::ffff:0:0', 96), at: 12 }, // IPv4-mapped
  { ...v6('::ffff:0:0:0', 96), at: 12 }, // IPv4-translated (RFC 2765)
  { ...v6('64:ff9b::', 96), at: 12 }, // NAT64 well-known prefix
  { ...v6('::', 96), at: 12 }, // IPv4-compatible (deprecated, still routed by some stacks)
  { ...v6('2002::', 16), at: 2 }, // 6to4
]

function classifyV4(b: Uint8Array): AddressClass {
  if (METADATA_V4.has(formatIPv4(b))) return 'metadata'
  return V4_RANGES.find((r) => inPrefix(b, r.prefix, r.bits))?.cls ?? 'public'
}

function classifyV6(b: Uint8Array): AddressClass {
  if (METADATA_V6.some((m) => inPrefix(b, m, 128))) return 'metadata'
  const exact = V6_RANGES.find((r) => r.bits === 128 && inPrefix(b, r.prefix, 128))
  if (exact) return exact.cls
  const embedded = EMBEDDED_V4.find((e) => inPrefix(b, e.prefix, e.bits))
  if (embedded) return classifyV4(b.subarray(embedded.at, embedded.at + 4))
  return V6_RANGES.find((r) => inPrefix(b, r.prefix, r.bits))?.cls ?? 'public'
}

export function classifyAddress(address: string): AddressClass {
  const b4 = parseIPv4(address)
  if (b4) return classifyV4(b4)
  const b6 = parseIPv6(address.replace(/^\[|\]$/g, ''))
  if (b6) return classifyV6(b6)
  return 'invalid'
}

/** Plain words for each class, as in "resolves to 10.0.0.5, a private address". */
export const CLASS_LABEL: Record<AddressClass, string> = {
  public: 'a public address',
  loopback: 'a loopback address (this machine)',
  private: 'a private address',
  cgnat: 'a shared (carrier-grade NAT) address',
  link_local: 'a link-local address',
  metadata: 'a cloud metadata address',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  invalid: 'not a valid address',
}

/** Classes STEPWISE_ALLOW_PRIVATE_NETWORKS=true opens (sites on a LAN, a VPN such as Tailscale, tests). */
export const PRIVATE_CLASSES: ReadonlySet<AddressClass> = new Set(['loopback', 'private', 'cgnat'])
