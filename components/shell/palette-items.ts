// What the command palette offers and how typing narrows it: pure, so it is unit-tested.

export type PaletteKind = 'page' | 'site' | 'run'

export interface PaletteItem {
  id: string
  kind: PaletteKind
  label: string
  /** A second line: the address of a site, the state and time of a run. */
  detail?: string
  href: string
  /** Extra words that match but are not shown (tags, host group, description). */
  keywords?: string
}

const LIMIT: Record<PaletteKind, number> = { page: 12, site: 8, run: 6 }

/**
 * Items whose label, detail or keywords contain every typed word, grouped pages → sites → runs.
 * A label that starts with the query ranks first within its group. Empty query: pages, the first
 * sites and the newest runs.
 */
export function filterPalette(items: readonly PaletteItem[], query: string): PaletteItem[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  const out: PaletteItem[] = []
  for (const kind of ['page', 'site', 'run'] as const) {
    const ofKind = items.filter((i) => i.kind === kind)
    const hits = words.length
      ? ofKind
          .map((item, index) => ({
            item,
            index,
            hay: `${item.label} ${item.detail ?? ''} ${item.keywords ?? ''}`.toLowerCase(),
          }))
          .filter((x) => words.every((w) => x.hay.includes(w)))
          .sort((a, b) => rank(a.item, words[0]) - rank(b.item, words[0]) || a.index - b.index)
          .map((x) => x.item)
      : ofKind
    out.push(...hits.slice(0, words.length ? LIMIT[kind] : Math.min(LIMIT[kind], kind === 'page' ? 12 : 5)))
  }
  return out
}

function rank(item: PaletteItem, first: string): number {
  const label = item.label.toLowerCase()
  return label.startsWith(first) ? 0 : label.split(/\W+/).some((w) => w.startsWith(first)) ? 1 : 2
}
