// The overview: counts and a bulk backup of several sites watched to the end (its empty state is in
// 0-first-start.spec.ts, which runs before any spec adds sites).
import { expect, test } from './helpers/test'
import { addConnectedSite, uniqueId } from './helpers/fleet'
import { ownerFetch } from './helpers/auth'
import { shot } from './helpers/shots'

test('bulk backup from the overview queues several sites, skips the unreachable one, and shows them to the end', async ({
  page,
  baseURL,
}) => {
  const tag = uniqueId('bulk')
  const names = ['Alpine Rentals', 'Harbour Bistro', 'Oak & Iron']
  for (const [i, name] of names.entries()) {
    await addConnectedSite(baseURL!, {
      id: uniqueId(`bulk${i}`),
      name,
      scenario: { stepLatencyMs: 350, warnings: i === 1 ? [{ atStep: 4, text: 'Large table skipped' }] : [] },
    })
  }
  const r = await ownerFetch(`/api/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Gone Yoga',
      url: 'http://127.0.0.1:9/',
      key: 'whatever-0123456789',
      saveIfUnreachable: true,
      tags: [tag],
    }),
  })
  expect(r.status).toBe(201)

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Backed up within their max age' })).toBeVisible()
  for (const name of [...names, 'Gone Yoga']) await page.getByRole('checkbox', { name: `Select ${name}` }).check()
  await page.getByRole('button', { name: 'Back up selected (4)' }).click()

  const result = page.getByRole('region', { name: 'Bulk backup result' })
  await expect(result).toContainText('Queued 3 backups')
  await expect(result.getByTestId('bulk-skipped')).toHaveText('Gone Yoga skipped: not connected')
  await expect(result.getByTestId('bulk-queued')).toHaveCount(3)
  const inProgress = page.locator('#in-progress')
  await expect(inProgress.getByText('Running').first()).toBeVisible()
  await shot(page, 'overview-bulk-live')

  for (const name of names) {
    await expect(result.getByTestId('bulk-queued').filter({ hasText: name })).toContainText('Succeeded', {
      timeout: 45_000,
    })
  }
  await expect(result).toContainText('3 of 3 finished')
  await expect(inProgress.getByText('Nothing running right now')).toBeVisible()
  await expect(
    page.locator('section', { has: page.getByRole('heading', { name: 'Recent failures and warnings' }) }),
  ).toContainText('Harbour Bistro')
  await shot(page, 'overview-done')
})
