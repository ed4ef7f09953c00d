import type { Metadata } from 'next'
import { NotificationsView } from '@/components/notifications/notifications-view'
import { pageActor } from '@/lib/auth/page-access'
import { listChannels } from '@/lib/notify/channels'
import { listDeliveries } from '@/lib/notify/deliveries'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Notifications' }

export default async function NotificationsPage() {
  await pageActor('admin', '/notifications')
  const [channels, deliveries] = await Promise.all([listChannels(), listDeliveries({ limit: 50 })])
  return <NotificationsView initial={channels} deliveries={deliveries} />
}
