// Sites: add (success and each known failure), the list, back up now → run → archive, edit, delete.
import { expect, test, type Page } from './helpers/test'
import { addConnectedSite, addFakeSite, uniqueId } from './helpers/fleet'
import { ownerFetch } from './helpers/auth'
import { shot } from './helpers/shots'

async function check(page: Page, url: string, key: string) {
  await page.goto('/sites/new')
  await page.getByLabel('Site address').fill(url)
  await page.getByLabel('Secret word (key)').fill(key)
  await page.getByRole('button', { name: 'Check connection' }).click()
}

/** Holds the page's scripts until the returned function is called: a slow connection, typed ahead of. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/_next/static/**/*.js', async (route) => {
    await released
    await route.continue()
  })
  return release
}

test('add a site: check shows what was found, then save; the key never comes back', async ({ page, request }) => {
  const fake = await addFakeSite({ id: uniqueId('add-ok'), profiles: [{ id: 2, name: 'Files only' }] })
  await check(page, fake.url, fake.key)
  const found = page.getByRole('region', { name: 'Connection check result' })
  await expect(found).toContainText('Connected')
  await expect(found).toContainText('WordPress')
  await expect(found).toContainText('9.1.1')
  await expect(found).toContainText('400')
  await expect(found).toContainText('#2 Files only')
  await expect(found).toContainText(fake.endpointUrl.split('?')[0])
  const name = page.getByLabel('Name')
  // The suggested name is the home page's <title> (the fake site's is its id).
  await expect(name).toHaveValue(fake.id)
  await name.fill(`Bakery ${fake.id}`)
  await page.getByLabel('Tags').fill('client-a, shop')
  await page.getByLabel('Host group').fill('shared-1')
  await shot(page, 'add-site-found')
  await page.getByRole('button', { name: 'Save site' }).click()
  await expect(page).toHaveURL(/\/sites\/[a-z0-9]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bakery ${fake.id}`)
  await expect(page.getByText('Never backed up').first()).toBeVisible()
  expect(await page.content()).not.toContain(fake.key)
  const id = page.url().split('/').pop()!
  const api = await (await request.get(`/api/sites/${id}`)).text()
  expect(api).not.toContain(fake.key)
  const list = await (await request.get('/api/sites')).text()
  expect(list).not.toContain(fake.key)
})

test.describe('add a site: each known failure is named, under the right field, and nothing typed is lost', () => {
  const cases: {
    name: string
    cfg?: Record<string, unknown>
    url?: string
    heading: RegExp
    field: 'Site address' | 'Secret word (key)'
    advice?: RegExp
  }[] = [
    {
      name: 'wrong key',
      cfg: { scenario: { wrongKey: true } },
      heading: /Access denied: wrong key/,
      field: 'Secret word (key)',
      advice: /Secret Word/,
    },
    {
      name: 'Core edition',
      cfg: { edition: 'core' },
      heading: /Access denied: .*Core edition/,
      field: 'Secret word (key)',
      advice: /Core/,
    },
    {
      name: 'WAF / HTML page',
      cfg: { scenario: { htmlErrorPage: { always: true, httpStatus: 403 } } },
      heading: /firewall \(WAF\) or an HTML page/,
      field: 'Site address',
      advice: /security layer/,
    },
    { name: 'API too old', cfg: { apiLevel: 300 }, heading: /too old/, field: 'Site address', advice: /Update Akeeba/ },
    {
      name: 'unreachable (closed port)',
      url: 'http://127.0.0.1:9/',
      heading: /not reachable/,
      field: 'Site address',
      advice: /online and reachable/,
    },
    { name: 'DNS', url: 'http://nonexistent.invalid/', heading: /DNS/, field: 'Site address', advice: /spelling/ },
  ]
  for (const c of cases) {
    test(c.name, async ({ page }) => {
      let url = c.url ?? ''
      let key = 'SomeKey123abc-4567'
      if (c.cfg) {
        const fake = await addFakeSite({ id: uniqueId('add-fail'), ...c.cfg })
        url = fake.url
        key = fake.key
      }
      await check(page, url, key)
      const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { level: 2 }) })
      await expect(panel.getByRole('heading', { level: 2 })).toHaveText(c.heading)
      if (c.advice) await expect(panel).toContainText(c.advice)
      const field = page.getByLabel(c.field)
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await expect(
        page.getByText(`${(await panel.getByRole('heading', { level: 2 }).textContent())!}. See below.`),
      ).toBeVisible()
      await expect(page.getByLabel('Site address')).toHaveValue(url)
      await expect(page.getByLabel('Secret word (key)')).toHaveValue(key)
      if (c.name === 'wrong key') await shot(page, 'add-site-wrong-key')
      if (c.name === 'WAF / HTML page') {
        // Saving anyway is possible, and the site shows as not connected.
        await page.getByLabel('Name').fill(`Blocked ${Date.now()}`)
        await page.getByRole('button', { name: /Save anyway/ }).click()
        await expect(page).toHaveURL(/\/sites\/[a-z0-9]+$/)
        await expect(page.getByText('Not connected').first()).toBeVisible()
        await expect(page.getByRole('button', { name: 'Back up now' })).toBeDisabled()
        await shot(page, 'site-not-connected')
      }
    })
  }

  test('bad URL text and an empty key are caught before any request', async ({ page }) => {
    await page.goto('/sites/new')
    await page.getByLabel('Site address').fill('not a url')
    await page.getByRole('button', { name: 'Check connection' }).click()
    await expect(page.getByLabel('Site address')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText(/not a web address|no domain/)).toBeVisible()
    await expect(page.getByText(/Paste the secret word/)).toBeVisible()
    await expect(page.getByLabel('Site address')).toHaveValue('not a url')
    // Fixing it as you type clears the message.
    await page.getByLabel('Site address').fill('https://example.com')
    await expect(page.getByText(/not a web address|no domain/)).toHaveCount(0)
  })
})

test('back up now from the site page → run page → the archive appears on the site page', async ({
  page,
  baseURL,
  request,
}) => {
  const { siteId, fake } = await addConnectedSite(
    baseURL!,
    { id: uniqueId('bun'), scenario: { stepLatencyMs: [0, 100], archiveSizeBytes: 420_000 } },
    `Dental ${Date.now()}`,
  )
  await page.goto(`/sites/${siteId}`)
  await shot(page, 'site-page-new')
  await page.getByRole('button', { name: 'Back up now' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByLabel('Profile')).toHaveValue('1')
  await dialog.getByLabel('Description').fill('Before plugin update')
  await dialog.getByRole('button', { name: 'Start backup' }).click()
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+$/)
  const runId = page.url().split('/').pop()!
  await expect
    .poll(async () => (await (await request.get(`/api/runs/${runId}`)).json()).run.status, { timeout: 60_000 })
    .toBe('succeeded')
  await page.goto(`/sites/${siteId}`)
  await expect(page.getByText('Backed up').first()).toBeVisible()
  const archives = page.getByRole('region', { name: 'Archive history' })
  await expect(archives.getByText('Before plugin update')).toBeVisible()
  await expect(archives.getByText('Available')).toBeVisible()
  await expect(archives.getByText('410 KB', { exact: true })).toBeVisible()
  const runs = page.getByRole('region', { name: 'Run history' })
  await expect(runs.getByText('Succeeded')).toBeVisible()
  await expect(runs.getByRole('table').getByRole('link').first()).toHaveAttribute('href', `/runs/${runId}`)
  expect(fake.id).toBeTruthy()
  await shot(page, 'site-page-after-backup')
})

test('sites list: state at a glance, search and filters', async ({ page }) => {
  const tag = `tag${Date.now().toString(36)}`
  const a = await addFakeSite({ id: uniqueId('list-a') })
  const r = await ownerFetch('/api/sites', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Alpha ${tag}`, url: a.url, key: a.key, tags: [tag], hostGroup: `grp-${tag}` }),
  })
  expect(r.status).toBe(201)
  await ownerFetch('/api/sites', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `Broken ${tag}`,
      url: 'http://127.0.0.1:9/',
      key: 'abcdef123-abcdefgh',
      saveIfUnreachable: true,
    }),
  })
  await page.goto('/sites')
  await expect(page.getByRole('heading', { name: 'Sites', level: 1 })).toBeVisible()
  await page.getByPlaceholder('Search name, URL or tag').fill(tag)
  const table = page.getByRole('table', { name: 'Sites' })
  await expect(table.getByRole('row')).toHaveCount(3)
  await expect(table.getByRole('row', { name: new RegExp(`Broken ${tag}`) })).toContainText('Not connected')
  await expect(table.getByRole('row', { name: new RegExp(`Alpha ${tag}`) })).toContainText('Never backed up')
  await page.getByRole('combobox').filter({ hasText: 'All tags' }).selectOption(tag)
  await expect(table.getByRole('row')).toHaveCount(2)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.getByRole('combobox').filter({ hasText: 'All states' }).selectOption('attention')
  await expect(table.getByText(`Alpha ${tag}`)).toHaveCount(0)
  await expect(table.getByText(`Broken ${tag}`)).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await shot(page, 'sites-list')
  await table.getByRole('link', { name: new RegExp(`Alpha ${tag}`) }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Alpha ${tag}`)
})

test('a search typed before the page hydrates still filters the list', async ({ page, baseURL }) => {
  const tag = `early${Date.now().toString(36)}`
  await addConnectedSite(baseURL!, { id: uniqueId('early') }, `Early ${tag}`, { tags: [tag] })
  await addConnectedSite(baseURL!, { id: uniqueId('late') }, `Late ${tag.slice(1)}`)
  const release = await holdScripts(page)
  await page.goto('/sites', { waitUntil: 'commit' })
  const search = page.getByPlaceholder('Search name, URL or tag')
  await search.fill(tag)
  release()
  const table = page.getByRole('table', { name: 'Sites' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table.getByRole('row', { name: new RegExp(`Early ${tag}`) })).toBeVisible()
  await expect(search).toHaveValue(tag)
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`))
})

test('the add-site form typed before it hydrates: the check uses what is in the boxes; Enter never puts the key in the URL', async ({
  page,
}) => {
  const fake = await addFakeSite({ id: uniqueId('early-add') })
  let release = await holdScripts(page)
  await page.goto('/sites/new', { waitUntil: 'commit' })
  await page.getByLabel('Site address').fill(fake.url)
  await page.getByLabel('Secret word (key)').fill(fake.key)
  release()
  await page.waitForFunction(() => document.documentElement.dataset.hydrated !== undefined)
  await page.getByRole('button', { name: 'Check connection' }).click()
  await expect(page.getByRole('region', { name: 'Connection check result' })).toContainText('Connected')
  await expect(page.getByLabel('Name')).toHaveValue(fake.id)

  // Enter before any script ran: the browser submits the form itself, which must not be a GET.
  await page.unrouteAll()
  release = await holdScripts(page)
  await page.goto('/sites/new', { waitUntil: 'commit' })
  await page.getByLabel('Site address').fill(fake.url)
  await page.getByLabel('Secret word (key)').fill(fake.key)
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes('/sites/new')),
    page.getByLabel('Secret word (key)').press('Enter'),
  ])
  release()
  expect(request.method()).toBe('POST')
  expect(request.url()).not.toContain(fake.key)
  await expect(page.getByRole('heading', { name: 'Add a site', level: 1 })).toBeVisible()
  expect(page.url()).not.toContain(fake.key)
})

test('edit a site (key empty = unchanged), re-check, and delete it with a confirmation naming it', async ({
  page,
  baseURL,
}) => {
  const name = `Editable ${Date.now()}`
  const { siteId } = await addConnectedSite(baseURL!, { id: uniqueId('edit') }, name)
  await page.goto(`/sites/${siteId}`)
  await page.getByRole('button', { name: 'Edit' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByLabel('Secret word (key)')).toHaveValue('')
  await dialog.getByLabel('Name').fill('')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog.getByText('Give the site a name people recognise.')).toBeVisible()
  await dialog.getByLabel('Name').fill(`${name} renamed`)
  await dialog.getByLabel('Tags').fill('vip, weekly')
  await dialog.getByLabel('Maximum backup age (days)').fill('2')
  await shot(page, 'site-edit')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} renamed`)
  await expect(page.getByText('vip, weekly')).toBeVisible()
  await expect(page.getByText('2 days')).toBeVisible()
  // Still connected with the stored key.
  await page.getByRole('button', { name: 'Re-check connection' }).click()
  await expect(page.getByRole('button', { name: 'Re-check connection' })).toBeEnabled()
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeEnabled()

  await page.getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog').or(page.getByRole('dialog'))
  await expect(confirm).toContainText(`Delete ${name} renamed?`)
  await confirm.getByRole('button', { name: `Delete ${name} renamed` }).click()
  await expect(page).toHaveURL(/\/sites$/)
  await expect(page.getByText(`${name} renamed`)).toHaveCount(0)
})
