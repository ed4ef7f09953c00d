// The client report: a tag's sites over a period, with real runs against fake sites; the numbers on
// the page are the API's; print view without the shell; a PDF through the browser's print.
import { expect, test, type Page } from './helpers/test'
import { addFakeSite, uniqueId } from './helpers/fleet'
import { ownerFetch } from './helpers/auth'
import { shot } from './helpers/shots'
import { axeSerious } from './helpers/axe-check'
import type { ClientReport } from '../../lib/reports/types'

async function addTagged(id: string, name: string, tag: string, scenario: Record<string, unknown> = {}) {
  const fake = await addFakeSite({ id, name, scenario: { stepLatencyMs: 0, ...scenario } })
  const r = await ownerFetch('/api/sites', {
    method: 'POST',
    body: JSON.stringify({ name, url: fake.url, key: fake.key, tags: [tag] }),
  })
  expect(r.status).toBe(201)
  return ((await r.json()) as { site: { id: string } }).site.id
}

async function backUp(siteId: string): Promise<string> {
  const r = await ownerFetch(`/api/sites/${siteId}/backups`, { method: 'POST', body: '{}' })
  const runId = ((await r.json()) as { run: { id: string } }).run.id
  await expect
    .poll(
      async () => ((await (await ownerFetch(`/api/runs/${runId}`)).json()) as { run: { status: string } }).run.status,
      { timeout: 60_000 },
    )
    .toMatch(/succeeded|failed|timed_out/)
  return runId
}

const totalsOf = (page: Page) => page.getByRole('region', { name: 'Totals' })

test('client report: a tag over a period, the API numbers, print view and PDF', async ({ page }, testInfo) => {
  const tag = `client-${Date.now().toString(36)}`
  const good = await addTagged(uniqueId('rep-good'), 'Report Bakery', tag)
  const bad = await addTagged(uniqueId('rep-bad'), 'Report Dental', tag, {
    failAtStep: { step: 2, text: 'Could not open /var/www/backups/site.jpa for writing: disk quota exceeded' },
  })
  await backUp(good)
  await backUp(good)
  await backUp(bad)

  // Linked from the tag filter on the Sites page.
  await page.goto(`/sites?tag=${tag}`)
  await page.getByRole('link', { name: `Client report for “${tag}”` }).click()
  await expect(page).toHaveURL(new RegExp(`/reports\\?tag=${tag}`))
  await expect(page.getByRole('heading', { level: 1, name: 'Client report' })).toBeVisible()
  // Last month is the default period; today's runs are in "Last 30 days".
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/)
  await page.getByRole('button', { name: 'Last 30 days' }).click()
  await expect(page.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true')
  const url = new URL(page.url())
  expect(url.searchParams.get('tag')).toBe(tag)

  // The page shows what the API computes (asked for the same days, in UTC, as an outside check).
  const from = url.searchParams.get('from')!
  const to = url.searchParams.get('to')!
  const apiReport = (
    (await (await ownerFetch(`/api/reports?tag=${tag}&from=${from}&to=${to}`)).json()) as { report: ClientReport }
  ).report
  const g = apiReport.sites.find((s) => s.name === 'Report Bakery')!
  const d = apiReport.sites.find((s) => s.name === 'Report Dental')!
  expect(g.succeeded).toBeGreaterThanOrEqual(2)
  expect(g.failed).toBe(0)
  expect(d.failed).toBe(1)
  expect(d.state).toBe('failed')

  const totals = totalsOf(page)
  await expect(totals).toContainText('Sites')
  await expect(totals).toContainText(`${apiReport.totals.succeeded} good · ${apiReport.totals.failed} failed`)
  const summary = page.getByRole('table', { name: 'Sites in this report' })
  await expect(summary.getByRole('row', { name: /Report Dental/ })).toContainText('1 failed')
  await expect(summary.getByRole('row', { name: /Report Dental/ })).toContainText('Failed')
  await expect(summary.getByRole('row', { name: /Report Bakery/ })).toContainText('100%')
  const dental = page.getByRole('region', { name: 'Report Dental' })
  await expect(dental).toContainText('disk quota exceeded')
  await expect(page.getByRole('table', { name: 'Last backups of Report Bakery' }).getByRole('row')).toHaveCount(
    g.lastBackups.length + 1,
  )
  await shot(page, 'report')
  // No serious accessibility problems, in the light and the dark theme.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' })
    expect(await axeSerious(page), colorScheme).toBe('')
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // The print button calls the browser's print.
  await page.evaluate(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => {
      ;(window as unknown as { printed: number }).printed++
    }
  })
  await page.getByRole('button', { name: 'Print / Save as PDF' }).click()
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)

  // Printed: the report alone, without the app's navigation or the report's controls.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeHidden()
  await expect(page.getByRole('heading', { name: tag })).toBeVisible()
  if (process.env.E2E_SHOTS_DIR)
    await page.screenshot({ path: `${process.env.E2E_SHOTS_DIR}/report-print.png`, fullPage: true })
  // page.pdf() prints with the print CSS (the media stays 'print' here).
  const pdf = await page.pdf({ path: testInfo.outputPath('client-report.pdf'), format: 'A4' })
  expect(pdf.byteLength).toBeGreaterThan(10_000)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  // A page for the totals and summary, then one per site (print CSS page breaks).
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
  expect(pages.length).toBeGreaterThanOrEqual(1 + apiReport.sites.length)
})

test('client report on a phone, and bad dates say so', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const tag = `phone-${Date.now().toString(36)}`
  const site = await addTagged(uniqueId('rep-phone'), 'Phone Florist', tag)
  await backUp(site)
  await page.goto(`/reports?tag=${tag}`)
  await page.getByRole('button', { name: 'This month' }).click()
  await expect(page.getByRole('table', { name: 'Sites in this report' })).toContainText('Phone Florist')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.getByLabel('From').fill('2099-01-31')
  await expect(page.getByText('The period ends before it starts.')).toBeVisible()
})
