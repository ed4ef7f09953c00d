import { describe, expect, it } from 'vitest'
import { AppError } from '../api/errors'
import { parseConfig } from '../config'
import { errorLine } from './error-line'
import { UsageError } from './parse-command'

describe('errorLine', () => {
  it('names the flag of a field error from lib/auth, without repeating the field', () => {
    const e = new AppError('validation_failed', 'expiresAt: must be in the future', { field: 'expiresAt' })
    expect(errorLine(e, 'token create')).toEqual({ line: 'token create: --expires: must be in the future', status: 2 })
    const dup = new AppError('conflict', 'A user with the e-mail a@x.test exists already.', { field: 'email' })
    expect(errorLine(dup, 'user add').line).toBe('user add: --email: A user with the e-mail a@x.test exists already.')
  })

  it('usage errors are bad input (2); other failures are 1 and one line', () => {
    expect(errorLine(new UsageError('user add: missing --role'))).toEqual({
      line: 'user add: missing --role',
      status: 2,
    })
    expect(errorLine(new Error('connect ECONNREFUSED 127.0.0.1:5432\n    at x'), 'user list')).toEqual({
      line: 'user list: connect ECONNREFUSED 127.0.0.1:5432',
      status: 1,
    })
  })

  it('a bad configuration is one line naming the variable', () => {
    let err: unknown
    try {
      parseConfig({ DATABASE_URL: 'mysql://x', PORT: 'abc' })
    } catch (e) {
      err = e
    }
    const { line, status } = errorLine(err)
    expect(status).toBe(2)
    expect(line).not.toContain('\n')
    expect(line).toMatch(/^Invalid configuration: DATABASE_URL: .*; PORT: /)
  })
})
