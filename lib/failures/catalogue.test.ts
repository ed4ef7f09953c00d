// Each catalogue entry is tested with real text: the recorded Akeeba transcripts (tests/fixtures,
// copies of /work/shared/fixtures) where a failure was recorded, else the exact message PHP or Akeeba
// prints for it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { akeebaLogUrl } from './akeeba-log-link'
import { explainFailure, KNOWN_FAILURE_IDS } from './catalogue'

interface Exchange {
  response: { body?: string }
}

/** Every error text a transcript file answered with (envelope status other than 200). */
function fixtureErrors(file: string): string[] {
  const full = path.resolve(import.meta.dirname, '../../tests/fixtures', file)
  const { exchanges } = JSON.parse(readFileSync(full, 'utf8')) as { exchanges: Exchange[] }
  const out: string[] = []
  for (const ex of exchanges) {
    try {
      const env = JSON.parse(ex.response.body ?? '') as { status: number; data: unknown }
      if (env.status !== 200 && typeof env.data === 'string') out.push(env.data)
    } catch {
      // downloads and HTML pages: not an envelope
    }
  }
  return out
}

const find = (file: string, re: RegExp) => {
  const hit = fixtureErrors(file).find((m) => re.test(m))
  if (!hit) throw new Error(`no message matching ${re} in ${file}`)
  return hit
}

const FALLBACK = { title: 'The backup failed', advice: ['Back up again.'] }
const explain = (errorMessage: string | null, errorKind: string | null = 'backup_error') =>
  explainFailure({ errorKind, errorMessage }, FALLBACK)

const tested = new Set<string>()
function expectEntry(id: string, message: string | null, kind?: string | null) {
  const e = explain(message, kind)
  expect(e.id).toBe(id)
  expect(e.known).toBe(true)
  // The server's words are kept as sent, below the explanation.
  expect(e.serverWords).toBe(message?.trim() || null)
  expect(e.cause.length).toBeGreaterThan(20)
  expect(e.whatToDo.length).toBeGreaterThan(0)
  tested.add(id)
}

describe('failure catalogue, from real server text', () => {
  it('output folder not writable or missing: Q001 on WordPress and on Joomla (untranslated)', () => {
    const wp = find('akeeba-wp-9.1.1/04-backup-fails.json', /Q001/)
    expect(wp).toContain('Output directory unwritable')
    expectEntry('output_unwritable', wp)
    const joomla = find('akeeba-joomla/06-backup-fails.json', /Q001/)
    expect(joomla).toContain('COM_AKEEBABACKUP_CPANEL_WARNING_Q001')
    expectEntry('output_unwritable', joomla)
  })

  it('the archive file lost mid-run: the raw PHP ftruncate() type error', () => {
    const wp = find('akeeba-wp-9.1.1/04-backup-fails.json', /ftruncate/)
    expect(wp).toBe(
      'A backup error has occurred: ftruncate(): Argument #1 ($stream) must be of type resource, bool given',
    )
    expectEntry('archive_file_lost', wp)
    expectEntry('archive_file_lost', find('akeeba-joomla/06-backup-fails.json', /ftruncate/))
  })

  it('"problem while saving temporary data" (Joomla, every step after a failure or a killed backup)', () => {
    const m = find('akeeba-joomla/04-error-envelopes.json', /temporary data/)
    expect(m).toBe(
      'A backup error has occurred: Akeeba Engine detected a problem while saving temporary data. Please restart your backup.',
    )
    expectEntry('temp_data', m)
  })

  it('auth failure: "Access denied" (status 503) on both platforms', () => {
    expectEntry('auth', find('akeeba-wp-9.1.1/06-error-envelopes.json', /Access denied/), 'auth')
    expectEntry('auth', find('akeeba-joomla/04-error-envelopes.json', /Access denied/), null)
  })

  it('lost temporary state: the temp state deleted mid-run restarts as a new backup (WordPress 04 C)', () => {
    // No message: the engine sees the fresh init state (backupid "") and ends the run as a zombie.
    expectEntry('lost_state', 'The site answered a fresh backup state (backupid "") mid-run', 'zombie')
    expectEntry('lost_state', null, 'backupid_changed')
  })

  it('disk quota: PHP’s write failure texts (errno 28 / 122)', () => {
    expectEntry(
      'disk_quota',
      'A backup error has occurred: fwrite(): Write of 1048576 bytes failed with errno=28 No space left on device',
    )
    expectEntry('disk_quota', 'fwrite(): Write of 8192 bytes failed with errno=122 Disk quota exceeded')
  })

  it('PHP time limit: PHP’s fatal error text', () => {
    expectEntry('php_time_limit', 'Fatal error: Maximum execution time of 30 seconds exceeded')
  })

  it('memory limit: PHP’s fatal error text', () => {
    expectEntry('memory_limit', 'Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)')
  })

  it('every entry has a test above', () => {
    expect([...tested].sort()).toEqual([...KNOWN_FAILURE_IDS].sort())
  })

  it('falls back to the kind’s advice, keeping the words, for anything unknown', () => {
    const e = explain('Something new went wrong')
    expect(e).toMatchObject({ id: 'unknown', known: false, title: FALLBACK.title, whatToDo: FALLBACK.advice })
    expect(e.serverWords).toBe('Something new went wrong')
    expect(explain(null, 'transport').serverWords).toBeNull()
  })
})

describe('Akeeba log page link', () => {
  it('points at the site’s own admin log page', () => {
    expect(akeebaLogUrl({ baseUrl: 'https://shop.example.com', platform: 'wordpress' })).toBe(
      'https://shop.example.com/wp-admin/admin.php?page=akeebabackup&view=Log',
    )
    expect(akeebaLogUrl({ baseUrl: 'https://example.org/cms/', platform: 'joomla' })).toBe(
      'https://example.org/cms/administrator/index.php?option=com_akeebabackup&view=Log',
    )
    expect(akeebaLogUrl({ baseUrl: 'https://example.org', platform: null })).toBeNull()
    expect(akeebaLogUrl({ baseUrl: 'javascript:alert(1)', platform: 'wordpress' })).toBeNull()
  })
})
