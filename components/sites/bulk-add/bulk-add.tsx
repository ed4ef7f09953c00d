'use client'

import Link from 'next/link'
import { useMemo, useRef, useState, type ChangeEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Download, FileUp, ListChecks, Plus, RotateCcw } from 'lucide-react'
import { ApiError, apiPost } from '@/lib/api/client-fetch'
import { siteKeys } from '@/lib/query-keys'
import { CSV_TEMPLATE, MAX_BULK_ROWS, MAX_CSV_BYTES, parseBulkCsv, type BulkRow } from '@/lib/sites/bulk-import'
import type { BulkAddResult, BulkCheckResult } from '@/lib/sites/bulk-add'
import { Button, ButtonLink } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Panel } from '@/components/ui/panel'
import { BulkResults, type RowView } from './bulk-results'

/** Rows per request: the server takes at most 20, and 20 rows stay far below the 64 KB body cap. */
const CHUNK = 20

type Phase = 'edit' | 'checking' | 'checked' | 'saving' | 'saved'

const chunks = <T,>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

const wire = (r: BulkRow, name?: string) => ({
  line: r.line,
  name: name ?? r.name,
  url: r.url,
  key: r.key,
  tags: r.tags,
})

export function BulkAdd() {
  const qc = useQueryClient()
  const fileRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>('edit')
  const [checks, setChecks] = useState<Map<number, BulkCheckResult>>(new Map())
  const [saves, setSaves] = useState<Map<number, BulkAddResult>>(new Map())
  const [requestError, setRequestError] = useState<string | null>(null)
  // The check belongs to the text it was made for; editing the text starts over.
  const [checkedText, setCheckedText] = useState<string | null>(null)

  const parsed = useMemo(() => parseBulkCsv(text), [text])
  const stale = checkedText !== null && checkedText !== text
  const busy = phase === 'checking' || phase === 'saving'

  const views: RowView[] = parsed.rows.map((row) => ({
    row,
    check: stale ? undefined : checks.get(row.line),
    save: stale ? undefined : saves.get(row.line),
    pending: !stale && busy && !(phase === 'checking' ? checks.has(row.line) : saves.has(row.line)),
    phase,
  }))
  const ready = views.filter((v) => v.check?.ok && !v.save?.ok)
  const added = views.filter((v) => v.save?.ok).length
  const failed = views.filter((v) => v.check && !v.check.ok).length

  function reset(next: string) {
    setText(next)
    if (phase !== 'edit' && !busy) setPhase('edit')
    setRequestError(null)
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0]
    e.target.value = ''
    if (!f) return
    setFileError(null)
    if (f.size > MAX_CSV_BYTES) {
      setFileError(`${f.name} is larger than 1 MB; split it into files of at most ${MAX_BULK_ROWS} rows.`)
      return
    }
    setFileName(f.name)
    reset(await f.text())
  }

  async function runCheck() {
    setRequestError(null)
    setChecks(new Map())
    setSaves(new Map())
    setCheckedText(text)
    setPhase('checking')
    // Rows with their own mistakes are shown as such without asking anyone.
    const local = new Map<number, BulkCheckResult>()
    for (const r of parsed.rows) {
      if (r.problems.length) {
        const p = r.problems[0]
        local.set(r.line, {
          line: r.line,
          ok: false,
          name: r.name,
          nameSuggested: false,
          url: r.url,
          tags: r.tags,
          cause: p.message.startsWith('The same address') ? 'duplicate' : 'invalid',
          field: p.field === 'row' ? undefined : p.field,
          message: r.problems.map((x) => x.message).join(' '),
        })
      }
    }
    setChecks(new Map(local))
    const toAsk = parsed.rows.filter((r) => !r.problems.length)
    try {
      for (const part of chunks(toAsk, CHUNK)) {
        const { results } = await apiPost<{ results: BulkCheckResult[] }>('/api/sites/bulk-check', {
          rows: part.map((r) => wire(r)),
        })
        setChecks((cur) => {
          const next = new Map(cur)
          for (const res of results) next.set(res.line, res)
          return next
        })
      }
      setPhase('checked')
    } catch (err) {
      setRequestError(err instanceof ApiError || err instanceof Error ? err.message : String(err))
      setPhase('checked')
    }
  }

  async function runSave() {
    setRequestError(null)
    setPhase('saving')
    const rows = ready.map((v) => wire(v.row, v.check!.name))
    try {
      for (const part of chunks(rows, CHUNK)) {
        const { results } = await apiPost<{ results: BulkAddResult[] }>('/api/sites/bulk', { rows: part })
        setSaves((cur) => {
          const next = new Map(cur)
          for (const res of results) next.set(res.line, res)
          return next
        })
      }
    } catch (err) {
      setRequestError(err instanceof ApiError || err instanceof Error ? err.message : String(err))
    } finally {
      await qc.invalidateQueries({ queryKey: siteKeys.all })
      setPhase('saved')
    }
  }

  const rowsText = `${parsed.rows.length} row${parsed.rows.length === 1 ? '' : 's'}`
  const showResults = parsed.rows.length > 0 && (phase !== 'edit' || parsed.rows.some((r) => r.problems.length))

  return (
    <div className="flex flex-col gap-5">
      <Panel
        id="csv"
        title="1. Paste or upload a CSV"
        description={
          <>
            One site per line: <code className="font-mono text-[13px]">name,url,key,tags</code>. The header row is
            optional; tags are separated by <code className="font-mono">;</code> or <code className="font-mono">|</code>
            . Leave the name empty to use the site&apos;s title. Up to {MAX_BULK_ROWS} sites at once.
          </>
        }
        actions={
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(CSV_TEMPLATE)}`}
            download="stepwise-sites.csv"
            className="inline-flex items-center gap-1.5 rounded-sm text-sm text-blue-700 hover:underline"
          >
            <Download aria-hidden="true" className="size-4" />
            Template
          </a>
        }
      >
        <div className="flex flex-col gap-3">
          <Field
            label="Sites as CSV"
            hint={
              text
                ? `${rowsText}${parsed.header ? ' (header row found)' : ''}${fileName ? ` · from ${fileName}` : ''}`
                : 'Keys are sent only to check and save the sites; they are stored encrypted and never shown again.'
            }
          >
            {(p) => (
              <textarea
                {...p}
                name="csv"
                rows={8}
                spellCheck={false}
                autoComplete="off"
                disabled={busy}
                value={text}
                onChange={(e) => reset(e.target.value)}
                placeholder={
                  'name,url,key,tags\nBakery Müller,https://www.bakery-mueller.de/,…secret word…,client-a;shop'
                }
                className="block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-[13px] text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:outline-2 focus:-outline-offset-1 focus:outline-blue-600 disabled:bg-slate-50"
              />
            )}
          </Field>
          {parsed.fileProblems.map((p) => (
            <p key={p} role="alert" className="text-sm text-red-700">
              {p}
            </p>
          ))}
          {fileError && (
            <p role="alert" className="text-sm text-red-700">
              {fileError}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <input
              ref={fileRef}
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              className="sr-only"
              aria-label="Upload a CSV file"
              onChange={onFile}
              tabIndex={-1}
            />
            <Button type="button" icon={FileUp} disabled={busy} onClick={() => fileRef.current?.click()}>
              Upload CSV…
            </Button>
            <Button
              type="button"
              variant={checkedText !== null && !stale ? 'secondary' : 'primary'}
              icon={ListChecks}
              busy={phase === 'checking'}
              disabled={!parsed.rows.length || busy}
              onClick={() => void runCheck()}
            >
              {phase === 'checking'
                ? `Checking ${checks.size} of ${parsed.rows.length}…`
                : checkedText !== null
                  ? `Check ${rowsText} again`
                  : `Check ${rowsText}`}
            </Button>
            {stale && <span className="text-sm text-slate-600">The CSV changed since the last check.</span>}
          </div>
        </div>
      </Panel>

      {showResults && (
        <Panel
          id="results"
          padded={false}
          title="2. Check results"
          description={
            phase === 'edit' || stale
              ? 'Rows that need a fix before they can be checked. Nothing is saved until you add the sites.'
              : phase === 'saved' || added
                ? `${added} added${failed ? ` · ${failed} not added (see below)` : ''}.`
                : `${ready.length} ready to add · ${failed} with a problem · nothing is saved yet.`
          }
          actions={
            phase === 'saved' ? (
              <>
                <ButtonLink href="/sites" variant="primary">
                  Go to Sites
                </ButtonLink>
                <Button
                  type="button"
                  icon={RotateCcw}
                  onClick={() => {
                    setText('')
                    setFileName(null)
                    setChecks(new Map())
                    setSaves(new Map())
                    setCheckedText(null)
                    setPhase('edit')
                  }}
                >
                  Add more
                </Button>
              </>
            ) : (
              (phase === 'checked' || phase === 'saving') &&
              !stale && (
                <Button
                  type="button"
                  variant="primary"
                  icon={Plus}
                  busy={phase === 'saving'}
                  disabled={ready.length === 0}
                  onClick={() => void runSave()}
                >
                  {phase === 'saving'
                    ? `Adding… ${saves.size} of ${ready.length + added}`
                    : `Add ${ready.length} site${ready.length === 1 ? '' : 's'}`}
                </Button>
              )
            )
          }
        >
          {requestError && (
            <p role="alert" className="border-b border-slate-200 px-4 py-3 text-sm text-red-700 sm:px-5">
              {requestError}
            </p>
          )}
          <BulkResults views={views} />
        </Panel>
      )}
      {phase === 'saved' && added > 0 && (
        <p className="text-sm text-slate-600">
          Their backup records were read on adding. Next:{' '}
          <Link href="/schedules" className="text-blue-700 hover:underline">
            schedule their backups
          </Link>
          .
        </p>
      )}
    </div>
  )
}
