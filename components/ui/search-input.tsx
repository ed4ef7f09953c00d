'use client'

import { Search } from 'lucide-react'
import { Input } from './field'

/** The search box of a filtered list; its value lives in the caller's state (the URL). */
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
  return (
    <label className="relative min-w-0 sm:w-64">
      <span className="sr-only">{label}</span>
      <Search aria-hidden="true" className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
      <Input
        type="search"
        placeholder={placeholder}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        className="pl-8"
      />
    </label>
  )
}
