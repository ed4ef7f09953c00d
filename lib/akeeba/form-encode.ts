// PHP-style form encoding, as http_build_query does it (akeeba-protocol.md §2.2): nested values use
// brackets (`overrides[akeeba.basic.backup_type]=dbonly`), booleans become 1/0, null/undefined are omitted.

export type FormValue = string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue }

function flatten(prefix: string, value: FormValue, out: [string, string][]): void {
  if (value === null || value === undefined) return
  if (typeof value === 'boolean') out.push([prefix, value ? '1' : '0'])
  else if (typeof value === 'string' || typeof value === 'number') out.push([prefix, String(value)])
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(`${prefix}[${i}]`, v, out))
  else for (const [k, v] of Object.entries(value)) flatten(`${prefix}[${k}]`, v, out)
}

export function formPairs(params: Record<string, FormValue>): [string, string][] {
  const out: [string, string][] = []
  for (const [k, v] of Object.entries(params)) flatten(k, v, out)
  return out
}

/** application/x-www-form-urlencoded text (spaces as '+', like PHP's RFC1738 default). */
export function encodeForm(params: Record<string, FormValue>): string {
  return new URLSearchParams(formPairs(params)).toString()
}
