// Each channel type's request body, per its documented format. Pure (tested in formats.test.ts).
// Slack: incoming webhook JSON with `text` (fallback/notification) and Block Kit `blocks`
//   (https://api.slack.com/messaging/webhooks, https://api.slack.com/reference/block-kit/blocks).
// Discord: webhook JSON with `content` and up to 10 `embeds` {title, description, url, color, fields,
//   timestamp} (https://discord.com/developers/docs/resources/webhook#execute-webhook).
// ntfy: POST the message as the body; Title, Priority (1–5), Tags (emoji short codes) and Click
//   (the URL opened on tap) as headers (https://docs.ntfy.sh/publish/).
import { buttonLabelOf, linesOf, linkOf, severityOf, titleOf, type Severity } from './messages'
import type { NotifyPayload } from './types'

export interface HttpMessage {
  contentType: string
  body: string
  headers: Record<string, string>
}

const COLOR: Record<Severity, number> = { bad: 0xdc2626, warn: 0xd97706, good: 0x16a34a, info: 0x6b7280 }
const NTFY_TAGS: Record<Severity, string> = {
  bad: 'rotating_light',
  warn: 'warning',
  good: 'white_check_mark',
  info: 'information_source',
}
const NTFY_PRIORITY: Record<Severity, string> = { bad: '4', warn: '3', good: '2', info: '3' }

/** Slack's mrkdwn treats &, < and > as control characters. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function slackMessage(p: NotifyPayload): HttpMessage {
  const title = titleOf(p)
  const body = {
    text: title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: slackEscape(linesOf(p).join('\n')).slice(0, 3000) } },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: buttonLabelOf(p) }, url: linkOf(p) }],
      },
    ],
  }
  return { contentType: 'application/json', body: JSON.stringify(body), headers: {} }
}

export function discordMessage(p: NotifyPayload): HttpMessage {
  const fields = [
    { name: 'Site', value: `${p.site.name}\n${p.site.url}`.slice(0, 1024), inline: true },
    ...(p.run ? [{ name: 'Run status', value: p.run.status, inline: true }] : []),
  ]
  const body = {
    // No mentions from text we do not control (site names, error messages).
    allowed_mentions: { parse: [] as string[] },
    embeds: [
      {
        title: titleOf(p).slice(0, 256),
        description: linesOf(p).join('\n').slice(0, 4096),
        url: linkOf(p),
        color: COLOR[severityOf(p.event)],
        timestamp: p.occurredAt,
        fields,
      },
    ],
  }
  return { contentType: 'application/json', body: JSON.stringify(body), headers: {} }
}

/** Header values must be one line of Latin-1 for node:http; ntfy accepts RFC 2047 for the rest. */
const headerSafe = (s: string) => {
  const line = s.replace(/[\r\n]+/g, ' ')
  return /^[\x20-\x7e]*$/.test(line) ? line : `=?UTF-8?B?${Buffer.from(line, 'utf8').toString('base64')}?=`
}

export function ntfyMessage(p: NotifyPayload): HttpMessage {
  const sev = severityOf(p.event)
  return {
    contentType: 'text/plain; charset=utf-8',
    body: linesOf(p).join('\n'),
    headers: {
      Title: headerSafe(titleOf(p)),
      Priority: NTFY_PRIORITY[sev],
      Tags: NTFY_TAGS[sev],
      Click: linkOf(p),
    },
  }
}

/** The generic webhook: the payload as is; the signature is added by the sender over these bytes. */
export function webhookMessage(p: NotifyPayload): HttpMessage {
  return { contentType: 'application/json', body: JSON.stringify(p), headers: { 'X-Stepwise-Event': p.event } }
}
