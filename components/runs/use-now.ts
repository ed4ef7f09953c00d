'use client'

import { useEffect, useState } from 'react'

/**
 * The current time, ticking every `intervalMs` while `enabled`. Null on the server and on the first
 * client render, so hydration matches; callers show a placeholder until it is set.
 */
export function useNow(enabled: boolean, intervalMs = 1000): number | null {
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    // Set once right away (also when the run just ended, to freeze the final reading).
    const first = setTimeout(() => setNow(Date.now()), 0)
    if (!enabled) return () => clearTimeout(first)
    const t = setInterval(() => setNow(Date.now()), intervalMs)
    return () => {
      clearTimeout(first)
      clearInterval(t)
    }
  }, [enabled, intervalMs])
  return now
}
