// Small deterministic PRNG helpers. Everything random in the fake site (archive names, backupids,
// archive bytes, fault dice) comes from a seed so a scenario replays identically.

/** 32-bit FNV-1a of a string; used to turn ids and seeds into PRNG seeds. */
export function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Mixes two 32-bit values into one (splitmix-style finaliser). */
export function mix32(a: number, b: number): number {
  let z = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

export interface Rng {
  /** Uniform integer in [0, 2^32). */
  next(): number
  /** Uniform float in [0, 1). */
  float(): number
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number
  /** A string of `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string
}

/** mulberry32: tiny, fast and good enough for test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  return {
    next,
    float: () => next() / 4294967296,
    int: (min, max) => min + (next() % (max - min + 1)),
    chars: (length, alphabet) => {
      let out = ''
      for (let i = 0; i < length; i++) out += alphabet[next() % alphabet.length]
      return out
    },
  }
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** The engine's archive-name random part uses letters, digits, '-' and '_' (fixtures: "GxVdvInZ3-09q3r6"). */
export const ARCHIVE_ALPHABET = ALNUM + '-_'
