// Plain aligned columns for `user list` and `token list` (stdout, readable in a terminal and by awk).

/** The header and each row as one line, columns padded to the widest cell, two spaces apart. */
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  return [header, ...rows].map((cells) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  )
}

/** "2027-01-31 18:00Z", or "-" for none. */
export function shortTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : '-'
}
