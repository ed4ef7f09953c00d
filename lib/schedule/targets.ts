// Which sites a schedule backs up: its one site, or every site carrying its tag now (sites tagged
// later are included at their next fire).

export function targetsOf<T extends { id: string; tags: string[] }>(
  s: { siteId: string | null; tag: string | null },
  sites: T[],
): T[] {
  if (s.siteId) return sites.filter((x) => x.id === s.siteId)
  if (s.tag) return sites.filter((x) => x.tags.includes(s.tag as string))
  return []
}
