'use client'

// What the navigation shows of the command palette before it is opened: the shortcut and the button.
// The palette itself (components/shell/command-palette.tsx) is loaded when it first opens.
import { Search } from 'lucide-react'
import { useEffect } from 'react'
import { cn } from '@/components/ui/cn'

/** Opens on Ctrl-K / ⌘-K anywhere in the app. */
export function useCommandPaletteShortcut(toggle: () => void) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        toggle()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [toggle])
}

/** The button in the navigation that opens the palette, with its shortcut. */
export function CommandPaletteButton({ onOpen, className }: { onOpen: () => void; className?: string }) {
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-keyshortcuts="Control+K Meta+K"
      className={cn(
        'flex items-center gap-2 rounded-md bg-white px-2.5 py-1.5 text-sm text-slate-600 shadow-xs ring-1 ring-slate-300 ring-inset hover:text-slate-900',
        className,
      )}
    >
      <Search aria-hidden="true" className="size-4 shrink-0" />
      <span className="flex-1 text-left">Jump to…</span>
      <kbd className="hidden rounded border border-slate-300 px-1 font-sans text-[11px] text-slate-600 sm:inline">
        Ctrl K
      </kbd>
    </button>
  )
}
