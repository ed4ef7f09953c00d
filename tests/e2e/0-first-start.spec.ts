// A first start, before anything exists: opening Stepwise leads to setup, the owner is created there
// and lands signed in on an empty overview where every page says what to do next. This file's name
// sorts first so it runs before the specs that add sites to the shared e2e server (workers: 1).
import { expect, test } from '@playwright/test'
import { OWNER } from './helpers/auth'
import { shot } from './helpers/shots'

test('a newcomer is led to create the owner, lands signed in, and every page says what to do next', async ({
  page,
  baseURL,
}) => {
  const setup = (await (await fetch(`${baseURL}/api/setup`)).json()) as { needed: boolean; codeRequired: boolean }
  expect(setup.needed, 'this spec must run on a fresh server, before any other spec').toBe(true)
  expect(setup.codeRequired, 'the e2e server listens on 127.0.0.1 only').toBe(false)
  expect((await fetch(`${baseURL}/api/sites`)).status).toBe(401)
  await page.setViewportSize({ width: 1280, height: 900 })

  await page.goto('/')
  await expect(page).toHaveURL(/\/setup$/)
  await expect(page.getByRole('heading', { name: 'Welcome to Stepwise' })).toBeVisible()
  await expect(page.getByLabel('Setup code')).toHaveCount(0)
  await shot(page, 'setup')

  // Checked in the page before anything is sent.
  await page.getByLabel('E-mail').fill(OWNER.email)
  await page.getByLabel('Name').fill(OWNER.name)
  await page.getByLabel(/^Password\W*$/).fill(OWNER.password)
  await page.getByLabel('Password again').fill('something else')
  await page.getByRole('button', { name: 'Create owner and sign in' }).click()
  await expect(page.getByText('The two passwords differ.')).toBeVisible()
  await page.getByLabel('Password again').fill(OWNER.password)
  await page.getByRole('button', { name: 'Create owner and sign in' }).click()

  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { name: 'No sites yet' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Account menu: Olivia Owner, Owner/ })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Add your first site' })).toHaveAttribute('href', '/sites/new')
  await expect(page.getByText('npm run demo')).toBeVisible()
  await shot(page, 'overview-empty')

  // Setup is closed now: the page sends people to sign in, the API refuses a second owner.
  expect((await (await fetch(`${baseURL}/api/setup`)).json()) as { needed: boolean }).toMatchObject({ needed: false })
  const again = await fetch(`${baseURL}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'intruder@evil.test', password: 'long enough password' }),
  })
  expect(again.status).toBe(409)

  await page.goto('/sites')
  await expect(page.getByRole('heading', { name: 'Add your first site' })).toBeVisible()
  await page.goto('/runs')
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible()
  await page.goto('/archives')
  await expect(page.getByRole('heading', { level: 1, name: 'Archives' })).toBeVisible()
  await page.goto('/schedules')
  await expect(page.getByRole('heading', { level: 1, name: 'Schedules' })).toBeVisible()

  const { sites } = (await (await page.request.get('/api/sites')).json()) as { sites: unknown[] }
  expect(sites).toHaveLength(0)
  await page.goto('/setup')
  await expect(page).toHaveURL(/\/$/)
})
