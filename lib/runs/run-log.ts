// A readable log of one run, built from its stored steps (Akeeba's API has no log method any more —
// getLog answers 501 — so our steps are the only log there is; warnings survive only here, fact 6).
import { notFound } from '../api/errors'
import { getRunWithSteps } from '../db/runs'
import { domainLabel } from '../format/domains'
import { escapeControlChars } from '../format/control-chars'
import { formatDuration } from '../format/format'

const pad = (s: string | number, n: number) => String(s).padEnd(n)
const time = (iso: string) => iso.replace('T', ' ').replace('Z', ' UTC')
const ms = (iso: string) => Date.parse(iso)

export async function buildRunLog(runId: string): Promise<{ text: string; filename: string }> {
  const found = await getRunWithSteps(runId)
  if (!found) throw notFound('run', runId)
  const { run, siteUrl, steps } = found
  const out: string[] = []
  const t0 = run.startedAt ?? run.createdAt
  out.push('Stepwise backup log', '')
  out.push(`Run        ${run.id}`)
  out.push(`Site       ${run.siteName} (${siteUrl})`)
  out.push(`Status     ${run.status.replace('_', ' ')}`)
  out.push(
    `Trigger    ${run.trigger}${run.requestedBy ? ` by ${run.requestedBy}` : ''}, profile ${run.profileId}${run.backupType ? `, type ${run.backupType}` : ''}`,
  )
  if (run.description) out.push(`Description ${run.description}`)
  out.push(`Queued     ${time(run.createdAt)}`)
  if (run.startedAt) out.push(`Started    ${time(run.startedAt)}`)
  if (run.finishedAt)
    out.push(`Finished   ${time(run.finishedAt)} (took ${formatDuration(ms(run.finishedAt) - ms(t0))})`)
  if (run.archiveName)
    out.push(
      `Archive    ${run.archiveName}${run.remoteRecordId !== null ? ` (site record #${run.remoteRecordId})` : ''}`,
    )
  if (run.remoteBackupId) out.push(`Backup id  ${run.remoteBackupId}`)
  out.push(`Warnings   ${run.warningsCount}`)
  if (run.errorMessage && run.status !== 'running') out.push(`Error      [${run.errorKind}] ${run.errorMessage}`)
  out.push('', `Steps (${steps.length})`, '')
  for (const s of steps) {
    const rel = `+${((ms(s.createdAt) - ms(t0)) / 1000).toFixed(1)}s`
    const head = [
      pad(`#${s.seq}`, 5),
      pad(time(s.createdAt), 28),
      pad(rel, 9),
      pad(s.call, 14),
      pad(s.stepNumber !== null ? `step ${s.stepNumber}` : '', 9),
      pad(s.domain ? domainLabel(s.domain) : '', 11),
      pad(s.progress !== null ? `${s.progress}%` : '', 5),
      pad(`${(s.durationMs / 1000).toFixed(2)} s`, 9),
      `HTTP ${s.httpStatus || '—'}${s.envelopeStatus !== null && s.envelopeStatus !== 200 ? ` status ${s.envelopeStatus}` : ''}${s.stepState ? ` ${s.stepState}` : ''}`,
    ]
    out.push(head.join(' ').trimEnd())
    if (s.step || s.substep) out.push(`      ${[s.step, s.substep].filter(Boolean).join(' — ')}`)
    for (const w of s.warnings) out.push(`      WARNING: ${w}`)
    if (s.error) out.push(`      ERROR${s.errorKind ? ` [${s.errorKind}]` : ''}: ${s.error}`)
  }
  // One entry is one line: site text (warnings, errors, step names) cannot forge lines.
  const lines = out.map(escapeControlChars)
  const stamp = t0.slice(0, 19).replace(/[:T]/g, '-')
  const safe =
    run.siteName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'site'
  return { text: lines.join('\n') + '\n', filename: `stepwise-${safe}-${stamp}-${run.id}.log` }
}
