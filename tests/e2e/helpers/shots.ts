// Screenshots at desktop and phone width when E2E_SHOTS_DIR is set (to look at the pages, not to assert).
import type { Page } from '@playwright/test'

const SHOTS = process.env.E2E_SHOTS_DIR

export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}
