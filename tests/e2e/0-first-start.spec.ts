// A first start, before anything exists: every page says what to do next. This file's name sorts
// first so it runs before the specs that add sites to the shared e2e server (workers: 1).
import { expect, test } from '@playwright/test'
import { shot } from './helpers/shots'

test('with no sites yet, every page says what to do next', async ({ page, baseURL }) => {
  const { sites } = (await (await fetch(`${baseURL}/api/sites`)).json()) as { sites: unknown[] }
  expect(sites, 'this spec must run on a fresh server, before any other spec').toHaveLength(0)
  await page.setViewportSize({ width: 1280, height: 900 })

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'No sites yet' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Add your first site' })).toHaveAttribute('href', '/sites/new')
  await expect(page.getByText('npm run demo')).toBeVisible()
  await shot(page, 'overview-empty')

  await page.goto('/sites')
  await expect(page.getByRole('heading', { name: 'Add your first site' })).toBeVisible()
  await page.goto('/runs')
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible()
  await page.goto('/archives')
  await expect(page.getByRole('heading', { level: 1, name: 'Archives' })).toBeVisible()
  await page.goto('/schedules')
  await expect(page.getByRole('heading', { level: 1, name: 'Schedules' })).toBeVisible()
})
