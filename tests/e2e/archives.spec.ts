// Archives: refresh from the site, downloads byte for byte (single and multipart), delete files,
// Joomla's refusal, and the fleet-wide list.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from './helpers/test'
import { addConnectedSite, fakeRecords, setFakeScenario, uniqueId } from './helpers/fleet'
import { shot } from './helpers/shots'
import type { FakeSiteInfo } from '../../lib/fake-site'

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
  const links = page.getByRole('dialog').getByRole('link')
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
