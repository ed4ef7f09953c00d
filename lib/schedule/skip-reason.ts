// Why a due site gets no run from a fire. The text is shown as is on the schedule page and in its history.

/** Null: the site is connected and idle, so it gets its run. */
export function skipReason(
  site: { connectionStatus: string },
  activeRun: { status: string } | null | undefined,
): string | null {
  // A site we cannot reach would only fail; the skip tells the person why nothing ran.
  if (site.connectionStatus !== 'ok') return `not connected (${site.connectionStatus.replace('_', ' ')})`
  // One backup per site at a time: Akeeba's startBackup would kill the one already running.
  if (activeRun) return `already backing up (a run is ${activeRun.status})`
  return null
}
