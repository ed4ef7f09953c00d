// Text from a site is hostile until escaped: in a line-oriented log, a CR or LF inside a warning would
// forge log lines (a site once injected a "Set-Cookie:" line), and ESC sequences would repaint a
// terminal. Control characters become visible escapes; everything else stays as sent.

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** C0 and C1 controls, DEL, and the Unicode line/paragraph separators, as \n, \r, \t or \u00XX. */
export function escapeControlChars(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
