'use client'

import { useCallback, useEffect, useState } from 'react'

/**
 * The page's query string as state, written with the history API: `push` makes a history entry
 * (a choice), otherwise the current one is replaced (typing). Back and forward are read from the
 * browser's own popstate, so the page follows them whatever the router is doing at that moment.
 * `initial` is what the server rendered with (its searchParams), so the first render matches.
 */
export function useUrlSearch(initial: string): [URLSearchParams, (qs: string, push: boolean) => void] {
  const [search, setSearch] = useState(initial)
  useEffect(() => {
    const sync = () => setSearch(window.location.search.replace(/^\?/, ''))
    sync()
    window.addEventListener('popstate', sync)
    return () => window.removeEventListener('popstate', sync)
  }, [])
  const write = useCallback((qs: string, push: boolean) => {
    const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`
    if (push) window.history.pushState(window.history.state, '', url)
    else window.history.replaceState(window.history.state, '', url)
    setSearch(qs)
  }, [])
  return [new URLSearchParams(search), write]
}
