// Our mark on every backup we start, put in startBackup's comment, so reconciliation can find the
// site's record of a run even when startBackup's answer (with the ids) was lost.
export function runMarker(runId: string): string {
  return `stepwise-run:${runId}`
}

/** The run id our marker names in a record's comment or description, if any. */
export function runIdFromMarker(text: string): string | null {
  return /stepwise-run:([a-z0-9]+)/.exec(text)?.[1] ?? null
}
