// `token …` commands. `token create` prints the token alone as the last line of stdout (automation
// reads it with `tail -1` or `$(…)`); what it says about the token goes to stderr before it.
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens'
import { cliActor } from './cli-actor'
import { formatTable, shortTime } from './format-table'
import type { Io } from './io'
import type { Command } from './parse-command'

type TokenCommand = Extract<Command, { cmd: `token ${string}` }>

export async function runTokenCommand(c: TokenCommand, io: Io): Promise<void> {
  const actor = cliActor()
  switch (c.cmd) {
    case 'token create': {
      const { token, apiToken: t } = await createApiToken(
        { name: c.name, role: c.role, expiresAt: c.expiresAt },
        actor.label,
      )
      io.err(
        `created token "${t.name}" (${t.role}, ${t.expiresAt ? `expires ${shortTime(t.expiresAt)}` : 'no expiry'}), id ${t.id}.`,
      )
      io.err('It is shown this once (Stepwise keeps only its hash); send it as Authorization: Bearer <token>:')
      return io.out(token)
    }
    case 'token list': {
      const tokens = await listApiTokens()
      if (c.json) return io.out(JSON.stringify(tokens, null, 2))
      const rows = tokens.map((t) => [
        t.id,
        t.name,
        t.role,
        t.state,
        `${t.prefix}…`,
        shortTime(t.lastUsedAt),
        shortTime(t.expiresAt),
        t.createdBy ?? '-',
      ])
      const header = ['ID', 'NAME', 'ROLE', 'STATE', 'STARTS', 'LAST USED', 'EXPIRES', 'CREATED BY']
      for (const line of formatTable(header, rows)) io.out(line)
      return
    }
    case 'token revoke': {
      const t = await revokeApiToken(c.id, actor.label)
      return io.out(`revoked token "${t.name}" (${t.id})`)
    }
  }
}
