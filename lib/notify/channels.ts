// Alert channels as the API and the page see them. The webhook secret is made here, returned once
// (create, or PATCH with rotateSecret) and otherwise never leaves the server.
import { randomBytes } from 'node:crypto'
import { AppError, notFound } from '../api/errors'
import { recordAudit } from '../db/audit'
import {
  deleteChannelRow,
  findChannelRow,
  insertChannel,
  listChannelRows,
  updateChannelRow,
  type ChannelRecord,
} from '../db/notify-channels'
import { encryptSiteKey } from '../secrets/site-key-cipher'
import { checkDigest, checkTarget, type CreateChannelInput, type UpdateChannelInput } from './channel-input'
import { CHANNEL_TYPES, NOTIFY_EVENTS, type ChannelDto, type ChannelType, type NotifyEventKind } from './types'

const isType = (t: string): t is ChannelType => (CHANNEL_TYPES as readonly string[]).includes(t)
const isEvent = (e: string): e is NotifyEventKind => (NOTIFY_EVENTS as readonly string[]).includes(e)

/** What the API shows of a target: e-mail addresses as they are; a URL as its scheme and host only. */
export function maskTarget(type: ChannelType, target: string): { target: string; masked: boolean } {
  if (type === 'email') return { target, masked: false }
  try {
    const u = new URL(target)
    return { target: `${u.protocol}//${u.host}/…`, masked: true }
  } catch {
    return { target: '…', masked: true }
  }
}

export function toChannelDto(r: ChannelRecord): ChannelDto {
  const type = isType(r.type) ? r.type : 'webhook'
  const shown = maskTarget(type, r.target)
  return {
    id: r.id,
    name: r.name,
    type,
    target: shown.target,
    targetMasked: shown.masked,
    events: r.events.filter(isEvent),
    tags: r.tags,
    siteIds: r.siteIds,
    hasSecret: r.hasSecret,
    reminderHours: r.reminderHours,
    enabled: r.enabled,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

function validTarget(type: ChannelType, target: string): string {
  const t = checkTarget(type, target)
  if (!t.ok) throw new AppError('validation_failed', `target: ${t.message}`, { field: 'target' })
  return t.value
}

function validDigest(c: Parameters<typeof checkDigest>[0]): void {
  const m = checkDigest(c)
  if (m) throw new AppError('validation_failed', `events: ${m}`, { field: 'events' })
}

const newSecret = () => `whsec_${randomBytes(32).toString('hex')}`

export async function listChannels(): Promise<ChannelDto[]> {
  return (await listChannelRows()).map(toChannelDto)
}

export async function getChannel(id: string): Promise<ChannelDto> {
  const r = await findChannelRow(id)
  if (!r) throw notFound('channel', id)
  return toChannelDto(r)
}

export async function createChannel(input: CreateChannelInput): Promise<{ channel: ChannelDto; secret?: string }> {
  validDigest({ type: input.type, events: input.events, tags: input.tags ?? [], siteIds: input.siteIds ?? [] })
  const secret = input.type === 'webhook' ? newSecret() : undefined
  const r = await insertChannel({
    name: input.name,
    type: input.type,
    target: validTarget(input.type, input.target),
    events: [...new Set(input.events)],
    tags: [...new Set(input.tags ?? [])],
    siteIds: [...new Set(input.siteIds ?? [])],
    reminderHours: input.reminderHours,
    enabled: input.enabled,
    secretEncrypted: secret ? encryptSiteKey(secret) : null,
  })
  await recordAudit('channel.created', { details: { channelId: r.id, name: r.name, type: r.type } })
  return { channel: toChannelDto(r), ...(secret ? { secret } : {}) }
}

export async function updateChannel(
  id: string,
  input: UpdateChannelInput,
): Promise<{ channel: ChannelDto; secret?: string }> {
  const current = await findChannelRow(id)
  if (!current) throw notFound('channel', id)
  const type = isType(current.type) ? current.type : 'webhook'
  if (input.rotateSecret && type !== 'webhook')
    throw new AppError('validation_failed', 'rotateSecret: only webhook channels have a secret', {
      field: 'rotateSecret',
    })
  validDigest({
    type,
    events: input.events ?? current.events,
    tags: input.tags ?? current.tags,
    siteIds: input.siteIds ?? current.siteIds,
  })
  const secret = input.rotateSecret ? newSecret() : undefined
  const r = await updateChannelRow(id, {
    name: input.name,
    target: input.target !== undefined ? validTarget(type, input.target) : undefined,
    events: input.events ? [...new Set(input.events)] : undefined,
    tags: input.tags ? [...new Set(input.tags)] : undefined,
    siteIds: input.siteIds ? [...new Set(input.siteIds)] : undefined,
    reminderHours: input.reminderHours,
    enabled: input.enabled,
    ...(secret ? { secretEncrypted: encryptSiteKey(secret) } : {}),
  })
  if (!r) throw notFound('channel', id)
  const changed = Object.keys(input).filter((k) => k !== 'rotateSecret')
  await recordAudit('channel.updated', {
    details: { channelId: id, name: r.name, changed, ...(secret ? { secretRotated: true } : {}) },
  })
  return { channel: toChannelDto(r), ...(secret ? { secret } : {}) }
}

export async function deleteChannel(id: string): Promise<{ deleted: true }> {
  const r = await findChannelRow(id)
  if (!r || !(await deleteChannelRow(id))) throw notFound('channel', id)
  await recordAudit('channel.deleted', { details: { channelId: id, name: r.name, type: r.type } })
  return { deleted: true }
}
