// The admin pages: add a user and manage them (role, disable, sessions); an API token used "from curl"
// (no cookies, only the Bearer header) and then revoked.
import { expect, test } from './helpers/test'
import { signInCookies } from './helpers/auth'
import { shot } from './helpers/shots'

test('users: add a user, change the role, see their sessions, disable and enable them', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/users')
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
  const email = `nina-${Date.now().toString(36)}@agency.test`
  await page.getByRole('button', { name: 'Add user' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a user' })
  await dialog.getByLabel('E-mail').fill(email)
  await dialog.getByLabel('Name').fill('Nina Newcomer')
  await dialog.getByLabel('Role').selectOption('viewer')
  await dialog.getByLabel('Initial password').fill('short')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog.getByText('Use at least 10 characters.')).toBeVisible()
  await dialog.getByLabel('Initial password').fill('nina has a long password')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByRole('row').filter({ hasText: email })
  await expect(row).toContainText('Nina Newcomer')
  await expect(row).toContainText('Active')

  // The same e-mail again is a 409 with the server's words under the field.
  await page.getByRole('button', { name: 'Add user' }).click()
  await dialog.getByLabel('E-mail').fill(email)
  await dialog.getByLabel('Initial password').fill('nina has a long password')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog.getByText(/exists already/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await row.getByLabel('Role of Nina Newcomer').selectOption('operator')
  await expect(row.getByLabel('Role of Nina Newcomer')).toHaveValue('operator')
  await expect
    .poll(async () => {
      const { users } = (await (await page.request.get('/api/users')).json()) as {
        users: { email: string; role: string }[]
      }
      return users.find((u) => u.email === email)?.role
    })
    .toBe('operator')

  // The owner cannot demote or disable themselves: no controls on their own row.
  const own = page.getByRole('row').filter({ hasText: 'You' })
  await expect(own.getByRole('combobox')).toHaveCount(0)
  await expect(own.getByRole('button', { name: 'Disable' })).toHaveCount(0)

  await signInCookies(email, 'nina has a long password')
  await row.getByRole('button', { name: 'Sessions' }).click()
  const sessions = page.getByRole('dialog', { name: 'Sessions of Nina Newcomer' })
  await expect(sessions.getByRole('list', { name: 'Sessions' }).getByRole('listitem')).toHaveCount(1)
  await shot(page, 'users-sessions')
  await sessions.getByRole('button', { name: /^End session/ }).click()
  await expect(sessions.getByText('Not signed in anywhere.')).toBeVisible()
  await sessions.getByRole('button', { name: 'Close' }).click()

  await row.getByRole('button', { name: 'Disable' }).click()
  const confirm = page.getByRole('alertdialog').or(page.getByRole('dialog', { name: 'Disable Nina Newcomer?' }))
  await confirm.getByRole('button', { name: 'Disable Nina Newcomer' }).click()
  await expect(row).toContainText('Disabled')
  const refused = await fetch(`${new URL(page.url()).origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'nina has a long password' }),
  })
  expect(refused.status).not.toBe(200)
  await row.getByRole('button', { name: 'Enable' }).click()
  await page.getByRole('button', { name: 'Enable Nina Newcomer' }).click()
  await expect(row).toContainText('Active')
  await shot(page, 'users')
})

test('API tokens: create one, use it from "curl" with only the Bearer header, then revoke it', async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/tokens')
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible()
  const name = `Uptime ${Date.now().toString(36)}`
  await page.getByRole('button', { name: 'Create token' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByLabel('Role').selectOption('viewer')
  await dialog.getByRole('button', { name: 'Create token' }).click()
  await expect(dialog.getByText('this is the only time Stepwise shows it')).toBeVisible()
  const token = (await dialog.getByTestId('new-token').textContent())!.trim()
  expect(token).toMatch(/^sw_/)
  await shot(page, 'tokens-created')
  await dialog.getByRole('button', { name: 'Done' }).click()
  const row = page.getByRole('row').filter({ hasText: name })
  await expect(row).toContainText('Active')
  await expect(row).toContainText('Viewer')
  await expect(row).toContainText(token.slice(0, 10))
  expect(await page.content()).not.toContain(token)

  // A clean client: no cookies at all, as curl would be.
  const curl = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } })
  expect((await curl.get('/api/sites', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200)
  expect((await curl.get('/api/sites')).status()).toBe(401)
  const write = await curl.post('/api/sites/check', {
    headers: { authorization: `Bearer ${token}` },
    data: { url: 'http://127.0.0.1:9/', key: 'x' },
  })
  expect(write.status()).toBe(403)

  await page.reload()
  await expect(row.getByText('Never')).toHaveCount(1) // expires never; last used is now set
  await row.getByRole('button', { name: `Revoke ${name}` }).click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Revoke ${name}` })
    .click()
  await expect(row).toContainText('Revoked')
  await shot(page, 'tokens')
  expect((await curl.get('/api/sites', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401)
  await curl.dispose()
})
