// A one-line description of a body that is not an Akeeba envelope, for error messages a person reads
// ("an HTML page titled 'Log in'" says more than "invalid JSON").

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
