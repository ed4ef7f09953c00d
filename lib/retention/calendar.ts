// Calendar buckets of the GFS rules, in UTC: ISO weeks ("2026-W47") and months ("2026-11").

/** The ISO 8601 week of a UTC instant: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(t: number): string {
  const d = new Date(t)
  const day = d.getUTCDay() || 7 // Monday 1 … Sunday 7
  // The Thursday of this week decides the year.
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - day)
  const year = new Date(thursday).getUTCFullYear()
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

export function isoMonth(t: number): string {
  const d = new Date(t)
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
