// Text from a request body, made safe to store the same way on SQLite and PostgreSQL. PostgreSQL
// rejects NUL (0x00) in text columns while SQLite stores it, and a lone UTF-16 surrogate cannot be
// encoded as UTF-8 at all (Prisma/pg turn it into U+FFFD or fail). Both are refused at the boundary
// with a 400 naming the field, so nothing differs between the databases afterwards.
import { z } from 'zod'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// C0 controls, DEL and C1 controls (0x80-0x9f).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

export function hasNul(s: string): boolean {
  return s.includes('\u0000')
}

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s)
}

export function hasControlChars(s: string): boolean {
  return CONTROL.test(s)
}

/** A string with no NUL byte and no lone surrogate. Chain .trim(), .min(), .max() on it as usual. */
export function safeText() {
  return z
    .string()
    .refine((s) => !hasNul(s), 'must not contain NUL characters')
    .refine((s) => !hasLoneSurrogate(s), 'must be valid Unicode text (it contains a lone surrogate)')
}

/** One line for a secret or an address: no control characters at all (CR, LF, NUL, tab, C1…). */
export function singleLineText() {
  return safeText().refine((s) => !hasControlChars(s), 'must not contain control characters (line breaks, tabs, NUL…)')
}
