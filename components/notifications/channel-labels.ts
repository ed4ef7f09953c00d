import type { ChannelType } from '@/lib/notify/types'

export const TYPE_LABELS: Record<ChannelType, string> = {
  email: 'E-mail',
  webhook: 'Webhook',
  slack: 'Slack',
  discord: 'Discord',
  ntfy: 'ntfy',
}

export const TARGET_FIELD: Record<ChannelType, { label: string; placeholder: string; hint: string }> = {
  email: {
    label: 'Addresses',
    placeholder: 'ops@example.com, owner@example.com',
    hint: 'One or more, separated by commas. Sent through STEPWISE_SMTP_URL.',
  },
  webhook: {
    label: 'URL',
    placeholder: 'https://example.com/hooks/stepwise',
    hint: 'Gets the JSON payload, signed in X-Stepwise-Signature with the secret shown once after saving.',
  },
  slack: {
    label: 'Slack incoming webhook URL',
    placeholder: 'https://hooks.slack.com/services/…',
    hint: 'Slack → Apps → Incoming Webhooks → Add to a channel.',
  },
  discord: {
    label: 'Discord webhook URL',
    placeholder: 'https://discord.com/api/webhooks/…',
    hint: 'Channel settings → Integrations → Webhooks → Copy URL.',
  },
  ntfy: {
    label: 'ntfy topic URL',
    placeholder: 'https://ntfy.sh/my-backups',
    hint: 'The server and topic; subscribe to it in the ntfy app.',
  },
}
