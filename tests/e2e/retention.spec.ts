// Retention UI: a policy made through the form (validation under the fields), its preview on the
// policies page matching the API's, with each kept archive's reason, and the per-site panel.
import { resolve } from 'node:path'
import { expect, test, type Page } from './helpers/test'
import { addConnectedSite, uniqueId } from './helpers/fleet'
import { ownerFetch } from './helpers/auth'
import { shot } from './helpers/shots'
import { formatBytes } from '../../lib/format/format'
import type { RetentionPolicyDto, RetentionPreview } from '../../lib/domain/retention'

test('create a policy through the form and read its preview; the site page says what it keeps', async ({
  page,
  baseURL,
}) => {
  const stamp = Date.now().toString(36)
  const tag = `r2-client-${stamp}`
  const name = `Client ${stamp}: last 3`
  const a = await addConnectedSite(
    baseURL!,
    { id: uniqueId('ra'), seedHistory: 8, scenario: { countQuota: 0 } },
    `Retention A ${stamp}`,
  )
  const b = await addConnectedSite(
    baseURL!,
    { id: uniqueId('rb'), seedHistory: 5, scenario: { countQuota: 0 } },
    `Retention B ${stamp}`,
  )
  const sizes: number[] = []
  for (const s of [a, b]) {
    const r = await ownerFetch(
      `/api/sites/${s.siteId}`,
      { method: 'PATCH', body: JSON.stringify({ tags: [tag] }) },
      baseURL,
    )
    expect(r.status).toBe(200)
    await page.request.post(`/api/sites/${s.siteId}/archives/sync`)
    const { archives } = await (await page.request.get(`/api/archives?siteId=${s.siteId}`)).json()
    // No site quota (countQuota 0): every seeded archive keeps its files. The seeded history is not
    // Stepwise's own: the policy includes it. The newest 3 stay.
    const sorted = [...archives].sort((x, y) => String(y.backupStart).localeCompare(String(x.backupStart)))
    sizes.push(...sorted.slice(3).map((x: { totalSize: number }) => x.totalSize))
  }
  const freed = sizes.reduce((n, x) => n + x, 0)

  await page.goto('/retention')
  await expect(page.getByRole('heading', { level: 1, name: 'Retention' })).toBeVisible()
  await page.getByRole('button', { name: 'Add policy' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a retention policy' })
  // Nothing to keep and no name: each message under its own field, nothing sent.
  for (const label of ['Keep the last', 'Keep one a week for']) await dialog.getByLabel(label).fill('')
  await dialog.getByRole('radio', { name: 'Sites with these tags' }).check()
  await dialog.getByRole('button', { name: 'Add policy' }).click()
  await expect(dialog.getByText('Give the policy a name')).toBeVisible()
  await expect(dialog.getByText('Give at least one rule')).toBeVisible()
  await expect(dialog.getByText('Choose at least one tag')).toBeVisible()
  await expect(dialog.getByLabel('Keep the last')).toHaveAttribute('aria-invalid', 'true')
  await shot(page, 'retention-form-errors')

  await dialog.getByLabel('Name').fill(name)
  await dialog.getByLabel('Keep the last').fill('3')
  await dialog.getByRole('group', { name: 'Tags' }).getByRole('checkbox', { name: tag }).check()
  await dialog.getByRole('checkbox', { name: /Also backups not made by Stepwise/ }).check()
  await dialog.getByRole('button', { name: 'Add policy' }).click()
  await expect(dialog).toHaveCount(0)

  const { policies } = (await (await page.request.get('/api/retention-policies')).json()) as {
    policies: RetentionPolicyDto[]
  }
  const policy = policies.find((p) => p.name === name)!
  expect(policy).toMatchObject({
    tags: [tag],
    siteIds: [],
    keepLast: 3,
    keepDays: null,
    keepWeekly: null,
    keepMonthly: null,
    action: 'delete_files',
    includeForeign: true,
    enabled: true,
  })

  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })
  await expect(card).toContainText('Keeps the last 3.')
  await expect(card).toContainText(`Applies to: sites tagged ${tag}`)
  await card.getByRole('button', { name: 'Preview' }).click()
  const preview = page.getByRole('region', { name: `Preview of ${name}` })
  const sentence = `Would remove 7 archives on 2 sites, free ${formatBytes(freed)}`
  await expect(preview.getByRole('status')).toHaveText(`${sentence}.`)
  const api = (await (
    await page.request.get(`/api/retention-policies/${policy.id}/preview`)
  ).json()) as RetentionPreview
  expect(api.summary).toEqual({ removeCount: 7, siteCount: 2, bytes: freed })
  const kept = preview.getByRole('region', { name: 'Kept' })
  await expect(kept.locator(':scope > ul > li').filter({ hasText: `keepLast 3 (policy ${name})` })).toHaveCount(6)
  await expect(kept.getByText('newest complete backup with files').first()).toBeVisible()
  await expect(preview.getByRole('region', { name: 'Would remove' })).toContainText(`policy ${name}: `)
  await shot(page, 'retention-preview')

  await page.goto(`/sites/${a.siteId}`)
  const panel = page.getByRole('region', { name: 'Retention' })
  await expect(panel.getByRole('list', { name: 'Policies that apply' })).toContainText(name)
  await expect(panel.getByRole('status')).toContainText('Would remove 5 archives on 1 site')
  await expect(panel.getByRole('region', { name: 'Kept' })).toContainText('(3)')
  await shot(page, 'site-retention-panel')
})

test('edit and delete a policy', async ({ page, baseURL }) => {
  const name = `Everything ${Date.now().toString(36)}`
  const r = await ownerFetch(
    '/api/retention-policies',
    { method: 'POST', body: JSON.stringify({ name, keepDays: 30, enabled: false }) },
    baseURL,
  )
  expect(r.status).toBe(201)
  await page.goto('/retention')
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })
  await expect(card).toContainText('Keeps every backup of the last 30 days.')
  await expect(card).toContainText('Applies to: Every site')
  await expect(card).toContainText('Disabled')
  await card.getByRole('button', { name: `Edit ${name}` }).click()
  const dialog = page.getByRole('dialog', { name: `Edit “${name}”` })
  await dialog.getByLabel('Keep one a month for').fill('6')
  await dialog.getByLabel('What happens to the others').selectOption('delete_records')
  await dialog.getByRole('button', { name: 'Save policy' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(card).toContainText('Keeps every backup of the last 30 days, one a month for 6 months.')
  await expect(card).toContainText('deletes backups')
  await card.getByRole('button', { name: `Delete ${name}` }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete policy' }).click()
  await expect(page.getByRole('heading', { name })).toHaveCount(0)
})

/** Serious or critical axe-core violations (WCAG 2.1 A/AA) on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: resolve('node_modules/axe-core/axe.min.js') })
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return r.violations
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[]
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('the retention page, its form and a preview have no serious accessibility violations', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const s = await addConnectedSite(
    baseURL!,
    { id: uniqueId('rx'), seedHistory: 4, scenario: { countQuota: 0 } },
    `Axe ${Date.now().toString(36)}`,
  )
  await page.request.post(`/api/sites/${s.siteId}/archives/sync`)
  const name = `Axe policy ${Date.now().toString(36)}`
  const r = await ownerFetch(
    '/api/retention-policies',
    { method: 'POST', body: JSON.stringify({ name, siteIds: [s.siteId], keepLast: 2, includeForeign: true }) },
    baseURL,
  )
  expect(r.status).toBe(201)
  const failures: string[] = []
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
      await page.goto('/retention')
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })
      await card.getByRole('button', { name: 'Preview' }).click()
      await expect(page.getByRole('region', { name: `Preview of ${name}` }).getByRole('status')).toContainText(
        'Would remove 2 archives on 1 site',
      )
      failures.push(...(await seriousViolations(page)).map((v) => `retention @${width} ${theme}: ${v}`))
      await page.getByRole('button', { name: 'Add policy' }).click()
      await page.getByRole('dialog').getByRole('button', { name: 'Add policy' }).click()
      await expect(page.getByRole('dialog').getByText('Give the policy a name')).toBeVisible()
      failures.push(...(await seriousViolations(page)).map((v) => `policy form @${width} ${theme}: ${v}`))
      await page.goto(`/sites/${s.siteId}`)
      await expect(page.getByRole('region', { name: 'Retention' }).getByRole('status')).toBeVisible()
      failures.push(...(await seriousViolations(page)).map((v) => `site panel @${width} ${theme}: ${v}`))
    }
  }
  // The policy only covers this spec's site; removed so later specs see no policy of ours.
  await ownerFetch(`/api/retention-policies/${(await r.json()).policy.id}`, { method: 'DELETE' }, baseURL)
  expect(failures.join('\n')).toBe('')
})
