// Issue 15, problems 7 and 8: a new site's name defaults to its home page's title (else its host,
// without a port), and many sites are added from a CSV with a check result per row before saving.
import { expect, test } from './helpers/test'
import { addFakeSite, uniqueId } from './helpers/fleet'
import { ownerFetch } from './helpers/auth'
import { shot } from './helpers/shots'
import { axeSerious } from './helpers/axe-check'

test('add site: the name defaults to the site title, never the bare address; a typed name is kept', async ({
  page,
}) => {
  const fake = await addFakeSite({ id: uniqueId('title'), name: 'Bäckerei Müller &amp; Söhne <b>GmbH</b>' })
  await page.goto('/sites/new')
  await page.getByLabel('Site address').fill(fake.url)
  await page.getByLabel('Secret word (key)').fill(fake.key)
  await page.getByRole('button', { name: 'Check connection' }).click()
  await expect(page.getByRole('region', { name: 'Connection check result' })).toContainText('Connected')
  const name = page.getByLabel('Name')
  // Entities decoded once, markup dropped: the title is text, never HTML.
  await expect(name).toHaveValue('Bäckerei Müller & Söhne GmbH')
  await shot(page, 'add-site-title-name')
  await name.fill('My own name')
  await page.getByRole('button', { name: 'Check connection' }).click()
  await expect(page.getByRole('region', { name: 'Connection check result' })).toContainText('Connected')
  await expect(name).toHaveValue('My own name')

  // No page to read a title from: the host (and path), not "127.0.0.1:1".
  await page.goto('/sites/new')
  await page.getByLabel('Site address').fill('http://127.0.0.1:1/shop/')
  await page.getByLabel('Secret word (key)').fill('Closed-port-key-0123456')
  await page.getByRole('button', { name: 'Check connection' }).click()
  await expect(page.getByRole('heading', { name: 'The site is not reachable' })).toBeVisible()
  await expect(page.getByLabel('Name')).toHaveValue('127.0.0.1/shop')
})

test('bulk add: paste a CSV, see each row checked, add the good ones', async ({ page }) => {
  const tag = `bulk-${Date.now().toString(36)}`
  const shop = await addFakeSite({ id: uniqueId('bulk-shop'), name: 'Client Shop' })
  const club = await addFakeSite({ id: uniqueId('bulk-club'), persona: 'joomla', name: 'Joomla Club' })
  const wrong = await addFakeSite({ id: uniqueId('bulk-wrong'), name: 'Wrong Key Shop' })
  const csv = [
    'name,url,key,tags',
    `,${shop.url},${shop.key},${tag};shop`,
    `Club of ${tag},${club.url},${club.key},"${tag}|joomla"`,
    `Wrong,${wrong.url},Not-the-right-key-123,${tag}`,
    `Gone,http://127.0.0.1:1/,Closed-port-key-0123,${tag}`,
    `Short,https://short.example/,short,${tag}`,
  ].join('\n')

  await page.goto('/sites')
  await page.getByRole('link', { name: 'Add from CSV' }).click()
  await expect(page).toHaveURL(/\/sites\/import$/)
  await page.getByLabel('Sites as CSV').fill(csv)
  await expect(page.getByText('5 rows (header row found)')).toBeVisible()
  // A row with its own mistake shows before anything is asked.
  await expect(page.getByRole('row', { name: /Short/ })).toContainText('Needs a fix')
  await page.getByRole('button', { name: 'Check 5 rows' }).click()

  const row = (text: RegExp) => page.getByRole('row', { name: text })
  await expect(row(/Client Shop/)).toContainText('Ready', { timeout: 30_000 })
  await expect(row(/Client Shop/)).toContainText('(from the site)')
  await expect(row(/Club of/)).toContainText('Ready')
  await expect(row(/Club of/)).toContainText('Joomla')
  await expect(row(/Wrong/)).toContainText('Failed')
  await expect(row(/Wrong/)).toContainText('Access denied')
  await expect(row(/Gone/)).toContainText('The site is not reachable')
  await expect(row(/Short/)).toContainText('16 characters')
  // The keys are never shown back.
  await expect(page.locator('table')).not.toContainText(shop.key)
  await expect(page.getByRole('button', { name: 'Add 2 sites' })).toBeEnabled()
  await shot(page, 'bulk-add-checked')
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' })
    expect(await axeSerious(page), colorScheme).toBe('')
  }
  await page.emulateMedia({ colorScheme: 'light' })

  await page.getByRole('button', { name: 'Add 2 sites' }).click()
  await expect(row(/Client Shop/)).toContainText('Added', { timeout: 30_000 })
  await expect(row(/Club of/)).toContainText('Added')
  await expect(page.getByText('2 added · 3 not added')).toBeVisible()
  await shot(page, 'bulk-add-saved')

  const sites = ((await (await ownerFetch('/api/sites')).json()) as { sites: { name: string; tags: string[] }[] }).sites
  const mine = sites.filter((s) => s.tags.includes(tag))
  expect(mine.map((s) => s.name).sort()).toEqual(['Client Shop', `Club of ${tag}`])
  expect(mine.find((s) => s.name === 'Client Shop')!.tags).toEqual([tag, 'shop'])

  // Checking the same CSV again: the added ones are now "Already added".
  await page.getByRole('button', { name: 'Add more' }).click()
  await page.getByLabel('Sites as CSV').fill(csv.split('\n').slice(0, 2).join('\n'))
  await page.getByRole('button', { name: 'Check 1 row' }).click()
  await expect(row(/Client Shop|bulk-shop/)).toContainText('Already added', { timeout: 30_000 })
  await expect(page.getByRole('button', { name: 'Add 0 sites' })).toBeDisabled()
})

test('bulk add: upload a CSV file; on a phone the rows are readable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const fake = await addFakeSite({ id: uniqueId('bulk-up'), name: 'Uploaded Dental' })
  await page.goto('/sites/import')
  await page.locator('input[type=file]').setInputFiles({
    name: 'clients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\ufeff,${fake.url},${fake.key}\r\n`),
  })
  await expect(page.getByText('1 row · from clients.csv')).toBeVisible()
  await page.getByRole('button', { name: 'Check 1 row' }).click()
  const r = page.getByRole('row', { name: /Uploaded Dental/ })
  await expect(r).toContainText('Ready', { timeout: 30_000 })
  // No sideways scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await shot(page, 'bulk-add-upload')
})
