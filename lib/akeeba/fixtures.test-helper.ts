// Loads the recorded transcripts in tests/fixtures/*/ for replay tests.
import fs from 'node:fs'
import path from 'node:path'

export interface FixtureExchange {
  label?: string
  request: {
    method: string | null
    params: Record<string, string>
    transport: string
    auth: string
    httpVerb?: string
    endpoint?: string
    accept?: string
  }
  response: {
    httpStatus: number
    contentType: string
    body: string
    httpReason?: string
    headers?: [string, string][]
  } | null
  clientError?: string
  ms: number
}

export interface FixtureFile {
  dir: string
  file: string
  scenario: string
  exchanges: FixtureExchange[]
}

export const FIXTURE_ROOT = path.resolve(import.meta.dirname, '../../tests/fixtures')

export function loadFixtures(): FixtureFile[] {
  const out: FixtureFile[] = []
  for (const dir of fs.readdirSync(FIXTURE_ROOT).sort()) {
    const full = path.join(FIXTURE_ROOT, dir)
    if (!fs.statSync(full).isDirectory()) continue
    for (const file of fs
      .readdirSync(full)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const json = JSON.parse(fs.readFileSync(path.join(full, file), 'utf8'))
      out.push({ dir, file, scenario: json.scenario, exchanges: json.exchanges })
    }
  }
  return out
}

export function exchange(dir: string, filePrefix: string, index: number): FixtureExchange {
  const f = loadFixtures().find((x) => x.dir === dir && x.file.startsWith(filePrefix))
  if (!f) throw new Error(`no fixture ${dir}/${filePrefix}`)
  return f.exchanges[index]
}

/** Recorded download payloads are cut to 60 base64 chars plus a note (fixture README); keep the prefix. */
export function untruncate(body: string): string {
  return body.replace(/\.\.\.\[truncated: base64 string of \d+ chars\]/g, '')
}

export const isBinarySummary = (body: string) => body.startsWith('[binary body:')
