/**
 * Akeeba "domains" (backup stages) and the words people see for them. No React: the server uses
 * this too. Names observed on real servers: init, installer, PackDB, Packing, finale (DESIGN.md §5);
 * anything else is shown as sent and never breaks the chain.
 */

const LABELS: Record<string, string> = {
  init: 'Starting',
  installer: 'Installer',
  PackDB: 'Database',
  Packing: 'Files',
  finale: 'Finishing',
}

const CHAINS: Record<string, readonly string[]> = {
  full: ['init', 'installer', 'PackDB', 'Packing', 'finale'],
  dbonly: ['init', 'PackDB', 'finale'],
  fileonly: ['init', 'Packing', 'finale'],
  incfile: ['init', 'Packing', 'finale'],
  alldb: ['init', 'installer', 'PackDB', 'finale'],
}

/** init → "Starting", PackDB → "Database"; unknown or empty names come back as sent. */
export function domainLabel(name: string | null | undefined): string {
  if (!name) return ''
  return LABELS[name] ?? name
}

/** The stages a backup of this type goes through; unknown types get the full chain. */
export function domainChain(backupType: string | null | undefined): string[] {
  return [...(CHAINS[backupType ?? ''] ?? CHAINS.full)]
}
