// Who the command line acts as. Whoever runs it holds the server and its database, so it has the
// owner's rights; the audit trail names it "cli:<login name>".
import { userInfo } from 'node:os'
import type { Actor } from '../domain/roles'

function loginName(): string {
  try {
    return userInfo().username
  } catch {
    // A container user without a passwd entry.
    return process.env.USER ?? 'unknown'
  }
}

export function cliActor(): Actor {
  const label = `cli:${loginName()}`
  return { kind: 'user', id: label, label, name: 'command line', role: 'owner', ip: null }
}
