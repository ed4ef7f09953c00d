// Cron in words for the common patterns people write; anything else is shown as the expression itself.
// Pure and browser-safe (the form previews it as you type).
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const DAY_ALIASES: Record<string, number> = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 }
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const MONTH_ALIASES: Record<string, number> = Object.fromEntries(
  MONTHS.map((m, i) => [m.slice(0, 3).toUpperCase(), i + 1]),
)

const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
}

const isNum = (s: string) => /^\d+$/.test(s)
const pad = (n: number) => String(n).padStart(2, '0')

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${s}`
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function dayNumber(s: string): number | null {
  const up = s.toUpperCase()
  if (up in DAY_ALIASES) return DAY_ALIASES[up]
  if (isNum(s) && Number(s) <= 7) return Number(s) % 7
  return null
}

/** "1-5" → Monday to Friday, "0,6" → Sunday and Saturday; null when not a plain list or range. */
function describeDays(field: string): string | null {
  if (field === '1-5' || field.toUpperCase() === 'MON-FRI') return 'Monday to Friday'
  if (field === '0,6' || field === '6,0' || field.toUpperCase() === 'SAT,SUN' || field.toUpperCase() === 'SUN,SAT')
    return 'Saturday and Sunday'
  const range = field.match(/^(\w+)-(\w+)$/)
  if (range) {
    const a = dayNumber(range[1])
    const b = dayNumber(range[2])
    return a !== null && b !== null ? `${DAYS[a]} to ${DAYS[b]}` : null
  }
  const days = field.split(',').map(dayNumber)
  if (days.some((d) => d === null)) return null
  return joinWords(days.map((d) => DAYS[d as number]))
}

function monthName(s: string): string | null {
  const up = s.toUpperCase()
  if (up in MONTH_ALIASES) return MONTHS[MONTH_ALIASES[up] - 1]
  if (isNum(s) && Number(s) >= 1 && Number(s) <= 12) return MONTHS[Number(s) - 1]
  return null
}

/** "02:00", "02:00 and 14:00"; null when hour/minute are not plain numbers or lists. */
function describeTimes(minute: string, hour: string): string | null {
  if (!isNum(minute)) return null
  const hours = hour.split(',')
  if (!hours.every(isNum)) return null
  return joinWords(hours.map((h) => `${pad(Number(h))}:${pad(Number(minute))}`))
}

export function describeCron(expression: string): string {
  const raw = expression.trim()
  const expr = NICKNAMES[raw.toLowerCase()] ?? raw
  const parts = expr.split(/\s+/)
  if (parts.length !== 5) return raw
  const [min, hour, dom, mon, dow] = parts
  const anyDate = dom === '*' && mon === '*' && dow === '*'

  if (anyDate && hour === '*') {
    if (min === '*') return 'Every minute'
    const step = min.match(/^\*\/(\d+)$/)
    if (step) return Number(step[1]) === 1 ? 'Every minute' : `Every ${step[1]} minutes`
    if (isNum(min)) return Number(min) === 0 ? 'Every hour, on the hour' : `Every hour at ${pad(Number(min))} past`
    return raw
  }
  const hourStep = hour.match(/^\*\/(\d+)$/)
  if (anyDate && hourStep && isNum(min)) {
    const n = Number(hourStep[1])
    return n === 1
      ? `Every hour at ${pad(Number(min))} past`
      : `Every ${n} hours at ${pad(Number(min))} past (from 00:${pad(Number(min))})`
  }
  const times = describeTimes(min, hour)
  if (!times) return raw
  if (anyDate) return `Every day at ${times}`
  if (dom === '*' && mon === '*') {
    const days = describeDays(dow)
    return days ? `Every ${days} at ${times}` : raw
  }
  if (dow === '*' && mon === '*') {
    if (dom.toUpperCase() === 'L') return `On the last day of every month at ${times}`
    if (isNum(dom)) return `On the ${ordinal(Number(dom))} of every month at ${times}`
    return raw
  }
  if (dow === '*' && isNum(dom)) {
    const m = monthName(mon)
    if (m) return `Every year on ${Number(dom)} ${m} at ${times}`
  }
  return raw
}
