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
