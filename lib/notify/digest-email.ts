// The daily digest e-mail: freshness first (one number a person can read at a glance), then each
// failure with the server's words and each stale site, every item with its own link. One column,
// inline styles only, large tap targets (read on a phone); the text part says the same. Pure.
import type { EmailMessage } from './email-message'
import type { DigestFacts, NotifyPayload } from './types'

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

function when(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const share = (g: DigestFacts) => (g.sites ? Math.round((g.fresh / g.sites) * 100) : 100)

function failureWords(f: DigestFacts['failures'][number]): string {
  const what = f.status === 'timed_out' ? 'Timed out' : 'Failed'
  return f.errorMessage ? `${what}${f.errorKind ? ` (${f.errorKind})` : ''}: ${f.errorMessage}` : what
}

function staleWords(s: DigestFacts['stale'][number], tz: string): string {
  const last = s.lastSuccessAt ? `last good backup ${when(s.lastSuccessAt, tz)}` : 'never backed up'
  return `${last}; maximum age ${s.maxAgeHours} h`
}

export function digestEmailMessage(p: NotifyPayload): EmailMessage {
  const g = p.details?.digest as DigestFacts
  const tz = g.timezone
  const summary = `${g.fresh} of ${g.sites} sites backed up within their maximum age (${share(g)}%)`
  const subject =
    `[Stepwise] Daily digest ${g.day}: ${plural(g.failuresTotal, 'failure', 'failures')}, ${g.staleTotal} stale, ${g.fresh}/${g.sites} fresh`.replace(
      /[\r\n]+/g,
      ' ',
    )
  const more = (shown: number, total: number) => (total > shown ? [`…and ${total - shown} more.`] : [])

  const text = [
    `Stepwise daily digest for ${g.day} (${tz})`,
    '',
    `Freshness: ${summary}.`,
    '',
    `Failures in the last 24 hours: ${g.failuresTotal}`,
    ...g.failures.flatMap((f) => [`- ${f.siteName}, ${when(f.finishedAt, tz)}: ${failureWords(f)}`, `  ${f.url}`]),
    ...more(g.failures.length, g.failuresTotal),
    '',
    `Sites without a recent backup: ${g.staleTotal}`,
    ...g.stale.flatMap((s) => [`- ${s.siteName}: ${staleWords(s, tz)}`, `  ${s.url}`]),
    ...more(g.stale.length, g.staleTotal),
    '',
    `Open Stepwise: ${g.dashboardUrl}`,
  ].join('\n')

  const h2 = (t: string) => `<h2 style="font-size:17px;line-height:1.3;margin:24px 0 8px">${esc(t)}</h2>`
  const item = (title: string, sub: string, url: string, label: string) =>
    `<div style="border-top:1px solid #e4e4e7;padding:12px 0">
<p style="font-size:16px;font-weight:600;margin:0 0 4px;word-break:break-word">${esc(title)}</p>
<p style="font-size:15px;line-height:1.45;margin:0 0 8px;color:#3f3f46;word-break:break-word">${esc(sub)}</p>
<a href="${esc(url)}" style="display:inline-block;font-size:15px;color:#2563eb;padding:6px 0">${esc(label)} →</a>
</div>`
  const none = (t: string) => `<p style="font-size:15px;color:#52525b;margin:0">${esc(t)}</p>`
  const moreHtml = (shown: number, total: number) =>
    total > shown ? none(`…and ${total - shown} more on the dashboard.`) : ''
  const bar = g.failuresTotal || g.staleTotal ? '#dc2626' : '#16a34a'

  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#18181b">
<div style="max-width:560px;margin:0 auto;padding:16px">
<div style="background:#ffffff;border-radius:8px;border-top:4px solid ${bar};padding:20px">
<h1 style="font-size:20px;line-height:1.3;margin:0 0 4px">Daily digest</h1>
<p style="font-size:14px;color:#71717a;margin:0 0 16px">${esc(g.day)} · ${esc(tz)}</p>
<p style="font-size:32px;font-weight:700;line-height:1.1;margin:0">${share(g)}%</p>
<p style="font-size:16px;line-height:1.5;margin:4px 0 0">${esc(summary)}</p>
${h2(`Failures in the last 24 hours (${g.failuresTotal})`)}
${g.failures.length ? g.failures.map((f) => item(`${f.siteName} · ${when(f.finishedAt, tz)}`, failureWords(f), f.url, 'Open the run')).join('\n') : none('None.')}
${moreHtml(g.failures.length, g.failuresTotal)}
${h2(`Sites without a recent backup (${g.staleTotal})`)}
${g.stale.length ? g.stale.map((s) => item(s.siteName, staleWords(s, tz), s.url, 'Open the site')).join('\n') : none('None: every site has a recent backup.')}
${moreHtml(g.stale.length, g.staleTotal)}
<p style="margin:24px 0 4px"><a href="${esc(g.dashboardUrl)}" style="display:inline-block;background:#2563eb;color:#ffffff;text-decoration:none;font-size:16px;font-weight:600;padding:12px 20px;border-radius:6px">Open Stepwise</a></p>
</div>
<p style="font-size:12px;color:#71717a;margin:12px 4px">Sent by Stepwise every day at this time (STEPWISE_DIGEST_TIME).</p>
</div></body></html>`
  return { subject, text, html }
}
