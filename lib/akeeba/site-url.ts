// From what a person pastes (a site root, an admin page, or the exact API URL) to the endpoint URLs
// worth probing. Forms per akeeba-protocol.md §2.1 and akeeba-joomla/01.
import type { Platform } from './types'

export interface ProbeTarget {
  url: string
  platform: Platform
}

export function parseSiteUrl(pasted: string): URL | null {
  const text = pasted.trim()
  if (!text || /\s/.test(text)) return null
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!url.hostname || url.username || url.password) return null
  url.hash = ''
  return url
}

/** The pasted URL already names an endpoint: use it as it is (filling in what Akeeba needs). */
export function explicitEndpoint(url: URL): ProbeTarget | null {
  const path = url.pathname.toLowerCase()
  const option = url.searchParams.get('option')?.toLowerCase()
  const u = new URL(url)
  if (path.endsWith('/admin-ajax.php')) {
    if (!u.searchParams.has('action')) u.searchParams.set('action', 'akeebabackup_api')
    return { url: u.toString(), platform: 'wordpress' }
  }
  // Joomla ≥ 9.6 API application route (v2/v3).
  if (/\/api\/index\.php\/v[23]\/akeebabackup/.test(path)) return { url: u.toString(), platform: 'joomla' }
  if (path.includes('/wp-content/plugins/') && option === 'com_akeeba')
    return { url: u.toString(), platform: 'wordpress' }
  if (option === 'com_akeebabackup' || path.includes('/component/akeebabackup')) {
    if (!u.searchParams.has('view') && !u.searchParams.has('task')) u.searchParams.set('view', 'api')
    return { url: u.toString(), platform: 'joomla' }
  }
  if (option === 'com_akeeba') {
    if (!u.searchParams.has('view')) u.searchParams.set('view', 'api')
    return { url: u.toString(), platform: 'joomla3' }
  }
  return null
}

/** The site root: strip index.php and the admin areas people paste from their browser bar. */
export function siteBase(url: URL): URL {
  const base = new URL(url.origin)
  let path = url.pathname
  path = path.replace(/\/(administrator|wp-admin)(\/.*)?$/i, '/')
  path = path.replace(/\/(index\.php|wp-login\.php)(\/.*)?$/i, '/')
  base.pathname = path.endsWith('/') ? path : `${path}/`
  return base
}

/** Probe order: WordPress, Joomla 4/5 classic, Joomla API app, then Joomla 3 / Solo (same URL). */
export function rootTargets(base: URL): ProbeTarget[] {
  const at = (rel: string) => new URL(rel, base).toString()
  return [
    { url: at('wp-admin/admin-ajax.php?action=akeebabackup_api'), platform: 'wordpress' },
    { url: at('index.php?option=com_akeebabackup&view=api&format=raw'), platform: 'joomla' },
    { url: at('api/index.php/v2/akeebabackup'), platform: 'joomla' },
    { url: at('index.php?option=com_akeeba&view=api&format=raw'), platform: 'joomla3' },
  ]
}
