// The app shell in Chromium: it loads, the navigation works on desktop and phone, and health is ok.
import { expect, test } from './helpers/test'

test('GET /api/health reports the SQLite database ok', async ({ request }) => {
  const r = await request.get('/api/health')
  expect(r.status()).toBe(200)
  const body = (await r.json()) as {
    status: string
    database: { kind: string; reachable: boolean; migration: string | null }
  }
  expect(body.status).toBe('ok')
  expect(body.database).toMatchObject({ kind: 'sqlite', reachable: true })
  expect(body.database.migration).toBeTruthy()
})

test('the shell loads and the sidebar navigates', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/')
  await expect(page).toHaveTitle(/Stepwise/)
  const nav = page.getByRole('navigation', { name: 'Main' })
  for (const [label, href] of [
    ['Overview', '/'],
    ['Sites', '/sites'],
    ['Runs', '/runs'],
    ['Schedules', '/schedules'],
    ['Archives', '/archives'],
  ]) {
    await expect(nav.getByRole('link', { name: label })).toHaveAttribute('href', href)
  }
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page')
  await nav.getByRole('link', { name: 'Runs' }).click()
  await expect(page).toHaveURL(/\/runs$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Runs' })).toHaveAttribute('aria-current', 'page')
  await nav.getByRole('link', { name: 'Overview' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
})

test('on a phone the menu opens and navigates', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  await page.getByRole('button', { name: 'Open menu' }).click()
  const sheet = page.getByRole('dialog', { name: 'Menu' })
  await sheet.getByRole('link', { name: 'Runs' }).click()
  await expect(page).toHaveURL(/\/runs$/)
  await expect(sheet).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible()
  await page.screenshot({ path: '/tmp/runs-shots/shell-runs-390.png', fullPage: true })
})

test("the page's scripts reach the browser in Brotli", async ({ browser, request }) => {
  // The server compresses the build's static files once, in the background after it starts
  // (lib/runtime/static-brotli.mjs); the framework's largest chunk is among the last of a page's.
  const html = await (await request.get('/runs')).text()
  const scripts = [...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1])
  expect(scripts.length).toBeGreaterThan(3)
  await expect
    .poll(
      async () => {
        const encodings = await Promise.all(
          scripts.map(
            async (s) =>
              (await request.head(s, { headers: { 'accept-encoding': 'br' } })).headers()['content-encoding'],
          ),
        )
        return encodings.every((e) => e === 'br')
      },
      { timeout: 30_000 },
    )
    .toBe(true)

  // A browser with nothing cached: every script of the page arrives in Brotli, and the page works.
  const context = await browser.newContext({ storageState: await request.storageState() })
  const page = await context.newPage()
  const seen: { url: string; encoding: string | undefined }[] = []
  page.on('response', (r) => {
    if (/\/_next\/static\/.+\.js/.test(r.url())) seen.push({ url: r.url(), encoding: r.headers()['content-encoding'] })
  })
  await page.goto('/runs')
  await expect(page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible()
  expect(seen.length).toBeGreaterThanOrEqual(scripts.length)
  expect(seen.filter((s) => s.encoding !== 'br')).toEqual([])
  await context.close()
})
