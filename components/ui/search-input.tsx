'use client'

import { Search } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { Input } from './field'

/**
 * The search box of a filtered list. Its value lives in the caller's state (the URL); text typed before
 * the page finished hydrating sits in the input but never reached that state, so on mount the box hands
 * over whatever it holds — a fast typist's first search is not silently ignored.
 */
export function SearchInput({
  label,
  placeholder,
  value,
  onValue,
}: {
  label: string
  placeholder: string
  value: string
  onValue: (value: string) => void
}) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    // After this commit's other effects: the router's own (a parent's, so they run after this one) sets
    // the address bar and starts watching history, and would overwrite a search written before it.
    const t = setTimeout(() => {
      const typed = ref.current?.value ?? ''
      if (typed !== value) onValue(typed)
    }, 0)
    return () => clearTimeout(t)
    // Once, at hydration: afterwards every keystroke goes through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return (
    <label className="relative min-w-0 sm:w-64">
      <span className="sr-only">{label}</span>
      <Search aria-hidden="true" className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
      <Input
        ref={ref}
        type="search"
        placeholder={placeholder}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        className="pl-8"
      />
    </label>
  )
}
