import { describe, expect, it } from 'vitest'
import { parseCommand, parseExpiry, UsageError } from './parse-command'

const PW = 'correct horse battery'
const fails = (argv: string[]) => {
  try {
    parseCommand(argv)
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError)
    return (e as Error).message
  }
  throw new Error(`parsed: ${argv.join(' ')}`)
}

describe('parseCommand: the forms automation depends on', () => {
  it('user add --email E --password P --role R', () => {
    expect(parseCommand(['user', 'add', '--email', 'Ann@Agency.test', '--password', PW, '--role', 'admin'])).toEqual({
      cmd: 'user add',
      email: 'ann@agency.test',
      password: PW,
      role: 'admin',
    })
  })

  it('token create --name N --role R [--expires]', () => {
    expect(parseCommand(['token', 'create', '--name', 'ci', '--role', 'viewer'])).toEqual({
      cmd: 'token create',
      name: 'ci',
      role: 'viewer',
      expiresAt: null,
    })
    expect(parseCommand(['token', 'create', '--name', 'ci', '--role', 'operator', '--expires', '2027-01-31'])).toEqual({
      cmd: 'token create',
      name: 'ci',
      role: 'operator',
      expiresAt: new Date('2027-01-31T00:00:00Z'),
    })
  })

  it('accepts --flag=value, flags in any order, an optional name, and --password - for stdin', () => {
    expect(
      parseCommand(['user', 'add', '--role=viewer', '--name', 'Ann B', '--password', '-', '--email=a@agency.test']),
    ).toEqual({ cmd: 'user add', email: 'a@agency.test', password: null, name: 'Ann B', role: 'viewer' })
  })

  it('the other commands', () => {
    expect(parseCommand(['user', 'list'])).toEqual({ cmd: 'user list', json: false })
    expect(parseCommand(['token', 'list', '--json'])).toEqual({ cmd: 'token list', json: true })
    expect(parseCommand(['user', 'set-role', '--email', 'a@agency.test', '--role', 'owner'])).toEqual({
      cmd: 'user set-role',
      email: 'a@agency.test',
      role: 'owner',
    })
    expect(parseCommand(['user', 'disable', '--email', 'a@agency.test'])).toMatchObject({ cmd: 'user disable' })
    expect(parseCommand(['user', 'enable', '--email', 'a@agency.test'])).toMatchObject({ cmd: 'user enable' })
    expect(parseCommand(['user', 'reset-password', '--email', 'a@agency.test', '--password', PW])).toMatchObject({
      cmd: 'user reset-password',
      password: PW,
    })
    expect(parseCommand(['token', 'revoke', '--id', 'abc'])).toEqual({ cmd: 'token revoke', id: 'abc' })
  })

  it('help in any position', () => {
    expect(parseCommand(['help'])).toEqual({ cmd: 'help' })
    expect(parseCommand(['--help'])).toEqual({ cmd: 'help' })
    expect(parseCommand(['token', 'create', '-h'])).toEqual({ cmd: 'help' })
  })
})

describe('parseCommand: bad input is one line naming the flag', () => {
  it('unknown commands', () => {
    expect(fails([])).toMatch(/no command/)
    expect(fails(['frob'])).toMatch(/unknown command "frob"/)
    expect(fails(['user'])).toMatch(/user: say which: add, list/)
    expect(fails(['token', 'make'])).toMatch(/token: unknown command "make": use create, list, revoke/)
  })

  it('missing, unknown, repeated and valueless flags', () => {
    expect(fails(['user', 'add', '--email', 'a@agency.test', '--password', PW])).toBe('user add: missing --role')
    expect(fails(['token', 'create', '--role', 'viewer'])).toBe('token create: missing --name')
    expect(fails(['token', 'create', '--name', 'ci', '--role', 'viewer', '--owner'])).toMatch(/unknown flag --owner/)
    expect(fails(['token', 'create', '--name', 'a', '--name', 'b', '--role', 'viewer'])).toMatch(
      /--name is given twice/,
    )
    expect(fails(['token', 'create', '--name', '--role', 'viewer'])).toBe('token create: --name needs a value')
    expect(fails(['token', 'create', '--role', 'viewer', '--name'])).toBe('token create: --name needs a value')
    expect(fails(['user', 'list', 'extra'])).toMatch(/unexpected argument "extra"/)
    expect(fails(['user', 'list', '--json=yes'])).toMatch(/--json takes no value/)
  })

  it('bad values', () => {
    const add = (over: Record<string, string>) => {
      const f = { email: 'a@agency.test', password: PW, role: 'viewer', ...over }
      return fails(['user', 'add', ...Object.entries(f).flatMap(([k, v]) => [`--${k}`, v])])
    }
    expect(add({ role: 'root' })).toBe('user add: --role: must be owner, admin, operator or viewer (got "root")')
    expect(add({ password: 'short' })).toBe('user add: --password: at least 10 characters')
    expect(add({ email: 'nope' })).toBe('user add: --email: must be an e-mail address')
    expect(add({ name: '\u0007' })).toMatch(/^user add: --name: /)
    expect(fails(['token', 'create', '--name', 'ci', '--role', 'owner'])).toMatch(
      /^token create: --role: must be admin, operator or viewer/,
    )
    expect(fails(['token', 'create', '--name', 'ci', '--role', 'viewer', '--expires', 'tomorrow'])).toMatch(
      /^token create: --expires: must be a date/,
    )
    expect(fails(['token', 'revoke', '--id', ' '])).toBe('token revoke: --id needs a value')
  })
})

describe('parseExpiry', () => {
  it('a day is 00:00 UTC; a date-time needs a zone; impossible dates are refused', () => {
    expect(parseExpiry('2027-01-31')).toEqual(new Date('2027-01-31T00:00:00Z'))
    expect(parseExpiry('2027-01-31T18:00:00+02:00')).toEqual(new Date('2027-01-31T16:00:00Z'))
    expect(parseExpiry('2027-01-31T18:00Z')).toEqual(new Date('2027-01-31T18:00:00Z'))
    expect(parseExpiry('2027-01-31T18:00:00')).toBeNull()
    expect(parseExpiry('2027-02-30')).toBeNull()
    expect(parseExpiry('2027-13-01T00:00:00Z')).toBeNull()
    expect(parseExpiry('31.01.2027')).toBeNull()
  })
})
