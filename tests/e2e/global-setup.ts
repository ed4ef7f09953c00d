// Starts the fake Akeeba fleet that every e2e spec talks to (through the dashboard, and directly via
// its /_fake control API to add sites and change scenarios). It lives in Playwright's main process.
import { startFakeFleet, type FakeFleet } from '../../lib/fake-site'
import { FAKE_PORT } from './helpers/fleet'

declare global {
  var __e2eFleet: FakeFleet | undefined
}

export default async function globalSetup(): Promise<void> {
  globalThis.__e2eFleet = await startFakeFleet({ port: FAKE_PORT, sites: [] })
}
