'use client'

import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react'
import { useEffect, useSyncExternalStore } from 'react'
import { cn } from '@/components/ui/cn'
import { applyTheme, readThemeChoice, THEME_KEY, type ThemeChoice } from './theme'

const CHOICES: { value: ThemeChoice; label: string; icon: LucideIcon }[] = [
  { value: 'system', label: 'System', icon: Monitor },
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
]

// The stored choice as an external store, so every toggle on the page agrees and the server
// render (no localStorage) shows "System" without a hydration mismatch.
const listeners = new Set<() => void>()
function subscribe(l: () => void) {
  listeners.add(l)
  const onStorage = (e: StorageEvent) => e.key === THEME_KEY && l()
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(l)
    window.removeEventListener('storage', onStorage)
  }
}

function choose(choice: ThemeChoice) {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY)
    else localStorage.setItem(THEME_KEY, choice)
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  applyTheme(choice)
  listeners.forEach((l) => l())
}

/** System / Light / Dark as a small radio group; "System" follows the OS as it changes. */
export function ThemeToggle({ className }: { className?: string }) {
  const choice = useSyncExternalStore(subscribe, readThemeChoice, () => 'system' as const)

  useEffect(() => {
    applyTheme(choice)
    if (choice !== 'system') return
    const mq = matchMedia('(prefers-color-scheme: dark)')
    const onChange = () => applyTheme('system')
    mq.addEventListener('change', onChange)
    return () => mq.removeEventListener('change', onChange)
  }, [choice])

  return (
    <div
      role="radiogroup"
      aria-label="Colour theme"
      onKeyDown={(e) => {
        // Arrow keys move between the choices, as in any radio group (one tab stop for the group).
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key]
        if (!step) return
        e.preventDefault()
        const i = CHOICES.findIndex((c) => c.value === choice)
        const next = CHOICES[(i + step + CHOICES.length) % CHOICES.length]
        choose(next.value)
        e.currentTarget.querySelector<HTMLButtonElement>(`[data-choice="${next.value}"]`)?.focus()
      }}
      className={cn('inline-flex rounded-md bg-slate-200/60 p-0.5 ring-1 ring-slate-300/60 ring-inset', className)}
    >
      {CHOICES.map(({ value, label, icon: Icon }) => {
        const on = choice === value
        return (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={on}
            tabIndex={on ? 0 : -1}
            data-choice={value}
            title={`${label} theme`}
            onClick={() => choose(value)}
            className={cn(
              'inline-flex size-7 items-center justify-center rounded text-slate-600 hover:text-slate-900',
              on && 'bg-white text-slate-900 shadow-xs',
            )}
          >
            <Icon aria-hidden="true" className="size-3.5" />
            <span className="sr-only">{label}</span>
          </button>
        )
      })}
    </div>
  )
}
