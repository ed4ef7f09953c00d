// The alert e-mail: a short HTML part readable on a phone (one column, large button to the run or
// site, inline styles only: mail clients drop <style>) and the same words as plain text. Pure.
import { buttonLabelOf, linesOf, linkOf, severityOf, titleOf } from './messages'
import type { NotifyPayload } from './types'

export interface EmailMessage {
  subject: string
  text: string
  html: string
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

const BAR = { bad: '#dc2626', warn: '#d97706', good: '#16a34a', info: '#6b7280' } as const

export function emailMessage(p: NotifyPayload): EmailMessage {
  const subject = `[Stepwise] ${titleOf(p)}`.replace(/[\r\n]+/g, ' ')
  const lines = linesOf(p)
  const link = linkOf(p)
  const label = buttonLabelOf(p)
  const text = [...lines, '', `${label}: ${link}`, '', `Event ${p.event} at ${p.occurredAt} (id ${p.id})`].join('\n')
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#18181b">
<div style="max-width:560px;margin:0 auto;padding:16px">
<div style="background:#ffffff;border-radius:8px;border-top:4px solid ${BAR[severityOf(p.event)]};padding:20px">
<h1 style="font-size:20px;line-height:1.3;margin:0 0 12px">${esc(titleOf(p))}</h1>
${lines.map((l) => `<p style="font-size:16px;line-height:1.5;margin:0 0 8px;word-break:break-word">${esc(l)}</p>`).join('\n')}
<p style="margin:20px 0 4px"><a href="${esc(link)}" style="display:inline-block;background:#2563eb;color:#ffffff;text-decoration:none;font-size:16px;font-weight:600;padding:12px 20px;border-radius:6px">${esc(label)}</a></p>
</div>
<p style="font-size:12px;color:#71717a;margin:12px 4px">Event ${esc(p.event)} at ${esc(p.occurredAt)} · sent by Stepwise</p>
</div></body></html>`
  return { subject, text, html }
}
