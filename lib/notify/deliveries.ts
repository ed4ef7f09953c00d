// Recent deliveries as the API and the page show them, with the receiver's last answer.
import { listDeliveryRows, type DeliveryRecord } from '../db/notify-deliveries'
import { DELIVERY_STATUSES, type DeliveryDto, type DeliveryStatus } from './types'

const isStatus = (s: string): s is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(s)

function toDto(r: DeliveryRecord): DeliveryDto {
  return {
    id: r.id,
    eventId: r.eventId,
    channelId: r.channelId,
    channelName: r.channelName,
    siteId: r.siteId,
    event: r.kind,
    status: isStatus(r.status) ? r.status : 'pending',
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    lastAnswer: r.lastAnswer,
    lastStatus: r.lastStatus,
    sentAt: r.sentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }
}

export async function listDeliveries(f: {
  channelId?: string
  status?: DeliveryStatus
  limit?: number
}): Promise<DeliveryDto[]> {
  return (await listDeliveryRows(f)).map(toDto)
}
