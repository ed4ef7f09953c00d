// The `test` every signed-in spec imports: each browser context and `request` carries the owner's
// session (signed in once per worker through the real sign-in endpoint).
import { test as base, type Cookie } from '@playwright/test'
import { ownerCookies } from './auth'

export * from '@playwright/test'

export const test = base.extend<object, { ownerSession: Cookie[] }>({
  ownerSession: [
    async ({}, provide) => {
      await provide(await ownerCookies())
    },
    { scope: 'worker' },
  ],
  storageState: async ({ ownerSession }, provide) => {
    await provide({ cookies: ownerSession, origins: [] })
  },
  // A page opened with goto is used once React has hydrated it: typed text and clicks before then reach
  // server-rendered HTML without handlers (a race that depends on the machine's speed). Pages that are
  // not the app (JSON, downloads) have no Next scripts and are not waited for; `waitUntil: 'commit'`
  // opts out, for tests about the page before hydration.
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page)
    page.goto = async (url, options) => {
      const response = await goto(url, options)
      if (options?.waitUntil !== 'commit') {
        await page.waitForFunction(
          () =>
            document.documentElement.dataset.hydrated !== undefined ||
            !document.querySelector('script[src*="/_next/static/"]'),
        )
      }
      return response
    }
    await provide(page)
  },
  request: async ({ playwright, baseURL, ownerSession }, provide) => {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: ownerSession, origins: [] },
    })
    await provide(request)
    await request.dispose()
  },
})
