'use client'

import { BellRing, Inbox, Pencil, Plus, Send, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { EVENT_LABELS, type ChannelDto, type DeliveryDto, type TestResult } from '@/lib/notify/types'
import { Badge, type Tone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { DataTable, type Column } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Panel } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/time'
import { ChannelDialog } from './channel-dialog'
import { TYPE_LABELS } from './channel-labels'
import { useChannels, useDeleteChannel, useDeliveries, useTestChannel } from './use-notifications'
import { StaleBanner } from '@/components/ui/stale-banner'

const DELIVERY: Record<DeliveryDto['status'], { label: string; tone: Tone }> = {
  sent: { label: 'Sent', tone: 'ok' },
  pending: { label: 'Pending', tone: 'idle' },
  failed: { label: 'Failed', tone: 'bad' },
}

const scopeOf = (c: ChannelDto) =>
  !c.tags.length && !c.siteIds.length
    ? 'All sites'
    : [c.tags.length ? `Tags: ${c.tags.join(', ')}` : '', c.siteIds.length ? `${c.siteIds.length} site(s)` : '']
        .filter(Boolean)
        .join(' · ')

/** On a phone the row's buttons show their icons only (each has an aria-label), so the row fits. */
const Label = ({ children }: { children: string }) => <span className="sr-only sm:not-sr-only">{children}</span>

function TestButton({ c }: { c: ChannelDto }) {
  const test = useTestChannel()
  const [result, setResult] = useState<TestResult | null>(null)
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="ghost"
        icon={Send}
        busy={test.isPending}
        aria-label={`Send a test to ${c.name}`}
        onClick={async () =>
          setResult(await test.mutateAsync(c.id).catch((e: Error) => ({ ok: false, status: null, answer: e.message })))
        }
      >
        <Label>Send test</Label>
      </Button>
      {result && (
        <span role="status" className={`max-w-64 text-xs break-words ${result.ok ? 'text-ok-fg' : 'text-bad-fg'}`}>
          {result.ok ? 'Delivered: ' : 'Not delivered: '}
          {result.answer}
        </span>
      )}
    </span>
  )
}

export function NotificationsView({
  initial,
  deliveries: initialDeliveries,
}: {
  initial: ChannelDto[]
  deliveries: DeliveryDto[]
}) {
  const channelsQuery = useChannels(initial)
  const channels = channelsQuery.data ?? []
  const [filter, setFilter] = useState<string | undefined>(undefined)
  const deliveriesQuery = useDeliveries(filter, initialDeliveries)
  const deliveries = deliveriesQuery.data ?? []
  const remove = useDeleteChannel()

  const columns: Column<ChannelDto>[] = [
    {
      key: 'state',
      header: 'State',
      hideBelow: 'sm',
      sortValue: (c) => c.enabled,
      cell: (c) => (
        <Badge size="sm" tone={c.enabled ? 'ok' : 'idle'}>
          {c.enabled ? 'On' : 'Off'}
        </Badge>
      ),
    },
    {
      key: 'name',
      header: 'Channel',
      sortValue: (c) => c.name,
      cell: (c) => (
        <div className="max-w-[11rem] min-w-0 sm:max-w-xs">
          <p className="truncate font-medium text-slate-900" title={c.name}>
            {c.name}
            {!c.enabled && (
              <Badge size="sm" tone="idle" className="ml-1.5 sm:hidden">
                Off
              </Badge>
            )}
          </p>
          <p className="truncate text-xs text-slate-500" title={c.target}>
            {TYPE_LABELS[c.type]} · {c.target}
          </p>
        </div>
      ),
    },
    { key: 'scope', header: 'Sites', hideBelow: 'md', cell: (c) => <span className="text-[13px]">{scopeOf(c)}</span> },
    {
      key: 'events',
      header: 'Events',
      hideBelow: 'lg',
      cell: (c) => (
        <span className="flex flex-wrap gap-1">
          {c.events.map((e) => (
            <Badge key={e} size="sm" tone="idle">
              {EVENT_LABELS[e]}
            </Badge>
          ))}
        </span>
      ),
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      align: 'right',
      cell: (c) => (
        <span className="flex items-start justify-end gap-0.5 sm:flex-wrap sm:gap-1">
          <TestButton c={c} />
          <Button
            size="sm"
            variant="ghost"
            icon={Inbox}
            onClick={() => setFilter(c.id)}
            aria-label={`Deliveries of ${c.name}`}
          >
            <Label>Deliveries</Label>
          </Button>
          <ChannelDialog
            channel={c}
            trigger={(open) => (
              <Button size="sm" variant="ghost" icon={Pencil} onClick={open} aria-label={`Edit ${c.name}`}>
                <Label>Edit</Label>
              </Button>
            )}
          />
          <ConfirmDialog
            trigger={
              <Button
                size="sm"
                variant="ghost"
                icon={Trash2}
                className="text-red-700 hover:bg-red-50"
                aria-label={`Delete ${c.name}`}
              >
                <Label>Delete</Label>
              </Button>
            }
            title={`Delete “${c.name}”?`}
            description="It stops receiving alerts at once, and its delivery history is deleted with it."
            confirmLabel={`Delete ${c.name}`}
            onConfirm={() => remove.mutateAsync(c.id)}
          />
        </span>
      ),
    },
  ]

  const deliveryColumns: Column<DeliveryDto>[] = [
    {
      key: 'status',
      header: 'Status',
      sortValue: (d) => d.status,
      cell: (d) => (
        <Badge size="sm" tone={DELIVERY[d.status].tone}>
          {DELIVERY[d.status].label}
        </Badge>
      ),
    },
    {
      key: 'event',
      header: 'Event',
      sortValue: (d) => d.event,
      cell: (d) => EVENT_LABELS[d.event as keyof typeof EVENT_LABELS] ?? d.event,
    },
    { key: 'channel', header: 'Channel', hideBelow: 'sm', sortValue: (d) => d.channelName, cell: (d) => d.channelName },
    {
      key: 'at',
      header: 'When',
      sortValue: (d) => d.createdAt,
      cell: (d) => <RelativeTime date={d.sentAt ?? d.createdAt} />,
    },
    { key: 'attempts', header: 'Attempts', hideBelow: 'md', sortValue: (d) => d.attempts, cell: (d) => d.attempts },
    {
      key: 'answer',
      header: 'Receiver said',
      hideBelow: 'md',
      cell: (d) => (
        <span className="line-clamp-2 font-mono text-xs break-all text-slate-600">{d.lastAnswer ?? '—'}</span>
      ),
    },
  ]
  const filtered = channels.find((c) => c.id === filter)

  return (
    <>
      <StaleBanner queries={[channelsQuery, deliveriesQuery]} what="notifications" className="mb-4" />
      <PageHeader
        title="Notifications"
        description="Who hears about failed backups, sites without a recent backup and sites that stop answering."
        actions={
          <ChannelDialog
            trigger={(open) => (
              <Button variant="primary" icon={Plus} onClick={open}>
                Add channel
              </Button>
            )}
          />
        }
      />
      {channels.length === 0 ? (
        <EmptyState
          icon={BellRing}
          title="No channels yet"
          description="Add an e-mail address, a Slack or Discord channel, ntfy or your own webhook to hear about problems without opening the dashboard."
        />
      ) : (
        <Card className="overflow-hidden">
          <DataTable
            caption="Channels"
            rows={channels}
            columns={columns}
            rowKey={(c) => c.id}
            initialSort={{ key: 'name', dir: 'asc' }}
            maxHeight={null}
          />
        </Card>
      )}
      <Panel
        title={filtered ? `Recent deliveries to ${filtered.name}` : 'Recent deliveries'}
        actions={
          filtered ? (
            <Button size="sm" variant="ghost" onClick={() => setFilter(undefined)}>
              Show all
            </Button>
          ) : undefined
        }
        padded={false}
        className="mt-6"
      >
        {deliveries.length === 0 ? (
          <EmptyState bare title="Nothing sent yet" description="Alerts appear here with the receiver's answer." />
        ) : (
          <DataTable
            caption="Recent deliveries"
            rows={deliveries}
            columns={deliveryColumns}
            rowKey={(d) => d.id}
            maxHeight={null}
          />
        )}
      </Panel>
    </>
  )
}
