// When a failed delivery is tried again: doubling waits from the first, capped at an hour. Pure.
export function nextAttemptDelayMs(attemptsMade: number, firstMs: number, maxMs = 3_600_000): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, attemptsMade - 1))
}
