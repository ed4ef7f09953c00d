// Archives: refresh from the site, downloads byte for byte (single and multipart), delete files,
// Joomla's refusal, and the fleet-wide list.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from './helpers/test'
import { addConnectedSite, fakeRecords, setFakeScenario, uniqueId } from './helpers/fleet'
import { addUser, PASSWORD, signInCookies } from './helpers/auth'
import { shot } from './helpers/shots'
import type { FakeSiteInfo } from '../../lib/fake-site'
import { demoSiteConfigs } from '../../lib/fake-site/demo-fleet'
import { formatBytes } from '../../lib/format/format'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** The reference: the part straight from the fake site with downloadDirect. */
async function direct(fake: FakeSiteInfo, recordId: number, part: number): Promise<Buffer> {
  const u = new URL(fake.endpointUrl)
  u.searchParams.set('method', 'downloadDirect')
  u.searchParams.set('backup_id', String(recordId))
  u.searchParams.set('part_id', String(part))
  const r = await fetch(u, { headers: { 'X-Akeeba-Auth': fake.key } })
  expect(r.status).toBe(200)
  return Buffer.from(await r.arrayBuffer())
}

async function refreshArchives(page: Page, siteId: string) {
  await page.goto(`/sites/${siteId}`)
  const panel = page.getByRole('region', { name: 'Archive history' })
  await panel.getByRole('button', { name: 'Refresh' }).click()
  await expect(panel.getByRole('button', { name: 'Refresh' })).toBeEnabled()
  return panel
}

test('download streams the exact bytes of a single-file archive', async ({ page, baseURL }) => {
  const { siteId, fake } = await addConnectedSite(
    baseURL!,
    { id: uniqueId('dl'), seedHistory: 1, scenario: { archiveSizeBytes: 1_700_000 } },
    `Download ${Date.now()}`,
  )
  const panel = await refreshArchives(page, siteId)
  await expect(panel.getByText('Available')).toBeVisible()
  const [rec] = await fakeRecords(fake.id)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('link', { name: 'Download' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(rec.archivename)
  const file = readFileSync((await download.path())!)
  const ref = await direct(fake, rec.id, 1)
  expect(file.length).toBe(1_700_000)
  expect(sha(file)).toBe(sha(ref))
  await shot(page, 'site-archives')
})

test('a multipart archive downloads as separate parts, .jpa first, each exact', async ({ page, baseURL }) => {
  const { siteId, fake } = await addConnectedSite(
    baseURL!,
    { id: uniqueId('multi'), seedHistory: 1, scenario: { archiveSizeBytes: 2_500_000, partSizeBytes: 1_000_000 } },
    `Multipart ${Date.now()}`,
  )
  const panel = await refreshArchives(page, siteId)
  await panel.getByRole('button', { name: '3 parts' }).click()
  const links = page.getByRole('dialog').getByRole('link', { name: /^Part \d/ })
  await expect(links).toHaveCount(3)
  const [rec] = await fakeRecords(fake.id)
  expect((await links.allTextContents()).map((t) => /Part (\d)/.exec(t)?.[1])).toEqual(['1', '2', '3'])
  await expect(links.nth(0)).toContainText('.jpa')
  await expect(links.nth(1)).toContainText('.j01')
  await shot(page, 'archive-parts')
  for (let i = 0; i < 3; i++) {
    const href = (await links.nth(i).getAttribute('href'))!
    const res = await page.request.get(href)
    expect(res.status()).toBe(200)
    const part = rec.parts.find((p) => p.part === i + 1)!
    expect(res.headers()['content-disposition']).toContain(part.name)
    expect(Number(res.headers()['x-archive-size'])).toBe(part.size)
    const body = await res.body()
    expect(sha(body)).toBe(sha(await direct(fake, rec.id, i + 1)))
  }
})

test('a download the site cannot serve fails loudly instead of saving a broken file', async ({ page, baseURL }) => {
  const { siteId, fake } = await addConnectedSite(
    baseURL!,
    { id: uniqueId('dead'), seedHistory: 1 },
    `Dead download ${Date.now()}`,
  )
  await page.request.post(`/api/sites/${siteId}/archives/sync`)
  const { archives } = await (await page.request.get(`/api/archives?siteId=${siteId}`)).json()
  await setFakeScenario(fake.id, {
    transportFaults: { rate: 1, methods: ['downloadDirect', 'download'], kinds: ['502'] },
  })
  const res = await page.request.get(`/api/archives/${archives[0].id}/download?part=1`)
  expect(res.status()).toBe(502)
  expect((await res.json()).error.message).toMatch(/The site did not send the archive/)
})

test('delete files: confirmed by name, the record stays and becomes "Files removed"', async ({ page, baseURL }) => {
  const { siteId, fake } = await addConnectedSite(
    baseURL!,
    { id: uniqueId('delf'), seedHistory: 1 },
    `Delete files ${Date.now()}`,
  )
  const panel = await refreshArchives(page, siteId)
  const [rec] = await fakeRecords(fake.id)
  await panel.getByRole('button', { name: /More actions/ }).click()
  await page.getByRole('menuitem', { name: /Delete files on the site/ }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(rec.archivename)
  await shot(page, 'archive-delete-files-confirm')
  await dialog.getByRole('button', { name: 'Delete files' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(panel.getByText('Files removed')).toBeVisible()
  await expect(panel.getByRole('link', { name: 'Download' })).toHaveCount(0)
  expect((await fakeRecords(fake.id))[0].filesPresent).toBe(false)
})

test('delete the whole backup: gone from the site and from the history', async ({ page, baseURL }) => {
  const { siteId, fake } = await addConnectedSite(
    baseURL!,
    { id: uniqueId('delr'), seedHistory: 1 },
    `Delete record ${Date.now()}`,
  )
  const panel = await refreshArchives(page, siteId)
  await panel.getByRole('button', { name: /More actions/ }).click()
  await page.getByRole('menuitem', { name: /Delete backup on the site/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete backup' }).click()
  await expect(panel.getByText('No archives yet')).toBeVisible()
  expect(await fakeRecords(fake.id)).toHaveLength(0)
})

test('Joomla 9.3.3 refuses to delete: the refusal is shown and the archive stays', async ({ page, baseURL }) => {
  const { siteId, fake } = await addConnectedSite(
    baseURL!,
    { id: uniqueId('joomla'), persona: 'joomla', seedHistory: 1 },
    `Joomla ${Date.now()}`,
  )
  const panel = await refreshArchives(page, siteId)
  for (const [item, button] of [
    [/Delete backup on the site/, 'Delete backup'],
    [/Delete files on the site/, 'Delete files'],
  ] as const) {
    await panel.getByRole('button', { name: /More actions/ }).click()
    await page.getByRole('menuitem', { name: item }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: button }).click()
    await expect(dialog.getByRole('alert')).toContainText('The site refused to delete')
    await expect(dialog.getByRole('alert')).toContainText('the archive is still there')
    if (button === 'Delete backup') await shot(page, 'archive-joomla-refused')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(panel.getByText('Available')).toBeVisible()
  }
  const [rec] = await fakeRecords(fake.id)
  expect(rec.filesPresent).toBe(true)
})

test('fleet archives page: every site, filter by site and status', async ({ page, baseURL }) => {
  const stamp = Date.now()
  const a = await addConnectedSite(baseURL!, { id: uniqueId('fa'), seedHistory: 2 }, `Fleet A ${stamp}`)
  const b = await addConnectedSite(baseURL!, { id: uniqueId('fb'), seedHistory: 1 }, `Fleet B ${stamp}`)
  for (const s of [a, b]) await page.request.post(`/api/sites/${s.siteId}/archives/sync`)
  await page.goto('/archives')
  const table = page.getByRole('table', { name: 'Archives' })
  await expect(table.getByRole('link', { name: `Fleet A ${stamp}` })).toHaveCount(2)
  await expect(table.getByRole('link', { name: `Fleet B ${stamp}` })).toHaveCount(1)
  await page
    .getByRole('combobox')
    .filter({ hasText: 'All sites' })
    .selectOption({ label: `Fleet B ${stamp}` })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table.getByRole('link', { name: 'Download' })).toHaveAttribute(
    'href',
    /\/api\/archives\/[a-z0-9]+\/download\?part=1/,
  )
  await page.getByRole('combobox').filter({ hasText: 'All statuses' }).selectOption({ label: 'Files removed' })
  await expect(table.getByText('No archive matches')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await shot(page, 'fleet-archives')
})

test('download all parts of the multipart demo archive: one zip, each part byte-exact', async ({ page, baseURL }) => {
  // The demo fleet's "Archive Press" (Joomla, 5.1 MiB in 1 MiB parts).
  const {
    id: _id,
    key: _key,
    behaviour: _b,
    ...press
  } = demoSiteConfigs({ latencyMs: 50 }).find((c) => c.id === 'archive-press')!
  const stamp = Date.now()
  const { siteId, fake } = await addConnectedSite(
    baseURL!,
    { ...press, id: uniqueId('press'), seedHistory: 1 },
    `Archive Press ${stamp}`,
  )
  await page.request.post(`/api/sites/${siteId}/archives/sync`)
  const [rec] = await fakeRecords(fake.id)
  expect(rec.parts.length).toBe(6)
  await page.goto(`/archives?siteId=${siteId}`)
  await page.getByRole('button', { name: '6 parts' }).click()
  const all = page.getByRole('dialog').getByRole('link', { name: 'Download all 6 parts (.zip)' })
  await expect(all).toBeVisible()
  await shot(page, 'archive-download-all')
  if (!(await all.isVisible())) await page.getByRole('button', { name: '6 parts' }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), all.click()])
  expect(download.suggestedFilename()).toMatch(/-all-parts\.zip$/)
  const zip = (await download.path())!
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-zip-'))
  expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/)
  const names = execFileSync('zipinfo', ['-1', zip], { encoding: 'utf8' }).trim().split('\n')
  const parts = [...rec.parts].sort((a, b) => a.part - b.part)
  expect(names).toEqual(parts.map((p) => p.name))
  execFileSync('unzip', ['-q', zip, '-d', dir])
  for (const p of parts) {
    const mine = readFileSync(path.join(dir, p.name))
    expect(mine.length).toBe(p.size)
    expect(sha(mine)).toBe(sha(await direct(fake, rec.id, p.part)))
  }
})

test('bulk delete files: confirmed with count and total size, each outcome shown, Joomla refuses in its words', async ({
  page,
  baseURL,
}) => {
  const stamp = `Bulk${Date.now()}`
  const a = await addConnectedSite(baseURL!, { id: uniqueId('ba'), seedHistory: 2 }, `${stamp} A`)
  const b = await addConnectedSite(baseURL!, { id: uniqueId('bb'), seedHistory: 1 }, `${stamp} B`)
  const j = await addConnectedSite(baseURL!, { id: uniqueId('bj'), persona: 'joomla', seedHistory: 1 }, `${stamp} J`)
  let total = 0
  for (const s of [a, b, j]) {
    await page.request.post(`/api/sites/${s.siteId}/archives/sync`)
    const { archives } = await (await page.request.get(`/api/archives?siteId=${s.siteId}`)).json()
    total += archives.reduce((n: number, x: { totalSize: number }) => n + x.totalSize, 0)
  }
  await page.goto(`/archives?q=${stamp}`)
  const table = page.getByRole('table', { name: 'Archives' })
  await expect(table.getByRole('row')).toHaveCount(5)
  await table.getByRole('checkbox', { name: 'Select every archive shown' }).check()
  const bar = page.getByRole('region', { name: 'Chosen archives' })
  await expect(bar).toContainText(`4 chosen · ${formatBytes(total)}`)
  await bar.getByRole('button', { name: 'Delete files…' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Delete the files of 4 archives?')
  await expect(dialog).toContainText(`4 archives (${formatBytes(total)}) on 3 sites`)
  await shot(page, 'archives-bulk-delete-confirm')
  await dialog.getByRole('button', { name: 'Delete files of 4 archives' }).click()
  await expect(dialog).toHaveCount(0)
  const outcome = page.getByRole('region', { name: 'Delete files outcome' })
  await expect(outcome.getByRole('status')).toContainText('Deleted the files of 3 of 4 archives')
  await expect(outcome).toContainText(`on ${stamp} J`)
  await expect(outcome).toContainText('The site refused to delete the files of')
  await expect(outcome).toContainText('the archive is still there')
  await expect(table.getByText('Files removed')).toHaveCount(3)
  await shot(page, 'archives-bulk-delete-outcome')
  expect((await fakeRecords(a.fake.id)).every((r) => !r.filesPresent)).toBe(true)
  expect((await fakeRecords(b.fake.id))[0].filesPresent).toBe(false)
  expect((await fakeRecords(j.fake.id))[0].filesPresent).toBe(true)
})

test('archive filters, search and sort live in the URL; the site filter lists sites with no archives yet', async ({
  page,
  baseURL,
}) => {
  const stamp = `Url${Date.now()}`
  const a = await addConnectedSite(baseURL!, { id: uniqueId('ua'), seedHistory: 2 }, `${stamp} Synced`)
  await addConnectedSite(baseURL!, { id: uniqueId('ub'), seedHistory: 0 }, `${stamp} Empty`)
  await page.request.post(`/api/sites/${a.siteId}/archives/sync`)
  await page.goto('/archives')
  const site = page.getByRole('combobox').filter({ hasText: 'All sites' })
  // Every site, also one whose list has no archive.
  await expect(site.locator('option', { hasText: `${stamp} Empty` })).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Search archives' }).fill(stamp)
  await expect(page).toHaveURL(new RegExp(`[?&]q=${stamp}`))
  await site.selectOption({ label: `${stamp} Synced` })
  await expect(page).toHaveURL(new RegExp(`siteId=${a.siteId}`))
  const status = page.getByRole('combobox').filter({ hasText: 'All statuses' })
  await status.selectOption({ label: 'Available' })
  await expect(page).toHaveURL(/state=ok/)
  const table = page.getByRole('table', { name: 'Archives' })
  await table.getByRole('button', { name: 'Size' }).click()
  await expect(page).toHaveURL(/sort=size%3Aasc|sort=size:asc/)
  await expect(table.getByRole('row')).toHaveCount(3)

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search archives' })).toHaveValue(stamp)
  await expect(site).toHaveValue(a.siteId)
  await expect(status).toHaveValue('ok')
  await expect(table.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'ascending')

  await page.goBack() // before the sort
  await expect(page).not.toHaveURL(/sort=/)
  await page.goBack() // before the status
  await expect(page).not.toHaveURL(/state=/)
  await expect(status).toHaveValue('')
  await page.goForward()
  await expect(page).toHaveURL(/state=ok/)
  await expect(status).toHaveValue('ok')

  // Let the router finish the forward navigation (it fetches the page again) before the next choice.
  await page.waitForLoadState('networkidle')
  await site.selectOption({ label: `${stamp} Empty` })
  await expect(page).toHaveURL(/siteId=(?!${a.siteId})/)
  await expect(page.getByText('This site has no archives listed yet')).toBeVisible()
})

test('on a phone (390×844) archive rows are cards: nothing cut, Download fully visible', async ({ page, baseURL }) => {
  const stamp = `Phone${Date.now()}`
  const s = await addConnectedSite(
    baseURL!,
    { id: uniqueId('ph'), seedHistory: 2, scenario: { archiveSizeBytes: 2_500_000, partSizeBytes: 1_000_000 } },
    `${stamp} with a rather long site name for a phone`,
  )
  await page.request.post(`/api/sites/${s.siteId}/archives/sync`)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/archives?q=${stamp}`)
  const cards = page.getByRole('list', { name: 'Archives' }).getByRole('listitem')
  await expect(cards).toHaveCount(2)
  // No sideways scrolling anywhere on the page, and no nested scroll box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  for (let i = 0; i < 2; i++) {
    const button = cards.nth(i).getByRole('button', { name: /3 parts/ })
    await expect(button).toBeVisible()
    const box = (await button.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    const card = (await cards.nth(i).boundingBox())!
    expect(card.x + card.width).toBeLessThanOrEqual(390)
  }
  await shot(page, 'archives-phone')
  await page.setViewportSize({ width: 390, height: 844 })
  await cards
    .nth(0)
    .getByRole('button', { name: /3 parts/ })
    .click()
  const all = page.getByRole('dialog').getByRole('link', { name: /Download all 3 parts/ })
  const box = (await all.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(390)
})

test('an operator downloads all parts but cannot choose rows or bulk delete; a viewer cannot download', async ({
  page,
  baseURL,
}) => {
  const stamp = `Roles${Date.now()}`
  const s = await addConnectedSite(
    baseURL!,
    { id: uniqueId('ro'), seedHistory: 1, scenario: { archiveSizeBytes: 2_500_000, partSizeBytes: 1_000_000 } },
    `${stamp} site`,
  )
  await page.request.post(`/api/sites/${s.siteId}/archives/sync`)
  const { archives } = await (await page.request.get(`/api/archives?siteId=${s.siteId}`)).json()
  for (const role of ['operator', 'viewer'] as const) {
    await page.context().clearCookies()
    await page.context().addCookies(await signInCookies(await addUser(role), PASSWORD))
    await page.goto(`/archives?q=${stamp}`)
    const table = page.getByRole('table', { name: 'Archives' })
    await expect(table.getByRole('row')).toHaveCount(2)
    await expect(table.getByRole('checkbox')).toHaveCount(0)
    const res = await page.request.post('/api/archives/delete-files', { data: { ids: [archives[0].id] } })
    expect(res.status()).toBe(403)
    const zip = await page.request.get(`/api/archives/${archives[0].id}/download-all`)
    if (role === 'operator') {
      await table.getByRole('button', { name: '3 parts' }).click()
      await expect(page.getByRole('dialog').getByRole('link', { name: 'Download all 3 parts (.zip)' })).toBeVisible()
      expect(zip.status()).toBe(200)
      expect(Number(zip.headers()['x-archive-size'])).toBe((await zip.body()).length)
      // The server restores Content-Length from it (lib/runtime/http-server.mjs), so browsers show progress.
      expect(zip.headers()['content-length']).toBe(zip.headers()['x-archive-size'])
    } else {
      await expect(table.getByRole('button', { name: '3 parts' })).toHaveCount(0)
      expect(zip.status()).toBe(403)
    }
    await page.goto('/retention')
    await expect(page.getByRole('heading', { level: 1, name: 'Retention' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Add policy' })).toHaveCount(0)
  }
})
