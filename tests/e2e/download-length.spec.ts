// Archive downloads carry their size: Content-Length equal to the part's size (lib/runtime/http-server.mjs
// restores what Next drops), so the browser shows size and progress; a Range request gets the whole
// part with `Accept-Ranges: none`. (A site sending too few bytes errors the body, so the connection is
// cut short of Content-Length: lib/archives/part-stream.test.ts covers the count.)
import { statSync } from 'node:fs'
import { expect, test } from './helpers/test'
import { addConnectedSite, uniqueId } from './helpers/fleet'

const SIZE = 1_300_000

test('a download answers with Content-Length equal to the archive part size', async ({ page, baseURL }) => {
  const { siteId } = await addConnectedSite(
    baseURL!,
    { id: uniqueId('len'), seedHistory: 1, scenario: { archiveSizeBytes: SIZE } },
    `Length ${Date.now()}`,
  )
  await page.goto(`/sites/${siteId}`)
  const panel = page.getByRole('region', { name: 'Archive history' })
  await panel.getByRole('button', { name: 'Refresh' }).click()
  await expect(panel.getByText('Available')).toBeVisible()

  // The download as the browser receives it, and the same request's response headers (Playwright
  // reports no response event for a navigation that turns into a download, so they are read through
  // the page's request context: the same cookies, the same server).
  const link = panel.getByRole('link', { name: 'Download' })
  const href = (await link.getAttribute('href'))!
  expect(href).toMatch(/\/api\/archives\/[a-z0-9]+\/download\?part=1$/)
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  const res = await page.request.get(href)
  const headers = res.headers()
  expect(res.status()).toBe(200)
  expect((await res.body()).length).toBe(SIZE)
  expect(headers['content-length']).toBe(String(SIZE))
  expect(headers['transfer-encoding']).toBeUndefined()
  expect(headers['accept-ranges']).toBe('none')
  expect(await download.failure()).toBeNull()
  expect(statSync((await download.path())!).size).toBe(SIZE)

  // A resumed download asks for a range: refused cleanly, the whole part again with its length.
  const ranged = await page.request.get(href, { headers: { Range: 'bytes=1000-' } })
  expect(ranged.status()).toBe(200)
  expect(ranged.headers()['content-length']).toBe(String(SIZE))
  expect(ranged.headers()['accept-ranges']).toBe('none')
  expect((await ranged.body()).length).toBe(SIZE)

  // Other answers keep Next's own framing: a JSON error has no x-archive-size and is not touched.
  const missing = await page.request.get(href.replace('part=1', 'part=9'))
  expect(missing.status()).toBe(404)
  expect(missing.headers()['accept-ranges']).toBeUndefined()
})
