// Issue 15, problems 4, 6 and 7 as fixed, at desktop (1440×900) and phone (390×844) width:
// tables that fit (no nested scroll boxes, the runs list on a phone, descriptions, filters/search/sort
// in the URL, search by tag), a branded 404 and a banner for stale data, the searchable time-zone
// picker, focus returning after dialogs and Refresh, dark mode, and the Ctrl-K palette.
// Screenshots land in the test output folder (test-results/…) for review.
import { expect, test, type Page, type TestInfo } from './helpers/test'
import { addConnectedSite, uniqueId } from './helpers/fleet'
import { ownerFetch } from './helpers/auth'

const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

async function snap(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}-${page.viewportSize()!.width}.png`), fullPage: true })
}

/** Elements inside <main> that scroll vertically on their own (a table or list cut off in a box). */
async function nestedScrollBoxes(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) => {
    const out: string[] = []
    for (const el of main.querySelectorAll<HTMLElement>('*')) {
      const s = getComputedStyle(el)
      if (!['auto', 'scroll'].includes(s.overflowY)) continue
      if (el.getAttribute('role') === 'listbox' || el.closest('[role="dialog"]')) continue
      if (el.scrollHeight > el.clientHeight + 1) out.push(`${el.tagName}.${el.className.slice(0, 60)}`)
    }
    return out
  })
}

/** Elements inside <main> whose content is wider than they are (cut off or scrolling sideways). */
async function sidewaysOverflow(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollWidth - el.clientWidth)
}

// Unique per worker start (a failed test restarts the worker and beforeAll runs again).
const sfx = Date.now().toString(36).slice(-5)
const tag = `tt-${sfx}`
const nameA = `Tidy Tables Bakery ${sfx}`
const nameB = `Zebra Crossing Shop ${sfx}`
const description = `Before the plugin update ${sfx}`
let siteA = ''
let siteB = ''
let runId = ''

test.beforeAll(async ({ baseURL }) => {
  const a = await addConnectedSite(baseURL!, { id: uniqueId('tta'), name: nameA })
  const b = await addConnectedSite(baseURL!, { id: uniqueId('ttb'), name: nameB })
  siteA = a.siteId
  siteB = b.siteId
  for (const id of [siteA, siteB]) {
    const r = await ownerFetch(`/api/sites/${id}`, { method: 'PATCH', body: JSON.stringify({ tags: [tag] }) })
    expect(r.status, await r.text()).toBe(200)
  }
  const ids: string[] = []
  for (const [id, text] of [
    [siteA, description],
    [siteB, `Routine ${sfx}`],
  ]) {
    const r = await ownerFetch(`/api/sites/${id}/backups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: text }),
    })
    expect(r.status).toBe(202)
    ids.push(((await r.json()) as { run: { id: string } }).run.id)
  }
  runId = ids[0]
  // A failure with a long unbroken message: it lands in the overview's failures table, which must not
  // stretch the page on a phone.
  const c = await addConnectedSite(baseURL!, {
    id: uniqueId('ttc'),
    name: `Failing Florist ${sfx}`,
    scenario: {
      failAtStep: {
        step: 3,
        text: 'fopen(/home/customer/www/florist.example/public_html/wp-content/plugins/akeebabackupwp/app/backups/site-florist.example-20261202-063038utc.jpa): Failed to open stream: Permission denied',
      },
    },
  })
  const f = await ownerFetch(`/api/sites/${c.siteId}/backups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(f.status).toBe(202)
  ids.push(((await f.json()) as { run: { id: string } }).run.id)
  for (const [i, id] of ids.entries()) {
    await expect
      .poll(
        async () => ((await (await ownerFetch(`/api/runs/${id}`)).json()) as { run: { status: string } }).run.status,
        { timeout: 60_000 },
      )
      .toBe(i < 2 ? 'succeeded' : 'failed')
  }
})

test.describe('problem 4: tables fit', () => {
  for (const vp of [DESKTOP, PHONE]) {
    test(`overview, runs and sites have no scroll boxes and are not cut off (${vp.width} px)`, async ({
      page,
    }, info) => {
      await page.setViewportSize(vp)
      for (const path of ['/', '/runs', '/sites', `/sites/${siteA}`]) {
        await page.goto(path)
        await expect(page.locator('main h1').first()).toBeVisible()
        expect(await nestedScrollBoxes(page), path).toEqual([])
        // Nothing pushes the page wider than the screen.
        const wider = await page.evaluate(() => {
          const w = document.documentElement.clientWidth
          if (document.documentElement.scrollWidth <= w) return []
          // The outermost elements that reach past the right edge, to say what is too wide.
          return [...document.body.querySelectorAll<HTMLElement>('*')]
            .filter(
              (el) =>
                el.getBoundingClientRect().right > w + 1 && el.parentElement!.getBoundingClientRect().right <= w + 1,
            )
            .slice(0, 5)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} (${Math.round(el.getBoundingClientRect().right)}px)`,
            )
        })
        expect(wider, path).toEqual([])
      }

      await page.goto('/runs')
      const row = page.getByRole('row').filter({ hasText: nameA }).first()
      await expect(row).toContainText(description)
      await expect(row.getByRole('link', { name: new RegExp(nameA) })).toBeVisible()
      // The runs table fits: no sideways scrolling, the state and site of each run are on screen.
      expect(await sidewaysOverflow(page, 'main table >> xpath=..')).toBeLessThanOrEqual(0)
      const box = await row.boundingBox()
      expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width)
      await snap(page, info, 'runs-list')
      await page.goto('/')
      await snap(page, info, 'overview')
    })
  }

  test('between phone and desktop no table is cut off, and the sites and runs lists fit', async ({ page }) => {
    const cut: string[] = []
    for (const width of [640, 768, 1024, 1280]) {
      await page.setViewportSize({ width, height: 900 })
      for (const path of [
        '/',
        '/sites',
        '/runs',
        `/sites/${siteA}`,
        `/runs/${runId}`,
        '/archives',
        '/schedules',
        '/users',
      ]) {
        await page.goto(path)
        await expect(page.locator('main h1').first()).toBeVisible()
        const measure = () =>
          page.locator('main table').evaluateAll((tables) =>
            tables
              .map((t) => ({
                name: t.querySelector('caption')?.textContent ?? '?',
                over: t.scrollWidth - t.parentElement!.clientWidth,
                // Wider than its place is only acceptable when it scrolls sideways rather than being cut;
                // the sites and runs lists must fit outright.
                scrolls: ['auto', 'scroll'].includes(getComputedStyle(t.parentElement!).overflowX),
              }))
              .filter((x) => x.over > 1 && (!x.scrolls || x.name === 'Sites' || x.name === 'Backup runs')),
          )
        // Tables measure themselves after they render: give them a moment to settle, then record.
        await expect
          .poll(async () => (await measure()).length, { timeout: 5_000 })
          .toBe(0)
          .catch(() => undefined)
        const over = await measure()
        for (const o of over) cut.push(`${path} @${width}: “${o.name}” ${o.over}px too wide`)
      }
    }
    expect(cut).toEqual([])
  })

  test('the sites search covers tags, and filters, search and sort live in the URL', async ({ page }, info) => {
    await page.setViewportSize(DESKTOP)
    await page.goto('/sites')
    await page.getByRole('searchbox', { name: 'Search sites' }).fill(tag)
    await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`))
    const table = page.getByRole('table', { name: 'Sites' })
    await expect(table.getByRole('row')).toHaveCount(3) // header + the two tagged sites
    await table.getByRole('button', { name: 'Site' }).click()
    await expect(page).toHaveURL(/sort=name%3Aasc|sort=name:asc/)
    await table.getByRole('button', { name: 'Site' }).click()
    await expect(page).toHaveURL(/sort=name%3Adesc|sort=name:desc/)
    await expect(table.getByRole('row').nth(1)).toContainText(nameB)

    // Reload and back/forward keep all of it.
    await page.reload()
    await expect(page.getByRole('searchbox', { name: 'Search sites' })).toHaveValue(tag)
    await expect(table.getByRole('columnheader', { name: 'Site' })).toHaveAttribute('aria-sort', 'descending')
    await expect(table.getByRole('row').nth(1)).toContainText(nameB)
    await page.getByRole('row').filter({ hasText: nameA }).getByRole('link').click()
    await expect(page).toHaveURL(new RegExp(`/sites/${siteA}$`))
    await page.goBack()
    await expect(page.getByRole('searchbox', { name: 'Search sites' })).toHaveValue(tag)
    await expect(table.getByRole('row')).toHaveCount(3)
    await snap(page, info, 'sites-search-tag')

    // The runs list: a filter and a sort in the URL, kept on reload.
    await page.goto('/runs')
    await page.getByLabel('Status').selectOption({ label: 'Succeeded' })
    await expect(page).toHaveURL(/status=succeeded/)
    const runs = page.getByRole('table', { name: 'Backup runs' })
    await runs.getByRole('button', { name: 'Site' }).click()
    await expect(page).toHaveURL(/sort=site/)
    await page.reload()
    await expect(page.getByLabel('Status')).toHaveValue('succeeded')
    await expect(runs.getByRole('columnheader', { name: 'Site' })).toHaveAttribute('aria-sort', 'ascending')
  })
})

test.describe('problem 6: 404 and stale data', () => {
  for (const vp of [DESKTOP, PHONE]) {
    test(`an unknown run is a 404 inside the app with a way back (${vp.width} px)`, async ({ page }, info) => {
      await page.setViewportSize(vp)
      const res = await page.goto('/runs/does-not-exist')
      expect(res!.status()).toBe(404)
      await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible()
      await expect(page.getByRole('link', { name: 'Stepwise' }).first()).toBeVisible() // the shell's logo
      await snap(page, info, 'not-found')
      await page.getByRole('link', { name: 'Go to the overview' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()

      const other = await page.goto('/no-such-page')
      expect(other!.status()).toBe(404)
      await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible()
      await expect(page.getByRole('link', { name: 'All sites' })).toBeVisible()
    })
  }

  test('when the API stops answering, a banner says how old the data is and it recovers', async ({ page }, info) => {
    await page.setViewportSize(DESKTOP)
    await page.goto('/runs')
    await expect(page.getByRole('row').filter({ hasText: description })).toBeVisible()
    await page.route('**/api/runs?**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"error":{"code":"down","message":"Database unavailable"}}',
      }),
    )
    await page.waitForTimeout(5_500) // older than the queries' staleTime
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')))
    const banner = page.getByTestId('stale-banner')
    await expect(banner).toContainText(/Could not refresh — showing runs from \d+ s ago/)
    await expect(banner).toContainText('Database unavailable')
    // The old rows stay, marked as old rather than silently kept.
    await expect(page.getByRole('row').filter({ hasText: description })).toBeVisible()
    await snap(page, info, 'stale-banner')
    await page.unroute('**/api/runs?**')
    await banner.getByRole('button', { name: 'Retry' }).click()
    await expect(banner).toBeHidden()
  })
})

test.describe('problem 7: time zones, focus, dark mode, palette', () => {
  test.use({ timezoneId: 'Europe/Berlin' })

  for (const vp of [DESKTOP, PHONE]) {
    test(`the time-zone picker searches ~400 zones by keyboard (${vp.width} px)`, async ({ page }, info) => {
      await page.setViewportSize(vp)
      await page.goto(`/schedules/new?siteId=${siteA}`)
      const tz = page.getByRole('combobox', { name: 'Time zone' })
      await expect(tz).toHaveValue('Europe/Berlin') // the browser's zone by default
      await tz.focus()
      await page.keyboard.press('ArrowDown')
      const list = page.getByRole('listbox', { name: 'Time zones' })
      await expect(list).toBeVisible()
      expect(await list.getByRole('option').count()).toBeGreaterThan(300)
      await expect(list.getByRole('option').first()).toContainText('Your browser')
      await tz.fill('kolk')
      await expect(list.getByRole('option')).toHaveCount(1)
      await expect(list.getByRole('option').first()).toContainText('UTC+05:30')
      await snap(page, info, 'tz-search')
      await page.keyboard.press('Enter')
      await expect(tz).toHaveValue('Asia/Kolkata')
      await expect(list).toBeHidden()
      // By offset, then arrows to pick the second match.
      await tz.fill('utc-03:00')
      expect(await list.getByRole('option').count()).toBeGreaterThan(3)
      await page.keyboard.press('ArrowDown')
      const second = (await list.getByRole('option').nth(1).textContent())!.replace(/UTC.*$/, '').trim()
      await page.keyboard.press('Enter')
      await expect(tz).toHaveValue(second)
      // Escape restores the chosen zone; the preview follows the zone.
      await tz.fill('nowhere at all')
      await expect(page.getByText('No time zone matches')).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(tz).toHaveValue(second)
      await expect(page.getByTestId(vp === PHONE ? 'cron-preview-inline' : 'cron-preview')).toContainText(
        second.split('/').pop()!.replace(/_/g, ' '),
      )
    })
  }

  test('focus returns to the control that opened a dialog, and stays on Refresh', async ({ page }) => {
    await page.setViewportSize(DESKTOP)
    await page.goto(`/sites/${siteA}`)
    // A FormDialog opened by a plain button.
    const edit = page.getByRole('button', { name: 'Edit', exact: true })
    await edit.click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()
    await expect(edit).toBeFocused()
    // A ConfirmDialog, closed with Cancel.
    const del = page.getByRole('button', { name: /^Delete/ }).first()
    await del.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
    await expect(del).toBeFocused()
    // Re-check connection and Refresh keep focus while busy and after.
    const recheck = page.getByRole('button', { name: 'Re-check connection' })
    await recheck.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('button', { name: /Re-check connection|Checking…/ })).toBeFocused()
    await expect(recheck).toBeFocused({ timeout: 20_000 })
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true })
    await refresh.focus()
    await page.keyboard.press('Enter')
    await page.waitForTimeout(1_500)
    await expect(refresh).toBeFocused()

    // The overview's bulk "Back up all" confirmation.
    await page.goto('/')
    const all = page.getByRole('button', { name: 'Back up all' })
    await all.click()
    await page.keyboard.press('Escape')
    await expect(all).toBeFocused()
  })

  for (const vp of [DESKTOP, PHONE]) {
    test(`dark mode follows the system, the toggle is remembered, no flash (${vp.width} px)`, async ({
      page,
    }, info) => {
      await page.setViewportSize(vp)
      await page.emulateMedia({ colorScheme: 'dark' })
      // Record the theme class the moment <body> appears, before React runs: no white flash.
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.body) {
            ;(window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.className
            obs.disconnect()
          }
        }).observe(document, { childList: true, subtree: true })
      })
      await page.goto('/')
      await expect(page.locator('html')).toHaveClass(/\bdark\b/)
      expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toContain('dark')
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      expect(bg).not.toMatch(/rgb\(248, 250, 252\)|oklch\(0\.98/) // not the light page colour
      await snap(page, info, 'dark-overview')
      await page.goto(`/runs/${runId}`)
      await snap(page, info, 'dark-run')
      await page.goto(`/sites/${siteA}`)
      await snap(page, info, 'dark-site')
      await page.goto('/sites')
      await snap(page, info, 'dark-sites')
      await page.goto(`/schedules/new?siteId=${siteA}`)
      await page.getByRole('combobox', { name: 'Time zone' }).fill('new')
      await snap(page, info, 'dark-schedule-form')

      // Choose Light: remembered across a reload, even though the system says dark.
      if (vp === PHONE) await page.getByRole('button', { name: 'Open menu' }).click()
      const group = page.getByRole('radiogroup', { name: 'Colour theme' }).locator('visible=true')
      await group.getByRole('radio', { name: 'Light' }).click()
      await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
      expect(await page.evaluate(() => localStorage.getItem('stepwise-theme'))).toBe('light')
      await page.goto('/sites')
      expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).not.toContain(
        'dark',
      )
      await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
      // Back to System: dark again, and it follows a change of the system setting.
      if (vp === PHONE) await page.getByRole('button', { name: 'Open menu' }).click()
      await group.getByRole('radio', { name: 'System' }).click()
      await expect(page.locator('html')).toHaveClass(/\bdark\b/)
      await page.emulateMedia({ colorScheme: 'light' })
      await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
    })
  }

  test('Ctrl-K jumps to a site, a run or a page', async ({ page }, info) => {
    await page.setViewportSize(DESKTOP)
    await page.goto('/runs')
    await page.keyboard.press('Control+k')
    const dialog = page.getByRole('dialog', { name: /Jump to/ })
    await expect(dialog).toBeVisible()
    const input = dialog.getByRole('combobox', { name: 'Jump to' })
    await expect(input).toBeFocused()
    await input.fill(`zebra ${sfx}`)
    await expect(dialog.getByRole('option').first()).toContainText(nameB)
    await snap(page, info, 'palette')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`/sites/${siteB}$`))
    await expect(dialog).toBeHidden()

    // A run by its description, with the arrow keys.
    await page.keyboard.press('Control+k')
    await input.fill(`plugin update ${sfx}`)
    await expect(dialog.getByRole('group', { name: 'Recent runs' }).getByRole('option')).not.toHaveCount(0)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/runs\/[^/]+$/)

    // A page, picked with ↓ (Schedules is the second "s…" page after Sites).
    await page.keyboard.press('Meta+k')
    await input.fill('s')
    await page.keyboard.press('ArrowDown')
    await expect(dialog.getByRole('option', { selected: true })).toContainText('Schedules')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/schedules$/)

    // On a phone: the search button in the top bar opens it too.
    await page.setViewportSize(PHONE)
    await page.getByRole('button', { name: 'Jump to…' }).locator('visible=true').click()
    await expect(dialog).toBeVisible()
    await snap(page, info, 'palette')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  })
})
