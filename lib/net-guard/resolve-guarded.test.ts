import { afterEach, describe, expect, it } from 'vitest'
import { isRefusedAddress, RefusedAddressError } from './refused-address'
import { resolveGuarded, setResolverForTests, type ResolvedAddress } from './resolve-guarded'

const deny = { allowPrivate: false }
const allow = { allowPrivate: true }
const answers = (...list: string[]): ResolvedAddress[] =>
  list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))

afterEach(() => setResolverForTests(null))

describe('resolveGuarded', () => {
  it('returns the first address when every answer is public', async () => {
    setResolverForTests(async () => answers('203.0.113.5', '2001:db8::5'))
    await expect(resolveGuarded('site.example', deny)).resolves.toEqual({ address: '203.0.113.5', family: 4 })
  })

  it('refuses a name when any of its addresses is internal, naming host, address and the switch', async () => {
    setResolverForTests(async () => answers('203.0.113.5', '10.0.0.5'))
    const err = await resolveGuarded('site.example', deny).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RefusedAddressError)
    expect(isRefusedAddress(err)).toBe(true)
    expect((err as Error).message).toBe(
      'site.example resolves to 10.0.0.5, a private address; set STEPWISE_ALLOW_PRIVATE_NETWORKS=true if your sites are on your own network.',
    )
  })

  it('checks IP literals without asking DNS, brackets included', async () => {
    setResolverForTests(async () => {
      throw new Error('DNS must not be asked for a literal')
    })
    await expect(resolveGuarded('[::1]', deny)).rejects.toThrow(/::1 is a loopback address/)
    await expect(resolveGuarded('[::1]', allow)).resolves.toEqual({ address: '::1', family: 6 })
    await expect(resolveGuarded('127.0.0.1', allow)).resolves.toEqual({ address: '127.0.0.1', family: 4 })
  })

  it('the allow switch opens loopback, private and CGNAT, never metadata or link-local', async () => {
    for (const ok of ['127.0.0.1', '10.1.2.3', '192.168.0.10', 'fd12::1', '100.64.3.4']) {
      setResolverForTests(async () => answers(ok))
      await expect(resolveGuarded('lan.example', allow)).resolves.toMatchObject({ address: ok })
    }
    for (const bad of [
      '169.254.169.254',
      '100.100.100.200',
      'fd00:ec2::254',
      '169.254.10.10',
      'fe80::1',
      '224.0.0.1',
    ]) {
      setResolverForTests(async () => answers(bad))
      const err = await resolveGuarded('meta.example', allow).catch((e: unknown) => e)
      expect(isRefusedAddress(err), bad).toBe(true)
      expect((err as Error).message).toMatch(/never connects/)
    }
  })

  it('an empty answer is "not found", like the system resolver', async () => {
    setResolverForTests(async () => [])
    await expect(resolveGuarded('gone.example', deny)).rejects.toMatchObject({ code: 'ENOTFOUND' })
  })
})
