// Date formats the engine uses. All in UTC (the records' backupstart/backupend are UTC, and the
// archive name carries "utc").

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** "2026-11-28 23:07:46" — backupstart/backupend in records. */
export function sqlDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** "20261128-230746" — the stamp inside archive names and backupids. */
export function compactStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
}

/** `id-YYYYMMDD-HHMMSS-<usec>` (fixtures: "id-20261128-230746-938840"). */
export function makeBackupId(d: Date, usec: number): string {
  return `id-${compactStamp(d)}-${pad(usec % 1_000_000, 6)}`
}

/** `site-<host>-YYYYMMDD-HHMMSSutc-<16 random>` without extension. */
export function archiveBaseName(d: Date, random16: string, host = '127.0.0.1'): string {
  return `site-${host}-${compactStamp(d)}utc-${random16}`
}
