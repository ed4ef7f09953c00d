// The STORED zip writer, read back by independent readers: Info-ZIP's unzip (test and extract) and
// Python's zipfile, which check every CRC, size and offset in both the plain and the zip64 layout.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { storedZip, zipEntryName, ZipEntrySizeError, zipSize, type ZipEntry, type ZipOptions } from './zip-stream'

const dir = mkdtempSync(path.join(tmpdir(), 'zip-stream-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function entry(name: string, data: Buffer, chunk = 65_536, size = data.length): ZipEntry {
  return {
    name,
    size,
    date: new Date('2026-03-04T05:06:08Z'),
    async *open() {
      for (let i = 0; i < data.length; i += chunk) yield data.subarray(i, i + chunk)
    },
  }
}

async function collect(entries: ZipEntry[], o?: ZipOptions): Promise<Buffer> {
  const out: Buffer[] = []
  for await (const b of storedZip(entries, o)) out.push(b)
  return Buffer.concat(out)
}

const files: [string, Buffer][] = [
  ['site-20260304.jpa', randomBytes(300_001)],
  ['site-20260304.j01', randomBytes(1_000_000)],
  ['site-20260304.j02', Buffer.alloc(0)],
  ['ünïcødé name.j03', randomBytes(17)],
]

describe.each([{ forceZip64: false }, { forceZip64: true }])('storedZip %o', (o) => {
  it('makes a zip that unzip and Python read back byte for byte, of the announced size', async () => {
    const zip = await collect(
      files.map(([n, d]) => entry(n, d, 7_919)),
      o,
    )
    expect(zip.length).toBe(
      zipSize(
        files.map(([n, d]) => entry(n, d)),
        o,
      ),
    )
    const file = path.join(dir, `t-${o.forceZip64}.zip`)
    writeFileSync(file, zip)
    // unzip -t checks each entry's CRC; its exit code is non-zero on any error.
    const test = execFileSync('unzip', ['-t', file], { encoding: 'utf8' })
    expect(test).toMatch(/No errors detected/)
    const out = path.join(dir, `x-${o.forceZip64}`)
    execFileSync('unzip', ['-q', '-o', file, '-d', out])
    for (const [n, d] of files) expect(readFileSync(path.join(out, n)).equals(d)).toBe(true)
    const py = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile,hashlib\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
          'for i in z.infolist(): print(i.filename, i.compress_type, i.file_size, hashlib.sha256(z.read(i)).hexdigest())',
        file,
      ],
      { encoding: 'utf8' },
    )
    const { createHash } = await import('node:crypto')
    expect(py.trim().split('\n')).toEqual(
      files.map(([n, d]) => `${n} 0 ${d.length} ${createHash('sha256').update(d).digest('hex')}`),
    )
  })
})

describe('storedZip refuses a wrong byte count', () => {
  it('throws on a short entry before writing the directory', async () => {
    const data = randomBytes(1000)
    const seen: Buffer[] = []
    const err = await (async () => {
      for await (const b of storedZip([entry('a.jpa', data.subarray(0, 900), 100, 1000)])) seen.push(b)
    })().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ZipEntrySizeError)
    expect((err as ZipEntrySizeError).received).toBe(900)
    // No end of central directory was written: the partial file is not a valid zip.
    expect(Buffer.concat(seen).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false)
  })

  it('throws as soon as an entry runs long', async () => {
    const data = randomBytes(1000)
    const err = await collect([entry('a.jpa', data, 400, 500)]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ZipEntrySizeError)
    expect((err as ZipEntrySizeError).received).toBe(800)
  })
})

describe('zipEntryName', () => {
  it('keeps a plain part name and strips folders, parent references and control characters', () => {
    expect(zipEntryName('site-2026.j01', 'x')).toBe('site-2026.j01')
    expect(zipEntryName('../../etc/passwd', 'x')).toBe('passwd')
    expect(zipEntryName('C:\\temp\\a.jpa', 'x')).toBe('a.jpa')
    expect(zipEntryName('a\u0000b\n.jpa', 'x')).toBe('ab.jpa')
    expect(zipEntryName('..', 'part-2')).toBe('part-2')
    expect(zipEntryName('dir/', 'part-3')).toBe('part-3')
  })
})
