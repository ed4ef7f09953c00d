// First start: while no user exists, the setup page creates the owner. When the server listens on a
// non-loopback address, setup also needs a one-time code that the server prints in its log, so
// nobody else on the network can claim a fresh install. There is no default password anywhere.
import { randomInt, timingSafeEqual } from 'node:crypto'
import { AppError } from '../api/errors'
import { countUsers } from '../db/users'
import { logger } from '../log'
import { listensOnLoopbackOnly, publicUrlIsLoopback } from './public-url'
import { createUser, type UserDto } from './users'

export interface SetupState {
  /** No user exists yet: the setup page is open. */
  needed: boolean
  /** The setup page asks for the code from the server log. */
  codeRequired: boolean
}

const g = globalThis as unknown as { __stepwiseSetupCode?: string }

function newCode(): string {
  // 12 digits in groups of 4: easy to type from a log line, 10^12 guesses.
  const digits = Array.from({ length: 12 }, () => randomInt(10)).join('')
  return digits.replace(/(\d{4})(?=\d)/g, '$1-')
}

/** This process's setup code (made once per process). */
export function setupCode(): string {
  return (g.__stepwiseSetupCode ??= newCode())
}

export async function setupState(): Promise<SetupState> {
  // Reachable from the network (a non-loopback address, or a public URL through a proxy): ask for the code.
  return { needed: (await countUsers()) === 0, codeRequired: !listensOnLoopbackOnly() || !publicUrlIsLoopback() }
}

/** At start: when setup is open and needs a code, print it where the operator will look. */
export async function announceSetup(): Promise<void> {
  const s = await setupState()
  if (!s.needed) return
  if (s.codeRequired)
    logger().warn(
      { setupCode: setupCode() },
      `No user exists yet. Open Stepwise and create the owner with this setup code: ${setupCode()}`,
    )
  else logger().info('No user exists yet. Open Stepwise in a browser on this machine to create the owner account.')
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given.replace(/\D/g, ''))
  const b = Buffer.from(expected.replace(/\D/g, ''))
  return a.length === b.length && timingSafeEqual(a, b)
}

export interface SetupInput {
  email: string
  password: string
  name?: string
  setupCode?: string
}

/** Creates the owner; refused once any user exists. */
export async function createOwner(input: SetupInput): Promise<UserDto> {
  const s = await setupState()
  if (!s.needed) throw new AppError('conflict', 'Stepwise is set up already: sign in instead.')
  if (s.codeRequired && !sameCode(input.setupCode ?? '', setupCode())) {
    throw new AppError(
      'forbidden',
      'The setup code is wrong. It is in the server log ("create the owner with this setup code").',
      { field: 'setupCode' },
    )
  }
  return createUser({ email: input.email, password: input.password, name: input.name, role: 'owner' }, null)
}
