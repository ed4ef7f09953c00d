// Browser safety over real HTTP and in Chromium: what a CSRF page, a DNS-rebinding page and an oversized
// body meet, and the security headers. The refusals come before sign-in, so a request that passes them
// may still be 401 for an anonymous caller; it must only not be one of these refusals.
import { expect, test, type APIResponse } from '@playwright/test'

const REFUSALS = [403, 413, 415, 421]
const MB = 1024 * 1024

async function errorCode(r: APIResponse): Promise<string> {
  return ((await r.json()) as { error: { code: string } }).error.code
}

test('a cross-origin form POST is refused', async ({ request }) => {
  const r = await request.post('/api/sites', {
    headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    form: { name: 'x', url: 'https://evil.example', key: 'k' },
  })
  expect(r.status()).toBe(403)
  expect(await errorCode(r)).toBe('forbidden')
})

test('a text/plain POST without Origin is refused', async ({ request }) => {
  const r = await request.post('/api/backups/bulk', {
    headers: { 'content-type': 'text/plain' },
    data: JSON.stringify({ tag: 'clients' }),
  })
  expect(r.status()).toBe(415)
  expect(await errorCode(r)).toBe('unsupported_media_type')
})

test('a foreign Host is refused, on the API and on pages', async ({ request }) => {
  const api = await request.get('/api/health', { headers: { host: 'rebind.evil.example:3100' } })
  expect(api.status()).toBe(421)
  expect(await errorCode(api)).toBe('misdirected_request')
  const page = await request.get('/', { headers: { host: 'rebind.evil.example' }, maxRedirects: 0 })
  expect(page.status()).toBe(421)
})

test('a 1 MB body is refused', async ({ request }) => {
  const r = await request.post('/api/sites', {
    headers: { 'content-type': 'application/json' },
    data: JSON.stringify({ name: 'x', pad: 'x'.repeat(MB) }),
  })
  expect(r.status()).toBe(413)
  expect(await errorCode(r)).toBe('payload_too_large')
})

test('same-origin JSON and GETs pass the guard', async ({ request, baseURL }) => {
  const post = await request.post('/api/sites/check', {
    headers: { origin: baseURL!, 'sec-fetch-site': 'same-origin' },
    data: {},
  })
  expect(REFUSALS).not.toContain(post.status())
  const get = await request.get('/api/sites')
  expect(REFUSALS).not.toContain(get.status())
})

test('security headers on a page and on /api/health', async ({ request }) => {
  for (const path of ['/', '/api/health']) {
    const r = await request.get(path)
    const h = r.headers()
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'")
    expect(h['content-security-policy'], path).toContain("object-src 'none'")
    expect(h['x-frame-options'], path).toBe('DENY')
    expect(h['x-content-type-options'], path).toBe('nosniff')
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
    expect(h['permissions-policy'], path).toContain('camera=()')
  }
})

test('in Chromium: a form on another site cannot post to Stepwise, Stepwise itself can', async ({ page, baseURL }) => {
  // evil.example is served by the test itself; the form is a real cross-site top-level POST.
  await page.route('http://evil.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form method="post" action="${baseURL}/api/sites" enctype="text/plain">
        <input name='{"name":"x","url":"https://evil.example","key":"k","pad":"' value='"}'>
        <button>go</button></form>`,
    }),
  )
  await page.goto('http://evil.example/')
  const [answer] = await Promise.all([page.waitForResponse(`${baseURL}/api/sites`), page.click('button')])
  expect(answer.status()).toBe(403)

  await page.goto('/api/health')
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/sites/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    return r.status
  })
  expect(REFUSALS).not.toContain(status)
})
