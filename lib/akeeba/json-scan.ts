// Finding a JSON object inside a body that has junk around it (PHP notices, BOM, HTML, trailing
// output). Akeeba's own library gets trailing junk wrong (akeeba-protocol.md §8.5), so we match braces.

/** Index just past the `}` that closes the object opening at `start`, or -1. String-aware. */
export function balancedEnd(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92 /* \ */) i++
      else if (c === 34 /* " */) inString = false
      continue
    }
    if (c === 34) inString = true
    else if (c === 123 /* { */ || c === 91 /* [ */) depth++
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--
      if (depth === 0) return i + 1
      if (depth < 0) return -1
    }
  }
  return -1
}

/** Parses JSON without ever throwing (deep nesting can raise RangeError in V8). */
export function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

const LIKELY_START = /\{\s*"(?:status|encapsulation)"/g
const MAX_CANDIDATES = 64

/**
 * Start offsets worth trying, best first: objects that open with "status"/"encapsulation", then every
 * other `{`. Capped so a hostile body full of braces cannot make this quadratic.
 */
export function candidateStarts(text: string): number[] {
  const seen = new Set<number>()
  const out: number[] = []
  for (const m of text.matchAll(LIKELY_START)) {
    if (out.length >= MAX_CANDIDATES) return out
    seen.add(m.index)
    out.push(m.index)
  }
  for (let i = text.indexOf('{'); i !== -1 && out.length < MAX_CANDIDATES; i = text.indexOf('{', i + 1)) {
    if (!seen.has(i)) out.push(i)
  }
  return out
}
