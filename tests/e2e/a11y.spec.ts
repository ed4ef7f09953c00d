// Accessibility: axe-core finds no serious or critical violation (WCAG 2.1 A/AA, colour contrast
// included) on the main pages, in the light and the dark theme, at desktop and phone width.
import { resolve } from 'node:path'
import { expect, test, type Page } from './helpers/test'
import { addConnectedSite, uniqueId } from './helpers/fleet'
import { ownerFetch } from './helpers/auth'

const AXE = resolve('node_modules/axe-core/axe.min.js')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE })
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return r.violations
  })
  return (found as Violation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

function describe(vs: Violation[]): string {
  return vs
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n')
}

let pages: { name: string; path: string }[] = []

test.beforeAll(async ({ baseURL }) => {
  const { siteId } = await addConnectedSite(baseURL!, {
    id: uniqueId('a11y'),
    name: 'Accessible Bakery',
    scenario: { stepLatencyMs: 50 },
  })
  const r = await ownerFetch(`/api/sites/${siteId}/backups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ description: 'Before the accessibility check' }),
  })
  expect(r.status).toBe(202)
  const runId = ((await r.json()) as { run: { id: string } }).run.id
  // Let it finish so the run page shows its outcome, not a moving bar.
  await expect
    .poll(
      async () => ((await (await ownerFetch(`/api/runs/${runId}`)).json()) as { run: { status: string } }).run.status,
      { timeout: 60_000 },
    )
    .toMatch(/succeeded|failed|timed_out|cancelled/)
  pages = [
    { name: 'overview', path: '/' },
    { name: 'sites', path: '/sites' },
    { name: 'site', path: `/sites/${siteId}` },
    { name: 'runs', path: '/runs' },
    { name: 'run', path: `/runs/${runId}` },
    { name: 'archives', path: '/archives' },
    { name: 'schedules', path: '/schedules' },
    { name: 'schedule-form', path: `/schedules/new?siteId=${siteId}` },
    { name: 'notifications', path: '/notifications' },
    { name: 'users', path: '/users' },
    { name: 'not-found', path: '/runs/does-not-exist' },
  ]
})

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations on the main pages (${theme})`, async ({ page }) => {
    test.setTimeout(180_000)
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    const failures: string[] = []
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
      for (const p of pages) {
        await page.goto(p.path)
        await expect(page.locator('main h1').first()).toBeVisible()
        await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
        const vs = await seriousViolations(page)
        if (vs.length) failures.push(`${p.name} @${width} (${theme}):\n${describe(vs)}`)
      }
    }
    expect(failures.join('\n\n')).toBe('')
  })
}

test('the sign-in page has no serious accessibility violations (light and dark)', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } })
  const page = await context.newPage()
  const failures: string[] = []
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const vs = await seriousViolations(page)
    if (vs.length) failures.push(`sign-in (${theme}):\n${describe(vs)}`)
  }
  await context.close()
  expect(failures.join('\n\n')).toBe('')
})
