// Roles in the browser: a viewer sees no buttons that change anything and the API refuses them (403);
// an operator backs up but does not edit; the audit trail names who did what.
import { expect, test } from '@playwright/test'
import { addUser, OWNER, ownerCookies, signInCookies, PASSWORD } from './helpers/auth'
import { addConnectedSite, uniqueId } from './helpers/fleet'
import { shot } from './helpers/shots'

test('a viewer reads everything but cannot back up: no buttons, and the API answers 403', async ({ page, baseURL }) => {
  const { siteId } = await addConnectedSite(baseURL!, { id: uniqueId('viewer'), seedHistory: 1 }, 'Viewer Bakery')
  const email = await addUser('viewer', 'Vic Viewer')
  await page.context().addCookies(await signInCookies(email, PASSWORD))
  await page.setViewportSize({ width: 1280, height: 900 })

  await page.goto(`/sites/${siteId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Viewer Bakery' })).toBeVisible()
  for (const name of ['Back up now', 'Re-check connection', 'Edit', 'Delete', 'Add schedule', 'Refresh'])
    await expect(page.getByRole('button', { name, exact: true }), name).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Add schedule' })).toHaveCount(0)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Sites' })).toBeVisible()
  for (const name of ['Users', 'API tokens', 'Audit']) await expect(nav.getByRole('link', { name })).toHaveCount(0)

  await page.goto('/sites')
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Add site' })).toHaveCount(0)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
  await expect(page.getByRole('region', { name: /bulk/i })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Back up/ })).toHaveCount(0)

  const r = await page.request.post(`/api/sites/${siteId}/backups`, { data: {} })
  expect(r.status()).toBe(403)
  expect(((await r.json()) as { error: { code: string } }).error.code).toBe('forbidden')
  expect((await page.request.get('/api/sites')).status()).toBe(200)

  // Admin pages send a viewer back to the overview, saying why.
  await page.goto('/users')
  await expect(page).toHaveURL(/\/\?denied=1$/)
  await expect(page.getByText('Your role cannot open that page.')).toBeVisible()
})

test('an operator backs up now and watches it finish, but sees no edit or delete; the audit names them', async ({
  page,
  baseURL,
  browser,
}) => {
  const { siteId } = await addConnectedSite(baseURL!, { id: uniqueId('operator') }, 'Operator Florist')
  const email = await addUser('operator', 'Olga Operator')
  await page.context().addCookies(await signInCookies(email, PASSWORD))
  await page.setViewportSize({ width: 1280, height: 900 })

  await page.goto(`/sites/${siteId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Operator Florist' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Re-check connection' })).toBeVisible()
  for (const name of ['Edit', 'Delete']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: 'Back up now' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Start backup' }).click()
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+$/)
  const runId = page.url().split('/').pop()!
  await expect(page.locator('main h1').locator('..').getByText('Succeeded')).toBeVisible({ timeout: 60_000 })
  expect((await page.request.delete(`/api/sites/${siteId}`)).status()).toBe(403)

  // The owner's audit trail: the operator's sign-in and back-up-now, by name.
  const owner = await browser.newContext({ storageState: { cookies: await ownerCookies(), origins: [] } })
  const audit = await owner.newPage()
  await audit.setViewportSize({ width: 1280, height: 900 })
  await audit.goto('/audit')
  await expect(audit.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible()
  const table = audit.getByRole('table', { name: 'Audit events' })
  await expect(table.getByRole('row').filter({ hasText: email }).filter({ hasText: 'User signed in' })).toHaveCount(1)
  await audit.getByLabel('Action').selectOption('run.')
  await expect(audit).toHaveURL(/action=run\./)
  const queued = table.getByRole('row').filter({ hasText: 'Operator Florist' }).filter({ hasText: email })
  await expect(queued.first()).toBeVisible()
  await expect(queued.first().getByRole('link', { name: 'Run' })).toHaveAttribute('href', `/runs/${runId}`)
  await expect(table.getByRole('row').filter({ hasText: 'User signed in' })).toHaveCount(0)
  await audit.getByLabel('Who').fill(OWNER.email)
  await audit.getByRole('button', { name: 'Apply' }).click()
  await expect(audit).toHaveURL(/actor=owner%40agency\.test/)
  await expect(table.getByRole('row').filter({ hasText: email })).toHaveCount(0)
  await audit.getByRole('button', { name: 'Clear' }).click()
  await expect(audit).toHaveURL(/\/audit$/)
  await shot(audit, 'audit')
  await owner.close()
})
