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
  request: async ({ playwright, baseURL, ownerSession }, provide) => {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: ownerSession, origins: [] },
    })
    await provide(request)
    await request.dispose()
  },
})
