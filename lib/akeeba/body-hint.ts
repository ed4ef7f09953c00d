// A one-line description of a body that is not an Akeeba envelope, for error messages a person reads
// ("an HTML page titled 'Log in'" says more than "invalid JSON"). describeBody quotes a title or the start
// of the text and is for a proven site's answers; describeBodyKind never quotes (endpoint detection).

const SNIPPET = 120

export function looksLikeHtml(body: string): boolean {
  return /<(?:!doctype|html|head|body|div|h1|p|title)\b/i.test(body.slice(0, 4096))
}

function htmlTitle(body: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(body)
  const text = m?.[1]
    ?.replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return text ? text.slice(0, SNIPPET) : null
}

export function describeBody(body: string): string {
  const text = body.replace(/^\uFEFF/, '').trim()
  if (!text) return 'an empty body'
  if (looksLikeHtml(text)) {
    const title = htmlTitle(text)
    return title ? `an HTML page ("${title}")` : 'an HTML page'
  }
  const oneLine = text.replace(/\s+/g, ' ')
  return `text starting with "${oneLine.slice(0, SNIPPET)}${oneLine.length > SNIPPET ? '…' : ''}"`
}

const size = (n: number) => (n < 1024 ? `${n} bytes` : `${Math.round(n / 1024)} KB`)

/**
 * The kind of body only, never its words: for endpoint detection, where the server answering may not
 * be an Akeeba site at all (an address typed by a person, possibly an internal service) and its text
 * is not ours to echo. Once a site is proven, describeBody's title helps diagnose its error pages.
 */
export function describeBodyKind(body: string): string {
  const text = body.replace(/^\uFEFF/, '').trim()
  if (!text) return 'an empty body'
  const bytes = size(Buffer.byteLength(text))
  if (looksLikeHtml(text)) return `an HTML page (${bytes})`
  if (/^[[{]/.test(text)) return `a JSON document (${bytes})`
  return `plain text (${bytes})`
}
