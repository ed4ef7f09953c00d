// The fake Akeeba site fleet: a faithful stand-in for Akeeba Backup Pro 9.1.1 (WordPress, api 400)
// and 9.3.3 (Joomla, api 500) for tests, the demo fleet and benchmarks.
export { startFakeFleet, type FakeFleet, type FakeFleetOptions } from './fleet'
export { startDemoFleet, demoSiteConfigs, demoKey, type DemoFleetOptions, type DemoSite } from './demo-fleet'
export { readArchive } from './archive-bytes'
export type * from './types'
