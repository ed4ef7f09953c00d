// Archive downloads carry their size: Content-Length equal to the part's size (lib/runtime/http-server.mjs
// restores what Next drops), so the browser shows size and progress; a resumed download (Range) gets
// the rest from the site's chunked method at that offset, 206; a range past the end is a 416. (A site
// sending too few bytes errors the body, so the connection is cut short of Content-Length:
// lib/archives/part-stream.test.ts covers the count.)
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
  expect(headers['accept-ranges']).toBe('bytes')
  expect(await download.failure()).toBeNull()
  expect(statSync((await download.path())!).size).toBe(SIZE)

  // A resumed download: the rest from byte 1000 (the site's chunked method at an offset), 206.
  const full = await res.body()
  const ranged = await page.request.get(href, { headers: { Range: 'bytes=1000-', 'If-Range': headers.etag } })
  expect(ranged.status()).toBe(206)
  expect(ranged.headers()['content-length']).toBe(String(SIZE - 1000))
  expect(ranged.headers()['content-range']).toBe(`bytes 1000-${SIZE - 1}/${SIZE}`)
  expect(Buffer.compare(await ranged.body(), full.subarray(1000))).toBe(0)
  // Another file's validator, or a range we do not serve partially: the whole part again.
  const stale = await page.request.get(href, { headers: { Range: 'bytes=1000-', 'If-Range': '"other"' } })
  expect(stale.status()).toBe(200)
  expect(stale.headers()['content-length']).toBe(String(SIZE))
  const multi = await page.request.get(href, { headers: { Range: 'bytes=0-10,20-30' } })
  expect(multi.status()).toBe(200)
  expect((await multi.body()).length).toBe(SIZE)
  // Past the end: refused with the part's size.
  const past = await page.request.get(href, { headers: { Range: `bytes=${SIZE}-` } })
  expect(past.status()).toBe(416)
  expect(past.headers()['content-range']).toBe(`bytes */${SIZE}`)

  // Other answers keep Next's own framing: a JSON error has no x-archive-size and is not touched.
  const missing = await page.request.get(href.replace('part=1', 'part=9'))
  expect(missing.status()).toBe(404)
  expect(missing.headers()['accept-ranges']).toBeUndefined()
})
