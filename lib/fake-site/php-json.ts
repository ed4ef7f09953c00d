// PHP's json_encode with default flags: "/" is escaped as "\/" and every non-ASCII character as
// \uXXXX. The real bodies look like this (fixtures: "\/var\/www\/example\/wp-admin\/user"), and a
// client that compares raw bodies or scans for "{" must cope with the same bytes.

const NON_ASCII = /[\u0080-\uffff]/g

export function phpJson(value: unknown): string {
  const text = JSON.stringify(value).replace(/\//g, '\\/')
  return NON_ASCII.test(text)
    ? text.replace(NON_ASCII, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
    : text
}

/** The v2 envelope: `{"status":N,"data":…}` (HTTP 200 even for errors — fact 1). */
export function envelope(status: number, data: unknown): string {
  return phpJson({ status, data })
}
