// `npm run demo` signs you in as a demo owner: made only while no user exists, with a fresh random
// password printed once in the console (never a fixed default: a demo may be reachable by others).
import { randomBytes } from 'node:crypto'
import { setupState } from '../auth/setup'
import { createUser } from '../auth/users'

export const DEMO_OWNER_EMAIL = 'demo@stepwise.local'

export type DemoOwner = { created: true; email: string; password: string } | { created: false }

export async function ensureDemoOwner(): Promise<DemoOwner> {
  if (!(await setupState()).needed) return { created: false }
  // 16 characters of base64url: 96 random bits.
  const password = randomBytes(12).toString('base64url')
  const u = await createUser({ email: DEMO_OWNER_EMAIL, password, name: 'Demo owner', role: 'owner' }, 'demo')
  return { created: true, email: u.email, password }
}
