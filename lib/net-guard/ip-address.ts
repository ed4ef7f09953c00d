// IP address text → bytes, so ranges can be compared without a library. IPv4 as 4 bytes, IPv6 as 16;
// a zone id (fe80::1%eth0) is dropped, the address itself is what the kernel connects to.
import { isIPv4, isIPv6 } from 'node:net'

export function parseIPv4(text: string): Uint8Array | null {
  if (!isIPv4(text)) return null
  return Uint8Array.from(text.split('.').map(Number))
}

export function parseIPv6(text: string): Uint8Array | null {
  const addr = text.replace(/%.*$/, '')
  if (!isIPv6(addr)) return null
  let groups = addr
  const tail: number[] = []
  // A dotted quad at the end (::ffff:127.0.0.1) fills the last two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(groups)
  if (dotted) {
    const v4 = parseIPv4(dotted[1])
    if (!v4) return null
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3])
    groups = groups.slice(0, -dotted[1].length)
    if (groups.endsWith(':') && !groups.endsWith('::')) groups = groups.slice(0, -1)
  }
  const [head, rest] = groups.includes('::') ? groups.split('::') : [groups, null]
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : [])
  const left = parse(head)
  const right = rest === null ? [] : parse(rest)
  const missing = 8 - left.length - right.length - tail.length
  if (missing < 0 || (rest === null && missing !== 0)) return null
  const words = [...left, ...Array<number>(missing).fill(0), ...right, ...tail]
  const bytes = new Uint8Array(16)
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8
    bytes[2 * i + 1] = w & 0xff
  })
  return bytes
}

/** True when the first `bits` bits of `addr` equal those of `prefix`. */
export function inPrefix(addr: Uint8Array, prefix: Uint8Array, bits: number): boolean {
  if (addr.length !== prefix.length) return false
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i % 8)
    if ((addr[i >> 3] & mask) !== (prefix[i >> 3] & mask)) return false
  }
  return true
}

export function formatIPv4(b: Uint8Array): string {
  return Array.from(b).join('.')
}
