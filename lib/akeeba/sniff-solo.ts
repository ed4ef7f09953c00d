// com_akeeba at index.php answers the same on Joomla 3 and on Akeeba Solo (akeeba-protocol.md §2.1);
// only the site's own front page tells them apart. Best effort: any failure means Joomla 3.
import { openRequest, readText } from './http-request'

export async function sniffSolo(
  endpointUrl: string,
  opts: { insecureTls?: boolean; signal?: AbortSignal; userAgent?: string },
): Promise<boolean> {
  try {
    const url = new URL(endpointUrl)
    url.search = ''
    const open = await openRequest({
      url,
      method: 'GET',
      headers: { Accept: 'text/html', Connection: 'close', 'User-Agent': opts.userAgent ?? 'Stepwise/0.1' },
      connectTimeoutMs: 5_000,
      timeoutMs: 10_000,
      signal: opts.signal,
      insecureTls: opts.insecureTls,
    })
    const html = await readText(open, 512 * 1024)
    return /Akeeba Solo/i.test(html)
  } catch {
    return false
  }
}
