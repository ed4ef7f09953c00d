/**
 * The five tones of the state colour language (see app/globals.css @theme).
 * Class strings are written out in full so Tailwind can see them.
 */
export type Tone = 'ok' | 'live' | 'warn' | 'bad' | 'idle'

/** Tinted surface with readable text: badges, callouts. */
export const toneSoft: Record<Tone, string> = {
  ok: 'bg-ok-bg text-ok-fg ring-ok/25',
  live: 'bg-live-bg text-live-fg ring-live/25',
  warn: 'bg-warn-bg text-warn-fg ring-warn/40',
  bad: 'bg-bad-bg text-bad-fg ring-bad/25',
  idle: 'bg-idle-bg text-idle-fg ring-idle/40',
}

/** Solid fill: progress bars, dots, chart points. */
export const toneFill: Record<Tone, string> = {
  ok: 'bg-ok',
  live: 'bg-live',
  warn: 'bg-warn',
  bad: 'bg-bad',
  idle: 'bg-idle',
}

/** Text in the tone's readable shade, e.g. a large number on a stat tile. */
export const toneText: Record<Tone, string> = {
  ok: 'text-ok-fg',
  live: 'text-live-fg',
  warn: 'text-warn-fg',
  bad: 'text-bad-fg',
  idle: 'text-slate-900',
}

/** Hex values for places that can't take a class (SVG chart points, favicon). */
export const toneHex: Record<Tone, string> = {
  ok: '#059669',
  live: '#2563eb',
  warn: '#f59e0b',
  bad: '#dc2626',
  idle: '#94a3b8',
}
