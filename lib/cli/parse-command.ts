// `npm run -s stepwise -- <command> [flags]`: argv → one checked command, without touching the
// database, so bad input fails fast with one line naming the flag. The e-mail, password and name
// rules are the API's own (lib/auth/auth-input.ts); automation depends on the command forms.
import type { z } from 'zod'
import { createTokenInput, createUserInput } from '../auth/auth-input'
import { ASSIGNABLE_ROLES, ROLES, type Role } from '../domain/roles'

type TokenRole = (typeof ASSIGNABLE_ROLES)[number]

export type Command =
  | { cmd: 'help' }
  /** password null: read it from stdin (`--password -`), so it stays out of the shell history. */
  | { cmd: 'user add'; email: string; password: string | null; name?: string; role: Role }
  | { cmd: 'user list'; json: boolean }
  | { cmd: 'user set-role'; email: string; role: Role }
  | { cmd: 'user disable'; email: string }
  | { cmd: 'user enable'; email: string }
  | { cmd: 'user reset-password'; email: string; password: string | null }
  | { cmd: 'user reset-2fa'; email: string }
  | { cmd: 'token create'; name: string; role: TokenRole; expiresAt: Date | null }
  | { cmd: 'token list'; json: boolean }
  | { cmd: 'token revoke'; id: string }
  /** old/new: base64 secrets; null = the configured one / a fresh random one. */
  | { cmd: 'secret rotate'; oldSecret: string | null; newSecret: string | null }

export type CommandName = Exclude<Command['cmd'], 'help'>

/** Bad command-line input: the message is the one line the user sees. */
export class UsageError extends Error {}

type Kind = 'value' | 'bool'

// The flags each command accepts; `!` marks the required ones.
const SPECS: Record<CommandName, Record<string, Kind>> = {
  'user add': { 'email!': 'value', 'password!': 'value', name: 'value', 'role!': 'value' },
  'user list': { json: 'bool' },
  'user set-role': { 'email!': 'value', 'role!': 'value' },
  'user disable': { 'email!': 'value' },
  'user enable': { 'email!': 'value' },
  'user reset-password': { 'email!': 'value', 'password!': 'value' },
  'user reset-2fa': { 'email!': 'value' },
  'token create': { 'name!': 'value', 'role!': 'value', expires: 'value' },
  'token list': { json: 'bool' },
  'token revoke': { 'id!': 'value' },
  'secret rotate': { old: 'value', new: 'value' },
}

const isCommandName = (s: string): s is CommandName => s in SPECS

function readFlags(cmd: CommandName, args: string[]): Map<string, string | true> {
  const spec = new Map(Object.entries(SPECS[cmd]).map(([k, kind]) => [k.replace(/!$/, ''), kind]))
  const flags = new Map<string, string | true>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg)
    if (!m) throw new UsageError(`${cmd}: unexpected argument "${arg}" (flags look like --email E)`)
    const [, flag, inline] = m
    const kind = spec.get(flag)
    if (!kind) throw new UsageError(`${cmd}: unknown flag --${flag} (see: npm run -s stepwise -- help)`)
    if (flags.has(flag)) throw new UsageError(`${cmd}: --${flag} is given twice`)
    if (kind === 'bool') {
      if (inline !== undefined) throw new UsageError(`${cmd}: --${flag} takes no value`)
      flags.set(flag, true)
      continue
    }
    const value = inline ?? args[i + 1]
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`${cmd}: --${flag} needs a value`)
    if (inline === undefined) i++
    flags.set(flag, value)
  }
  for (const k of Object.keys(SPECS[cmd]))
    if (k.endsWith('!') && !flags.has(k.slice(0, -1))) throw new UsageError(`${cmd}: missing --${k.slice(0, -1)}`)
  return flags
}

function check<S extends z.ZodType>(cmd: CommandName, flag: string, schema: S, value: string): z.infer<S> {
  const r = schema.safeParse(value)
  if (!r.success) throw new UsageError(`${cmd}: --${flag}: ${r.error.issues[0]?.message ?? 'not valid'}`)
  return r.data
}

function oneOf<T extends string>(cmd: CommandName, flag: string, allowed: readonly T[], value: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`
  throw new UsageError(`${cmd}: --${flag}: must be ${list} (got "${value}")`)
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** `2027-01-31` (the token stops working at 00:00 UTC that day) or an ISO date-time with a zone. */
export function parseExpiry(value: string): Date | null {
  const day = DAY.exec(value)
  if (day) {
    const d = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
    return d.toISOString().slice(0, 10) === value ? d : null
  }
  if (!DATE_TIME.test(value)) return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

const password = (cmd: CommandName, value: string): string | null =>
  value === '-' ? null : check(cmd, 'password', createUserInput.shape.password, value)
const email = (cmd: CommandName, value: string): string => check(cmd, 'email', createUserInput.shape.email, value)

/**
 * The command in `argv` (what follows `npm run -s stepwise --`). `help`, `--help` and `-h` anywhere
 * give the help; no arguments at all is a usage error (the help goes to stderr then).
 */
export function parseCommand(argv: string[]): Command {
  if (argv.length === 0) throw new UsageError('no command given (see: npm run -s stepwise -- help)')
  if (argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) return { cmd: 'help' }
  // `rotate-secret` is the documented spelling of `secret rotate`.
  if (argv[0] === 'rotate-secret') argv = ['secret', 'rotate', ...argv.slice(1)]
  const group = argv[0]
  const subs = Object.keys(SPECS)
    .filter((k) => k.startsWith(`${group} `))
    .map((k) => k.slice(group.length + 1))
  if (subs.length === 0) throw new UsageError(`unknown command "${group}": use user, token, rotate-secret or help`)
  const name = `${group} ${argv[1] ?? ''}`
  if (!isCommandName(name))
    throw new UsageError(
      argv[1] === undefined || argv[1].startsWith('-')
        ? `${group}: say which: ${subs.join(', ')}`
        : `${group}: unknown command "${argv[1]}": use ${subs.join(', ')}`,
    )
  const f = readFlags(name, argv.slice(2))
  const str = (k: string) => f.get(k) as string
  switch (name) {
    case 'user add':
      return {
        cmd: name,
        email: email(name, str('email')),
        password: password(name, str('password')),
        ...(f.has('name') ? { name: check(name, 'name', createUserInput.shape.name.unwrap(), str('name')) } : {}),
        role: oneOf(name, 'role', ROLES, str('role')),
      }
    case 'user list':
    case 'token list':
      return { cmd: name, json: f.has('json') }
    case 'user set-role':
      return { cmd: name, email: email(name, str('email')), role: oneOf(name, 'role', ROLES, str('role')) }
    case 'user disable':
    case 'user enable':
    case 'user reset-2fa':
      return { cmd: name, email: email(name, str('email')) }
    case 'user reset-password':
      return { cmd: name, email: email(name, str('email')), password: password(name, str('password')) }
    case 'token create': {
      let expiresAt: Date | null = null
      if (f.has('expires')) {
        expiresAt = parseExpiry(str('expires'))
        if (!expiresAt)
          throw new UsageError(
            `${name}: --expires: must be a date (2027-01-31) or an ISO date-time with a zone (2027-01-31T18:00:00Z)`,
          )
      }
      return {
        cmd: name,
        name: check(name, 'name', createTokenInput.shape.name, str('name')),
        role: oneOf(name, 'role', ASSIGNABLE_ROLES, str('role')),
        expiresAt,
      }
    }
    case 'secret rotate': {
      const b64 = (k: 'old' | 'new') => {
        if (!f.has(k)) return null
        const v = str(k).trim()
        if (Buffer.from(v, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v))
          throw new UsageError(`${name}: --${k}: must be 32 random bytes in base64 (openssl rand -base64 32)`)
        return v
      }
      return { cmd: name, oldSecret: b64('old'), newSecret: b64('new') }
    }
    case 'token revoke':
      if (!str('id').trim()) throw new UsageError(`${name}: --id needs a value`)
      return { cmd: name, id: str('id').trim() }
  }
}
