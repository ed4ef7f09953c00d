// Issue 15, problems 1, 2, 3 and 5 as fixed, at desktop (1440×900) and phone (390×844) width, with
// screenshots saved under the test output (test-results/…/<name>-<width>.png) for review:
// 1. a site added with 5 backups already on it shows them and the right state with no click;
// 2. one state language: queued is grey, "Files removed" only when the last good backup's archive is
//    gone (naming the quota), finished runs say when they finished, the estimate falls back to the
//    fleet's typical duration, and the charts are bars on a real time axis that follow Refresh;
// 3. a failure explained: cause, what to do, the server's words, and a link to the site's Akeeba log;
// 5. a site that keeps failing is one row with a count under recent failures.
import type { TestInfo } from '@playwright/test'
import { expect, test, type Page } from './helpers/test'
import { addConnectedSite, addFakeSite, fakeRecords, uniqueId } from './helpers/fleet'
import { ownerFetch } from './helpers/auth'

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const

/** Runs `check` at desktop and at phone width, saving a full-page screenshot of each under the test output. */
async function atBothWidths(page: Page, info: TestInfo, name: string, check: () => Promise<void> = async () => {}) {
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp)
    await check()
    await page.screenshot({ path: info.outputPath(`${name}-${vp.width}.png`), fullPage: true })
  }
}

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const r = await ownerFetch(path, { headers: { 'content-type': 'application/json' }, ...init })
  return { status: r.status, body: (await r.json().catch(() => null)) as T }
}

async function startBackup(siteId: string): Promise<string> {
  const r = await api<{ run: { id: string } }>(`/api/sites/${siteId}/backups`, { method: 'POST', body: '{}' })
  expect(r.status).toBe(202)
  return r.body.run.id
}

async function waitForEnd(runId: string): Promise<string> {
  let status = 'queued'
  await expect
    .poll(
      async () => {
        status = (await api<{ run: { status: string } }>(`/api/runs/${runId}`)).body.run.status
        return ['succeeded', 'failed', 'timed_out', 'cancelled'].includes(status)
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(true)
  return status
}

/** A backup taken on the site itself (its own admin or cron), straight through its JSON API: Stepwise knows nothing of it. */
async function backUpOnTheSite(fake: { endpointUrl: string; key: string }): Promise<void> {
  const call = async (params: Record<string, string>) => {
    const r = await fetch(fake.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Akeeba-Auth': fake.key },
      body: new URLSearchParams(params).toString(),
    })
    const env = (await r.json()) as { status: number; data: { HasRun: boolean; backupid: string } }
    expect(env.status).toBe(200)
    return env.data
  }
  let d = await call({ method: 'startBackup', profile: '1', description: 'Taken in the site admin' })
  const id = d.backupid
  for (let i = 0; i < 100 && d.HasRun; i++) d = await call({ method: 'stepBackup', backupid: id })
  expect(d.HasRun).toBe(false)
}

const headerBadge = (page: Page) => page.locator('main h1').locator('..')
const panel = (page: Page, heading: string | RegExp) =>
  page.locator('section', { has: page.getByRole('heading', { name: heading }) }).last()

test.describe.configure({ timeout: 180_000 })

test('1 · a site added with 5 backups shows them and "Backed up" at once; 2 · bars on a real time axis that follow Refresh; "Files removed" only for the last good backup', async ({
  page,
}, info) => {
  const fake = await addFakeSite({ id: uniqueId('seeded'), name: 'Seeded Florist', seedHistory: 5 })
  const records = await fakeRecords(fake.id)
  expect(records).toHaveLength(5)

  // Through the wizard, as a person would: check, name, save. No Refresh anywhere.
  await page.setViewportSize(VIEWPORTS[0])
  await page.goto('/sites/new')
  await page.getByLabel('Site address').fill(fake.url)
  await page.getByLabel('Secret word (key)').fill(fake.key)
  await page.getByRole('button', { name: 'Check connection' }).click()
  await expect(page.getByRole('region', { name: 'Connection check result' })).toContainText('Connected')
  const name = `Seeded Florist ${fake.id.slice(-5)}`
  await page.getByLabel('Name').fill(name)
  await page.getByRole('button', { name: 'Save site' }).click()
  await expect(page).toHaveURL(/\/sites\/(?!new$)[a-z0-9]+$/)
  const siteId = page.url().split('/').pop()!

  const history = panel(page, 'Archive history')
  await atBothWidths(page, info, '1-site-added-with-5-backups', async () => {
    await expect(headerBadge(page).getByText('Backed up', { exact: true })).toBeVisible()
    await expect(page.getByText('Never backed up')).toHaveCount(0)
    for (const r of records) await expect(history).toContainText(r.archivename)
  })
  // The count quota (3) made the two oldest obsolete: that is "Files removed" on those rows only,
  // never the site's state.
  await expect(headerBadge(page).getByText('Files removed')).toHaveCount(0)

  // No false "too old": the overview does not list the new site.
  await page.goto('/')
  const stale = panel(page, 'Last good backup too old')
  await atBothWidths(page, info, '1-overview-no-false-too-old', async () => {
    await expect(stale).toBeVisible()
    await expect(stale).not.toContainText(name)
  })

  // 2 · Charts: one bar per archive on a time axis with distinct date ticks; nothing smoothed.
  await page.goto(`/sites/${siteId}`)
  const sizes = page.getByTestId('size-chart')
  await expect(sizes).toHaveAttribute('data-points', '5')
  await expect(sizes.locator('.recharts-bar-rectangle')).toHaveCount(5)
  await expect(page.locator('.recharts-area, .recharts-line-curve')).toHaveCount(0)
  const ticks = await sizes.locator('.recharts-cartesian-axis-tick-value').allTextContents()
  const xTicks = ticks.filter((t) => /^[A-Z][a-z]{2} \d{1,2}$|^\d\d:\d\d$/.test(t))
  expect(xTicks.length).toBeGreaterThan(1)
  expect(new Set(xTicks).size).toBe(xTicks.length)

  // A backup taken in the site's own admin shows up after Refresh, in the list and the chart, without a reload.
  await backUpOnTheSite(fake)
  const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = Date.now()))
  await history.getByRole('button', { name: 'Refresh' }).click()
  await expect(sizes).toHaveAttribute('data-points', '6')
  await expect(sizes.locator('.recharts-bar-rectangle')).toHaveCount(6)
  expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker)
  await atBothWidths(page, info, '2-charts-after-refresh')

  // Our own backup succeeds; the quota removes more old files; the site is still "Backed up".
  const runId = await startBackup(siteId)
  expect(await waitForEnd(runId)).toBe('succeeded')
  await page.goto(`/sites/${siteId}`)
  await expect(headerBadge(page).getByText('Backed up', { exact: true })).toBeVisible()
  await expect(headerBadge(page).getByText('Files removed')).toHaveCount(0)

  // The finished run says when it finished, not "queued just now".
  await page.goto(`/runs/${runId}`)
  await atBothWidths(page, info, '2-finished-run-header', async () => {
    await expect(page.locator('main')).toContainText(/, finished (just now|\d+ min ago)/)
    await expect(page.getByText(/, queued (just now|\d+ min ago)/)).toHaveCount(0)
  })

  // Only when the last good backup's own archive loses its files does the site say "Files removed",
  // naming the site's quota as a possible cause.
  const { body } = await api<{ archives: { id: string; runId: string | null }[] }>(`/api/archives?siteId=${siteId}`)
  const own = body.archives.find((a) => a.runId === runId)
  expect(own).toBeTruthy()
  expect((await api(`/api/archives/${own!.id}/delete-files`, { method: 'POST', body: '{}' })).status).toBeLessThan(300)
  await page.goto(`/sites/${siteId}`)
  const removed = headerBadge(page).getByText('Files removed')
  await expect(removed).toBeVisible()
  await expect(headerBadge(page).locator('[title*="quota"]')).toHaveCount(1)
  await atBothWidths(page, info, '2-files-removed-last-good-backup')
})

test('2 · queued is grey, never green; the estimate falls back to the fleet’s typical duration', async ({
  page,
  baseURL,
}, info) => {
  // A finished backup somewhere in the fleet gives the typical duration of a default-type backup.
  const quick = await addConnectedSite(baseURL!, {
    id: uniqueId('quick'),
    name: 'Quick Cafe',
  })
  expect(await waitForEnd(await startBackup(quick.siteId))).toBe('succeeded')

  // Four slow sites on one host group (3 backups at once per host): the fourth waits, queued.
  const group = uniqueId('grp')
  const ids: string[] = []
  for (let i = 0; i < 4; i++) {
    const fake = await addFakeSite({
      id: uniqueId(`host${i}`),
      seedHistory: 1,
      scenario: { stepLatencyMs: 1500, stepsPerDomain: 6 },
    })
    const r = await api<{ site: { id: string } }>('/api/sites', {
      method: 'POST',
      body: JSON.stringify({ name: `Shared Host ${group} ${i}`, url: fake.url, key: fake.key, hostGroup: group }),
    })
    expect(r.status).toBe(201)
    ids.push(r.body.site.id)
  }
  const runs: string[] = []
  for (const id of ids) runs.push(await startBackup(id))
  try {
    await page.setViewportSize(VIEWPORTS[0])
    await page.goto('/sites')
    await page.getByPlaceholder(/Search/).fill(group)
    const queuedBadge = page.getByText('Queued', { exact: true }).first()
    await atBothWidths(page, info, '2-queued-is-grey', async () => {
      await expect(queuedBadge).toBeVisible()
      // Grey (idle) tone and a clock, never the green "ok" tone or its check mark.
      await expect(queuedBadge).toHaveClass(/bg-idle-bg/)
      await expect(queuedBadge).not.toHaveClass(/bg-ok-bg/)
    })

    // The first (running) site never backed up: "Time left" uses the fleet's typical duration.
    await page.goto(`/runs/${runs[0]}`)
    await expect(page.getByText('Running').first()).toBeVisible()
    const facts = page.locator('dl').filter({ hasText: 'Time left' })
    await atBothWidths(page, info, '2-estimate-from-fleet', async () => {
      await expect(facts).toContainText(/Time left\s*(about|longer than usual|\d+% done)/)
      await expect(facts).toContainText('fleet-wide')
      await expect(page.getByText('no estimate yet')).toHaveCount(0)
    })
    // The queued run's own page: grey "Queued", waiting.
    await page.goto(`/runs/${runs[3]}`)
    await expect(headerBadge(page).getByText('Queued', { exact: true })).toHaveClass(/bg-idle-bg/)
  } finally {
    for (const id of runs) await ownerFetch(`/api/runs/${id}/cancel`, { method: 'POST', body: '{}' })
  }
})

test('3 · a failure explained (cause, what to do, the server’s words, the site’s Akeeba log); 5 · a site that keeps failing is one row', async ({
  page,
  baseURL,
}, info) => {
  const base = baseURL!
  const { fake, siteId } = await addConnectedSite(base, {
    id: uniqueId('ftrunc'),
    name: `Failing Garage ${Date.now().toString(36)}`,
    scenario: { failAtStep: 5 }, // the recorded raw PHP error: ftruncate(): Argument #1 ($stream) …
  })
  const runIds: string[] = []
  for (let i = 0; i < 3; i++) {
    const id = await startBackup(siteId)
    expect(await waitForEnd(id)).toBe('failed')
    runIds.push(id)
  }

  await page.goto(`/runs/${runIds[2]}`)
  const failure = page.locator('[data-failure]')
  await atBothWidths(page, info, '3-failure-explained', async () => {
    await expect(failure).toHaveAttribute('data-failure', 'archive_file_lost')
    await expect(failure).toContainText('Akeeba lost the archive file it was writing')
    await expect(failure.getByRole('heading', { name: 'Cause' })).toBeVisible()
    await expect(failure.getByRole('heading', { name: 'What to do' })).toBeVisible()
    await expect(failure.getByRole('heading', { name: 'The server’s words' })).toBeVisible()
    await expect(failure.locator('pre')).toContainText('ftruncate(): Argument #1 ($stream) must be of type resource')
    await expect(failure).toContainText('cannot be read over its JSON API')
    const log = failure.getByRole('link', { name: 'Open the log on the site' })
    await expect(log).toHaveAttribute('href', `${fake.url}wp-admin/admin.php?page=akeebabackup&view=Log`)
    await expect(log).toHaveAttribute('rel', 'noopener noreferrer')
  })

  // Joomla: Q001 at start, and the link to Joomla's Akeeba log page.
  const joomla = await addConnectedSite(base, {
    id: uniqueId('q001'),
    persona: 'joomla',
    name: 'Joomla Q001',
    scenario: { failAtStart: true },
  })
  const jRun = await startBackup(joomla.siteId)
  expect(await waitForEnd(jRun)).toBe('failed')
  await page.goto(`/runs/${jRun}`)
  await expect(failure).toHaveAttribute('data-failure', 'output_unwritable')
  await expect(failure.getByRole('link', { name: 'Open the log on the site' })).toHaveAttribute(
    'href',
    `${joomla.fake.url}administrator/index.php?option=com_akeebabackup&view=Log`,
  )
  await atBothWidths(page, info, '3-failure-q001-joomla')

  // 5 · Three failures of one site are one row with a count and its first and last time.
  await page.goto('/')
  const problems = panel(page, 'Recent failures and warnings')
  const rows = problems.getByTestId('problem-row').filter({ hasText: 'Failing Garage' })
  await atBothWidths(page, info, '5-repeated-failure-one-row', async () => {
    await expect(rows).toHaveCount(1)
    await expect(rows).toContainText('3×')
    await expect(rows).toContainText(/Failed 3 times · first .* · last /)
  })
})
