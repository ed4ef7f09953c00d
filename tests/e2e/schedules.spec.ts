// Schedules through the UI: create one that fires within the next minute (in a non-UTC zone), watch
// the web server's runner fire it and the backup succeed; bad cron named under the field; screenshots.
import { expect, test } from './helpers/test'
import { addConnectedSite, uniqueId } from './helpers/fleet'
import { shot } from './helpers/shots'
import { OWNER } from './helpers/auth'

/** "m h * * *" for the first whole minute at least 20 s ahead, read in `timeZone`. */
function cronSoon(timeZone: string): { cron: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000)
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  )
  return { cron: `${Number(p.minute)} ${Number(p.hour)} * * *`, at }
}

test.describe('schedules', () => {
  test('a schedule created in the UI fires within the minute and its backup succeeds', async ({ page, baseURL }) => {
    test.setTimeout(150_000)
    const { siteId } = await addConnectedSite(baseURL!, {
      id: uniqueId('sched'),
      name: 'Scheduled Shop',
      scenario: { stepLatencyMs: 50 },
    })

    await page.goto('/schedules')
    await expect(page.getByRole('heading', { name: 'Schedules', level: 1 })).toBeVisible()
    await shot(page, 'schedules-empty')

    await page.goto(`/schedules/new?siteId=${siteId}`)
    await expect(page.getByLabel(/^Site/)).toHaveValue(siteId)

    // A seconds field is refused, named under the cron field, as you type.
    const cronInput = page.getByLabel('Cron expression')
    await cronInput.fill('0 0 2 * * *')
    await expect(page.getByText(/exactly 5 fields/)).toBeVisible()

    const zone = 'Asia/Kolkata' // listed under its modern name (ICU says Asia/Calcutta)
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Kolkata')
    await page.getByRole('option', { name: /Asia\/Kolkata/ }).click()
    await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue(zone)
    const { cron, at } = cronSoon(zone)
    await cronInput.fill(cron)
    const preview = page.getByTestId('cron-preview')
    await expect(preview).toContainText('Every day at')
    await expect(preview.locator('tbody tr')).toHaveCount(5)
    await page.getByLabel('Name', { exact: true }).fill('Shop nightly (e2e)')
    await page.getByLabel('Backup description').fill('{site} at {time} {timezone}')
    await shot(page, 'schedule-form')
    await page.getByRole('button', { name: 'Create schedule' }).click()

    await expect(page).toHaveURL(/\/schedules\/[a-z0-9]+$/)
    await expect(page.getByRole('heading', { name: 'Shop nightly (e2e)' })).toBeVisible()
    // Who made it is the signed-in user, not a typed name.
    await expect(page.getByText(`Created by ${OWNER.email}`).first()).toBeVisible()
    expect(at.getTime() - Date.now()).toBeLessThan(85_000)

    // The web server's runner fires it; the row shows the run, then its success.
    const sitesPanel = page.getByRole('region', { name: 'Sites' })
    await expect(sitesPanel.getByText('Succeeded')).toBeVisible({ timeout: 110_000 })
    await shot(page, 'schedule-detail')

    const runs = (await (await page.request.get(`/api/runs?siteId=${siteId}`)).json()) as {
      runs: { trigger: string; status: string; scheduleId: string | null; description: string | null }[]
    }
    const scheduled = runs.runs.filter((r) => r.trigger === 'schedule')
    expect(scheduled).toHaveLength(1)
    expect(scheduled[0]).toMatchObject({ status: 'succeeded' })
    expect(scheduled[0].description).toMatch(/^Scheduled Shop at \d\d:\d\d Asia\/Kolkata$/)

    await page.goto('/schedules')
    const row = page.getByRole('row', { name: /Shop nightly \(e2e\)/ })
    await expect(row).toBeVisible()
    await expect(row.getByText('Kolkata').first()).toBeVisible()
    await shot(page, 'schedules-list')

    // Disable with a reason: who and why are shown.
    await row.getByRole('button', { name: 'Disable' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Reason').fill('client on holiday')
    await dialog.getByRole('button', { name: 'Disable schedule' }).click()
    await expect(row.getByText('Disabled')).toBeVisible()
    await expect(row.getByText(/client on holiday/)).toBeVisible()
    await shot(page, 'schedules-list-disabled')
  })

  test('API: bad cron and zone are 400s naming the field', async ({ request }) => {
    const bad = await request.post('/api/schedules/preview', { data: { cron: '61 * * * *', timezone: 'UTC' } })
    expect(bad.status()).toBe(400)
    expect((await bad.json()).error).toMatchObject({ code: 'validation_failed', field: 'cron' })
    const zone = await request.post('/api/schedules', { data: { tag: 'x', cron: '0 2 * * *', timezone: 'Mars/Base' } })
    expect(zone.status()).toBe(400)
    expect((await zone.json()).error).toMatchObject({
      field: 'timezone',
      message: expect.stringContaining('Mars/Base'),
    })
  })
})
