'use client'

import dynamic from 'next/dynamic'
import { Menu, Search } from 'lucide-react'
import { useCallback, useState } from 'react'
import { UserMenu } from '@/components/auth/user-menu'
import { CommandPaletteButton, useCommandPaletteShortcut } from './command-palette-trigger'
import { Logo } from './logo'
import { NavLinks } from './nav-links'
import { ThemeToggle } from './theme-toggle'

// The palette and the small screens' menu sheet load when first opened, not with every page (their
// dialog library and the palette's lists are most of the shell's JavaScript otherwise).
const loadPalette = () => import('./command-palette')
const CommandPalette = dynamic(loadPalette, { ssr: false })
const loadMobileMenu = () => import('./mobile-menu')
const MobileMenu = dynamic(loadMobileMenu, { ssr: false })

/** Sidebar on large screens; a top bar with a menu sheet below `lg`. */
export function AppNav() {
  const [open, setOpen] = useState(false)
  const [palette, setPalette] = useState(false)
  // Mounted from the first opening on, so closing plays out and focus returns to the opener.
  const [menuWanted, setMenuWanted] = useState(false)
  if (open && !menuWanted) setMenuWanted(true)
  const [paletteWanted, setPaletteWanted] = useState(false)
  if (palette && !paletteWanted) setPaletteWanted(true)
  const togglePalette = useCallback(() => setPalette((v) => !v), [])
  useCommandPaletteShortcut(togglePalette)
  return (
    <>
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col border-r border-slate-200 bg-slate-100/70 lg:flex">
        <div className="flex h-14 items-center px-4">
          <Logo />
        </div>
        <div className="px-3 pb-1">
          <CommandPaletteButton onOpen={() => setPalette(true)} className="w-full" />
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
          <NavLinks />
        </nav>
        <div className="space-y-2 border-t border-slate-200 p-3">
          <div className="flex items-center justify-between gap-2 px-1">
            <span className="text-xs text-slate-600">Theme</span>
            <ThemeToggle />
          </div>
          <UserMenu />
        </div>
      </aside>

      <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-slate-200 bg-white/90 px-4 backdrop-blur lg:hidden">
        <Logo />
        <div className="flex items-center gap-1">
          <button
            type="button"
            onClick={() => setPalette(true)}
            aria-keyshortcuts="Control+K Meta+K"
            className="inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
          >
            <Search aria-hidden="true" className="size-5" />
            <span className="sr-only">Jump to…</span>
          </button>
          <UserMenu compact />
          <button
            type="button"
            onClick={() => setOpen(true)}
            onPointerEnter={() => void loadMobileMenu()}
            aria-haspopup="dialog"
            aria-expanded={open}
            className="-mr-1.5 inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
          >
            <Menu aria-hidden="true" className="size-5" />
            <span className="sr-only">Open menu</span>
          </button>
          {menuWanted && <MobileMenu open={open} onOpenChange={setOpen} />}
        </div>
      </header>
      {paletteWanted && <CommandPalette open={palette} onOpenChange={setPalette} />}
    </>
  )
}
