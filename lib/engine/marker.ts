// Our mark on every backup we start, put in startBackup's comment, so reconciliation can find the
// site's record of a run even when startBackup's answer (with the ids) was lost.
export function runMarker(runId: string): string {
  return `stepwise-run:${runId}`
}
