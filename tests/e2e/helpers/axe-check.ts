// axe-core on the current page: serious and critical WCAG 2.1 A/AA violations, as readable text
// ('' when there are none), for specs that check their own pages. `within` limits it to one part (e.g.
// 'main': the page's own content, the shell being a11y.spec's).
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'

const AXE = resolve('node_modules/axe-core/axe.min.js')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

export async function axeSerious(page: Page, within = 'main'): Promise<string> {
  await page.addScriptTag({ path: AXE })
  const found = (await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe
    const r = await axe.run(document.querySelector(selector) ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return r.violations
  }, within)) as Violation[]
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n')
}
