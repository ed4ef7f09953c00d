// The live run page: stepper advancing to done with warnings, a failure in the server's words,
// cancel, and the log (viewer and download).
import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from './helpers/test'
import { addConnectedSite, uniqueId } from './helpers/fleet'
import { ownerFetch } from './helpers/auth'

async function startBackup(baseURL: string, siteId: string): Promise<string> {
  const r = await ownerFetch(`/api/sites/${siteId}/backups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(r.status).toBe(202)
  return ((await r.json()) as { run: { id: string } }).run.id
}

const currentStage = (page: Page) =>
  page.getByRole('list', { name: 'Backup stages' }).locator('li[aria-current="step"]')
const header = (page: Page) => page.locator('main h1').locator('..')

/** A screenshot at the current width, when E2E_SHOTS_DIR is set (to look at, not to assert). */
async function shoot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS_DIR
  if (dir) await page.screenshot({ path: `${dir}/${name}-${page.viewportSize()!.width}.png`, fullPage: true })
}

test('a backup advances through its stages to done, with its warnings', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const { siteId } = await addConnectedSite(baseURL!, {
    id: uniqueId('watch'),
    name: 'Watched Bakery',
    scenario: {
      stepLatencyMs: 400,
      stepsPerDomain: { installer: 3, PackDB: 4, Packing: 4, finale: 2 },
      warnings: [
        { atStep: 3, text: 'Your temporary directory is not writable; using the output directory.' },
        { atStep: 10, text: 'Unreadable file skipped: wp-content/uploads/.DS_Store' },
      ],
    },
  })
  const runId = await startBackup(baseURL!, siteId)
  await page.goto(`/runs/${runId}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backup of Watched Bakery')

  await expect(currentStage(page)).toContainText('Database')
  await expect(page.getByRole('progressbar', { name: 'Database' })).toBeVisible()
  await expect(page.getByText('Your temporary directory is not writable', { exact: false })).toBeVisible()
  await shoot(page, 'run-live')
  await expect(currentStage(page)).toContainText('Files')

  await expect(header(page).getByText('Succeeded')).toBeVisible({ timeout: 30_000 })
  await expect(currentStage(page)).toHaveCount(0) // every stage complete
  await expect(page.getByText('Backup complete and confirmed on the site')).toBeVisible()
  const warnings = page.getByRole('heading', { name: /Warnings from the site/ }).locator('..')
  await expect(warnings.getByRole('listitem')).toHaveCount(2)
  await expect(warnings).toContainText('Step 3')
  await expect(warnings).toContainText('Unreadable file skipped')
  // The timeline has every step, with server step numbers and HTTP status.
  const timeline = page.getByRole('table', { name: 'Step timeline' })
  await expect(timeline.getByRole('row').nth(1)).toContainText('startBackup')
  await shoot(page, 'run-done')
  await page.setViewportSize({ width: 390, height: 844 })
  await shoot(page, 'run-done')
})

test('a failing backup shows the server’s own words and what to do', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const { siteId } = await addConnectedSite(baseURL!, {
    id: uniqueId('fail'),
    name: 'Broken Dental',
    scenario: {
      stepLatencyMs: 100,
      failAtStep: { step: 6, text: 'Could not open /var/www/backups/site.jpa for writing: disk quota exceeded' },
    },
  })
  const runId = await startBackup(baseURL!, siteId)
  await page.goto(`/runs/${runId}`)
  const panel = page.getByRole('alert').filter({ hasText: 'What to do' })
  await expect(panel).toBeVisible({ timeout: 30_000 })
  await expect(panel).toContainText('disk quota exceeded')
  await expect(panel).toContainText('The site ran out of disk space')
  await expect(panel.getByRole('button', { name: 'Back up again' })).toBeVisible()
  await expect(header(page).getByText('Failed')).toBeVisible()
  await expect(currentStage(page)).toContainText('failed here')
  await shoot(page, 'run-failed')
  await page.setViewportSize({ width: 390, height: 844 })
  await shoot(page, 'run-failed')
})

test('cancel stops a slow backup after confirmation', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const { siteId } = await addConnectedSite(baseURL!, {
    id: uniqueId('slow'),
    name: 'Slow Clinic',
    scenario: { stepLatencyMs: 1500 },
  })
  const runId = await startBackup(baseURL!, siteId)
  await page.goto(`/runs/${runId}`)
  await expect(header(page).getByText('Running')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel backup' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Cancel this backup?')
  await expect(dialog.getByRole('checkbox', { name: 'Also delete the partial backup on the site' })).toBeChecked()
  await shoot(page, 'run-cancel-dialog')
  await dialog.getByRole('button', { name: 'Cancel backup' }).click()
  await expect(dialog).toBeHidden()
  await expect(header(page).getByText('Cancelled')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText('This backup was cancelled')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancel backup' })).toHaveCount(0)
  await expect(currentStage(page)).toContainText('stopped here')
})

test('"Back up now" on a busy site is the same backup: 200 with that run, and the site page says Backing up…', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const { siteId } = await addConnectedSite(baseURL!, {
    id: uniqueId('busy'),
    name: 'Busy Bistro',
    scenario: { stepLatencyMs: 1000 },
  })
  const first = await startBackup(baseURL!, siteId)
  const again = await ownerFetch(`/api/sites/${siteId}/backups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(again.status).toBe(200)
  expect(((await again.json()) as { run: { id: string } }).run.id).toBe(first)
  await page.goto(`/sites/${siteId}`)
  const busy = page.getByRole('link', { name: /Backing up…|Backup queued…/ })
  await expect(busy).toHaveAttribute('href', `/runs/${first}`)
  await expect(page.getByRole('button', { name: 'Back up now' })).toHaveCount(0)
  await shoot(page, 'site-busy')
  await ownerFetch(`/api/runs/${first}/cancel`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeVisible({ timeout: 30_000 })
})

test('the log shows in the Log tab and downloads as text with every step', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const { siteId } = await addConnectedSite(baseURL!, {
    id: uniqueId('log'),
    name: 'Logged Library',
    scenario: { stepLatencyMs: 0 },
  })
  const runId = await startBackup(baseURL!, siteId)
  await page.goto(`/runs/${runId}`)
  await expect(header(page).getByText('Succeeded')).toBeVisible({ timeout: 30_000 })
  // The tabs by keyboard (the WAI-ARIA pattern): the arrow keys move between them and select.
  const tabs = page.getByRole('tablist', { name: 'Run details' })
  const timelineTab = tabs.getByRole('tab', { name: /Step timeline/ })
  const logTab = tabs.getByRole('tab', { name: 'Log' })
  await expect(timelineTab).toHaveAttribute('aria-selected', 'true')
  await timelineTab.focus()
  await page.keyboard.press('ArrowRight')
  await expect(logTab).toBeFocused()
  await expect(logTab).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel', { name: 'Log' })).toBeVisible()
  await page.keyboard.press('Home')
  await expect(timelineTab).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel').getByRole('table', { name: 'Step timeline' })).toBeVisible()
  await logTab.click()
  const viewer = page.getByLabel('Backup log')
  await expect(viewer).toContainText('Stepwise backup log')
  await expect(viewer).toContainText('stepBackup')
  await shoot(page, 'run-log')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download log' }).first().click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^stepwise-logged-library-.*\.log$/)
  const text = await readFile((await download.path())!, 'utf8')
  expect(text).toContain('Status     succeeded')
  expect(text).toContain('startBackup')
  expect(text).toMatch(/#\d+ .*stepBackup/)
})

test('the runs page filters by status in the URL and links to each run', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/runs?status=failed,timed_out')
  await expect(page.getByLabel('Status')).toHaveValue('failed,timed_out')
  const rows = page.getByRole('table', { name: 'Backup runs' }).getByRole('row')
  await expect(rows.filter({ hasText: 'Broken Dental' }).first()).toBeVisible()
  await expect(rows.filter({ hasText: 'Watched Bakery' })).toHaveCount(0)
  await shoot(page, 'runs-failed')
  await page.getByLabel('Status').selectOption('')
  await expect(page).toHaveURL(/\/runs$/)
  await expect(rows.filter({ hasText: 'Watched Bakery' }).first()).toBeVisible()
  await page.getByLabel('Trigger').selectOption('bulk')
  await expect(page).toHaveURL(/trigger=bulk/)
  await page.getByLabel('Trigger').selectOption('')
  await rows.filter({ hasText: 'Watched Bakery' }).first().getByRole('link').click()
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backup of Watched Bakery')
  await page.goto('/runs')
  await shoot(page, 'runs')
  await page.setViewportSize({ width: 390, height: 844 })
  await shoot(page, 'runs')
  void baseURL
})
