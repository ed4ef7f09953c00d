// Which path of a fake site answers what (fixture joomla/01 lists every form that answers and what
// the others return). Paths are relative to the site root /s/<id>/.
import { joomlaErrorDoc, JOOMLA_STOPPED, siteHomePage, wp404Page } from './html-pages'
import type { FakeSite } from './site'

export type JoomlaFormat = 'raw' | 'json' | 'none'

export type Route =
  { kind: 'api'; format: JoomlaFormat } | { kind: 'page'; httpStatus: number; contentType: string; body: string }

const html = (httpStatus: number, body: string, charset = 'utf-8'): Route => ({
  kind: 'page',
  httpStatus,
  contentType: `text/html; charset=${charset}`,
  body,
})

export function routeFor(
  site: FakeSite,
  rest: string,
  query: URLSearchParams,
  body: URLSearchParams | null,
  accept: string | undefined,
): Route {
  return site.persona === 'wordpress' ? wordpressRoute(site, rest, query, body) : joomlaRoute(site, rest, query, accept)
}

function wordpressRoute(site: FakeSite, rest: string, query: URLSearchParams, body: URLSearchParams | null): Route {
  if (rest === 'wp-admin/admin-ajax.php') {
    // admin-ajax reads `action` from $_REQUEST (query or body); unknown actions die with "0".
    const action = query.get('action') ?? body?.get('action') ?? null
    return action === 'akeebabackup_api' ? { kind: 'api', format: 'raw' } : html(400, '0', 'UTF-8')
  }
  // WordPress answers index.php with any query as its home page — a trap for endpoint probing.
  if (rest === '' || rest === 'index.php')
    return html(200, siteHomePage('wordpress', site.cfg.name ?? site.id), 'UTF-8')
  return html(404, wp404Page(), 'UTF-8')
}

function joomlaRoute(site: FakeSite, rest: string, query: URLSearchParams, accept: string | undefined): Route {
  if (rest.startsWith('api/index.php')) {
    // 9.3.3 ships no Web Services plugin: the API app has no akeebabackup route.
    if (!accept || !/(application\/vnd\.api\+json|application\/json|\*\/\*|application\/\*)/i.test(accept))
      return html(406, 'Could not match accept header')
    return {
      kind: 'page',
      httpStatus: 404,
      contentType: 'application/vnd.api+json; charset=utf-8',
      body: '{"errors":[{"title":"Resource not found","code":404}]}',
    }
  }
  if (rest.startsWith('administrator')) return html(403, joomlaErrorDoc(403))
  const sef = /^index\.php\/component\/akeebabackup\/?$/.test(rest)
  if (!(rest === '' || rest === 'index.php' || sef)) return html(404, joomlaErrorDoc(404))
  const option = sef ? 'com_akeebabackup' : query.get('option')
  const view = query.get('view')?.toLowerCase()
  const task = query.get('task')?.toLowerCase()
  if (option === 'com_akeebabackup') {
    if (view === 'api' || task === 'api.main') {
      const f = query.get('format')
      return { kind: 'api', format: f === 'json' ? 'json' : f === 'raw' ? 'raw' : 'none' }
    }
    if (view === 'json') return html(500, JOOMLA_STOPPED)
    return html(404, joomlaErrorDoc(404))
  }
  if (option === null && view === undefined) return html(200, siteHomePage('joomla', site.cfg.name ?? site.id))
  return html(404, joomlaErrorDoc(404))
}
