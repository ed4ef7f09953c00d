// The network boundary: envelope `data` → our own types (STYLE.md §9). Field names are the server's.
import { z } from 'zod'
import {
  AkeebaError,
  type BackupRecord,
  type Profile,
  type RawExchange,
  type StepData,
  type VersionInfo,
} from './types'
import { bool, boolOr, int, intOr, intOrNull, num, stringList, text, textOrNull } from './coerce'

export const stepDataSchema = z
  .object({
    HasRun: bool,
    Domain: text,
    Step: text,
    Substep: text,
    Error: text,
    Warnings: stringList,
    Archive: text,
    Progress: z.preprocess((v) => v ?? 0, num),
    // Absent on pre-335 servers, "" on a WordPress zombie fresh state (akeeba-wp-9.1.1 README §6).
    backupid: text,
    // null in the final `finished` response (fixture 01 of both servers).
    BackupID: intOrNull,
    sleepTime: intOr(0),
    stepNumber: intOr(0),
    stepState: text,
    Profile: intOrNull,
  })
  .transform((d): StepData => ({
    hasRun: d.HasRun,
    domain: d.Domain,
    step: d.Step,
    substep: d.Substep,
    error: d.Error,
    warnings: d.Warnings,
    archive: d.Archive,
    progress: d.Progress,
    backupid: d.backupid,
    recordId: d.BackupID,
    sleepTime: Math.max(0, d.sleepTime),
    stepNumber: d.stepNumber,
    stepState: d.stepState,
    profile: d.Profile,
  }))

export const versionSchema = z
  .object({ api: int, component: text, date: text, edition: text })
  .transform((v): VersionInfo => ({
    api: v.api,
    component: v.component,
    date: v.date,
    edition: v.edition.toLowerCase(),
  }))

// ids are JSON integers on Joomla, strings on WordPress (akeeba-joomla README §5).
const profileSchema = z.object({ id: int, name: text }).transform((p): Profile => ({ id: p.id, name: p.name }))

/** PHP may encode a list as an object with numeric keys; accept both. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : v), z.array(item))

export const profilesSchema = listOf(profileSchema)

const partSchema = z.object({ part: int, name: text, size: intOr(0) })

export const backupRecordSchema = z
  .object({
    id: int,
    description: text,
    comment: text,
    backupstart: textOrNull,
    backupend: textOrNull,
    status: text,
    origin: text,
    type: text,
    profile_id: intOr(0),
    archivename: text,
    absolute_path: text,
    multipart: intOr(0),
    tag: text,
    backupid: text,
    filesexist: boolOr(false),
    frozen: boolOr(false),
    remote_filename: textOrNull,
    total_size: intOr(0),
    meta: textOrNull,
    size: intOrNull,
    filenames: z.preprocess((v) => v ?? [], listOf(partSchema)),
  })
  .transform((r): BackupRecord => ({
    id: r.id,
    description: r.description,
    comment: r.comment,
    backupstart: r.backupstart,
    backupend: r.backupend,
    status: r.status,
    origin: r.origin,
    type: r.type,
    profileId: r.profile_id,
    archivename: r.archivename,
    absolutePath: r.absolute_path,
    multipart: r.multipart,
    tag: r.tag,
    backupid: r.backupid,
    filesexist: r.filesexist,
    frozen: r.frozen,
    remoteFilename: r.remote_filename,
    totalSize: r.total_size,
    meta: r.meta,
    size: r.size,
    filenames: [...r.filenames].sort((a, b) => a.part - b.part),
  }))

export const backupListSchema = listOf(backupRecordSchema)

/** Validates `data`; a wrong shape is a 'protocol' error naming the first offending field. */
export function parseData<T>(schema: z.ZodType<T>, data: unknown, what: string, raw: RawExchange): T {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
  throw new AkeebaError(
    'protocol',
    `The site's ${what} answer has an unexpected shape${where}: ${issue?.message ?? 'invalid'}`,
    {
      envelopeStatus: 200,
      raw,
      cause: result.error,
    },
  )
}
