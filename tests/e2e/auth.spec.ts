// Sign-in from a fresh browser: a wrong password, then the right one back to the page asked for,
// sign-out; and two-step sign-in with an authenticator code and a backup code (which works once).
import { expect, test, type Page } from '@playwright/test'
import { addUser, PASSWORD } from './helpers/auth'
import { shot } from './helpers/shots'
import { totp } from './helpers/totp'

async function signInForm(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account menu/ }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
}

test('sign in: a wrong password is refused clearly, the right one returns to the page asked for, sign out', async ({
  page,
}) => {
  const email = await addUser('admin', 'Sam Signin')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/runs')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns$/)
  await expect(page.getByRole('heading', { name: 'Sign in to Stepwise' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)

  await signInForm(page, email, 'not the password')
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The e-mail or password is not right.')
  await shot(page, 'sign-in')
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/runs$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Account menu: Sam Signin, Admin' })).toBeVisible()

  // ?next= only goes to paths on this site.
  await signOut(page)
  await page.goto('/sign-in?next=//evil.example/')
  await signInForm(page, email, PASSWORD)
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()

  await signOut(page)
  await page.goto('/sites')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsites$/)
  expect((await page.request.get('/api/sites')).status()).toBe(401)
})

test('two-step sign-in: turn it on in Account, then sign in with the app code, and with a backup code once', async ({
  page,
}) => {
  const email = await addUser('operator', 'Tia Twostep')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/sign-in')
  await signInForm(page, email, PASSWORD)
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()

  await page.getByRole('button', { name: /^Account menu/ }).click()
  await page.getByRole('menuitem', { name: 'Account' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible()
  await shot(page, 'account')
  const panel = page.getByRole('region', { name: 'Two-step sign-in' })
  await panel.getByRole('button', { name: 'Turn on two-step sign-in' }).click()
  await panel.getByLabel('Your password').fill(PASSWORD)
  await panel.getByRole('button', { name: 'Continue' }).click()
  await expect(panel.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible()
  const secret = (await panel.getByTestId('totp-secret').textContent())!.trim()
  const codes = await panel.getByRole('list', { name: 'Backup codes' }).getByRole('listitem').allTextContents()
  expect(codes).toHaveLength(10)
  await shot(page, 'account-2fa-setup')
  await panel.getByLabel('3. Enter the code your app shows').fill(totp(secret))
  await panel.getByRole('button', { name: 'Confirm and turn on' }).click()
  await expect(panel.getByText('On', { exact: true })).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Turn off two-step sign-in' })).toBeVisible()

  // With the authenticator code.
  await signOut(page)
  await signInForm(page, email, PASSWORD)
  await expect(page.getByRole('heading', { name: 'Two-step sign-in' })).toBeVisible()
  await page.getByLabel('Authenticator code').fill('000000' === totp(secret) ? '111111' : '000000')
  await page.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText('not right')
  await shot(page, 'sign-in-2fa')
  await page.getByLabel('Authenticator code').fill(totp(secret))
  await page.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()

  // With a backup code: once.
  await signOut(page)
  await signInForm(page, email, PASSWORD)
  await page.getByRole('button', { name: 'Use a backup code' }).click()
  await page.getByLabel('Backup code').fill(codes[0])
  await page.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
  await signOut(page)
  await signInForm(page, email, PASSWORD)
  await page.getByRole('button', { name: 'Use a backup code' }).click()
  await page.getByLabel('Backup code').fill(codes[0])
  await page.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText('not right')
  await expect(page).toHaveURL(/\/sign-in$/)
})
