// `npm run -s stepwise -- rotate-secret [--new B64] [--old B64]`: re-encrypts every stored site key
// under a new secret (lib/secrets/rotate-secret.ts, all or nothing). Stop the web server and workers
// first. With the key file (no STEPWISE_SECRET_KEY), the file is replaced and the old one kept beside
// it; with STEPWISE_SECRET_KEY, the new secret is printed as the last line to put in the environment.
import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, writeFileSync } from 'node:fs'
import { config } from '../config'
import { rotateSecret } from '../secrets/rotate-secret'
import { currentSecret } from '../secrets/site-key-cipher'
import type { Io } from './io'
import type { Command } from './parse-command'

export async function runSecretCommand(c: Extract<Command, { cmd: 'secret rotate' }>, io: Io): Promise<void> {
  const cfg = config()
  const oldSecret = c.oldSecret ?? currentSecret()
  const newSecret = c.newSecret ?? randomBytes(32).toString('base64')
  const { rotated } = await rotateSecret(oldSecret, newSecret)
  io.err(`stepwise: re-encrypted ${rotated} site key${rotated === 1 ? '' : 's'} under the new secret.`)
  io.err('stepwise: sessions are signed with it too: everyone signs in again.')
  if (!cfg.STEPWISE_SECRET_KEY && !c.oldSecret) {
    // Key-file mode: swap the file so the next start uses the new secret; keep the old one for a rollback.
    const backup = `${cfg.keyFile}.${new Date().toISOString().replace(/[:.]/g, '-')}.old`
    if (existsSync(cfg.keyFile)) copyFileSync(cfg.keyFile, backup)
    writeFileSync(cfg.keyFile, newSecret + '\n', { mode: 0o600 })
    io.err(`stepwise: ${cfg.keyFile} now holds the new secret (the old one is in ${backup}). Start Stepwise again.`)
    return
  }
  io.err(
    'stepwise: set STEPWISE_SECRET_KEY to the secret on the last line (web server and every worker), then start Stepwise again.',
  )
  io.out(newSecret)
}
