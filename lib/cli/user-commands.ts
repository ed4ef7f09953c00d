// `user …` commands: each calls the same lib/auth function as the users page and its API route.
import { resetPassword } from '../auth/reset-password'
import { resetTwoFactor } from '../auth/reset-two-factor'
import { userIdByEmail } from '../auth/user-by-email'
import { createUser, listUsers, updateUser, type UserDto } from '../auth/users'
import { cliActor } from './cli-actor'
import { formatTable, shortTime } from './format-table'
import type { Io } from './io'
import type { Command } from './parse-command'

type UserCommand = Extract<Command, { cmd: `user ${string}` }>

const userLabel = (u: UserDto) => `${u.email} (${u.role}${u.disabled ? ', disabled' : ''})`

export async function runUserCommand(c: UserCommand, io: Io): Promise<void> {
  const actor = cliActor()
  switch (c.cmd) {
    case 'user add': {
      const password = c.password ?? (await io.readLine())
      const u = await createUser({ email: c.email, password, name: c.name, role: c.role }, actor.label)
      io.out(`added ${userLabel(u)}, id ${u.id}`)
      const users = await listUsers()
      if (!users.some((x) => x.role === 'owner' && !x.disabled))
        io.err(
          `note: there is no owner, and the setup page is closed now that a user exists; make one with\n` +
            `  npm run -s stepwise -- user set-role --email E --role owner`,
        )
      return
    }
    case 'user list': {
      const users = await listUsers()
      if (c.json) return io.out(JSON.stringify(users, null, 2))
      const rows = users.map((u) => [
        u.email,
        u.role,
        u.disabled ? 'disabled' : 'active',
        u.twoFactorEnabled ? 'on' : 'off',
        shortTime(u.createdAt),
        u.name,
      ])
      for (const line of formatTable(['EMAIL', 'ROLE', 'STATE', '2FA', 'CREATED', 'NAME'], rows)) io.out(line)
      return
    }
    case 'user set-role': {
      const u = await updateUser(await userIdByEmail(c.email), { role: c.role }, actor)
      return io.out(`${u.email} is now ${u.role}`)
    }
    case 'user disable':
    case 'user enable': {
      const disabled = c.cmd === 'user disable'
      const u = await updateUser(await userIdByEmail(c.email), { disabled }, actor)
      return io.out(disabled ? `disabled ${u.email}; their sessions have ended` : `enabled ${u.email}`)
    }
    case 'user reset-password': {
      const password = c.password ?? (await io.readLine())
      await resetPassword(await userIdByEmail(c.email), password, actor.label)
      return io.out(`new password set for ${c.email}; their sessions have ended`)
    }
    case 'user reset-2fa': {
      await resetTwoFactor(await userIdByEmail(c.email), actor.label)
      return io.out(`two-factor sign-in turned off for ${c.email}; their sessions have ended`)
    }
  }
}
