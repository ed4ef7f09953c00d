// argon2id through @node-rs/argon2 (prebuilt N-API binary from npm; nothing compiled or downloaded).
import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id minimum (m=19 MiB, t=2, p=1): about 50 ms on this machine.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

export const MIN_PASSWORD_LENGTH = 10
