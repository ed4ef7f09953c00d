'use client'

import { Dialog } from 'radix-ui'
import { Menu, Search, X } from 'lucide-react'
import { useCallback, useState } from 'react'
import { UserMenu } from '@/components/auth/user-menu'
import { CommandPalette, CommandPaletteButton, useCommandPaletteShortcut } from './command-palette'
import { Logo } from './logo'
import { NavLinks } from './nav-links'
import { ThemeToggle } from './theme-toggle'

/** Sidebar on large screens; a top bar with a menu sheet below `lg`. */
export function AppNav() {
  const [open, setOpen] = useState(false)
  const close = () => setOpen(false)
  const [palette, setPalette] = useState(false)
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
          <Dialog.Root open={open} onOpenChange={setOpen}>
            <Dialog.Trigger asChild>
              <button
                type="button"
                className="-mr-1.5 inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
              >
                <Menu aria-hidden="true" className="size-5" />
                <span className="sr-only">Open menu</span>
              </button>
            </Dialog.Trigger>
            <Dialog.Portal>
              <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
              <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-slate-50 shadow-xl focus:outline-none">
                <div className="flex h-14 items-center justify-between border-b border-slate-200 px-4">
                  <Logo onNavigate={close} />
                  <Dialog.Close className="-mr-1.5 inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-200/60">
                    <X aria-hidden="true" className="size-5" />
                    <span className="sr-only">Close menu</span>
                  </Dialog.Close>
                </div>
                <Dialog.Title className="sr-only">Menu</Dialog.Title>
                <Dialog.Description className="sr-only">Go to a section of Stepwise</Dialog.Description>
                <nav aria-label="Main" className="flex-1 overflow-y-auto p-3">
                  <NavLinks onNavigate={close} />
                </nav>
                <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-4 py-3">
                  <span className="text-xs text-slate-600">Theme</span>
                  <ThemeToggle />
                </div>
              </Dialog.Content>
            </Dialog.Portal>
          </Dialog.Root>
        </div>
      </header>
      <CommandPalette open={palette} onOpenChange={setPalette} />
    </>
  )
}
