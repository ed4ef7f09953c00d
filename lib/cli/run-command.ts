// Runs a parsed command like a starting server would: log lines to stderr, migrations first (the
// command may come before the first start), then the command; the database is disconnected after,
// so the process exits on its own.
import { closeDatabase, prepareDatabase } from '../db/lifecycle'
import type { Io } from './io'
import { logToStderr } from './log-to-stderr'
import type { Command } from './parse-command'
import { runSecretCommand } from './secret-commands'
import { runTokenCommand } from './token-commands'
import { runUserCommand } from './user-commands'

export async function runCommand(c: Exclude<Command, { cmd: 'help' }>, io: Io): Promise<void> {
  try {
    logToStderr()
    const m = await prepareDatabase()
    if (m.applied.length) io.err(`stepwise: database prepared (${m.applied.length} migrations applied)`)
    if (c.cmd.startsWith('user ')) await runUserCommand(c as Extract<Command, { cmd: `user ${string}` }>, io)
    else if (c.cmd === 'secret rotate') await runSecretCommand(c, io)
    else await runTokenCommand(c as Extract<Command, { cmd: `token ${string}` }>, io)
  } finally {
    await closeDatabase()
  }
}
