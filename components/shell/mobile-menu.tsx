'use client'

// The menu sheet of small screens (Radix Dialog), loaded the first time it opens (app-nav.tsx).
import { Dialog } from 'radix-ui'
import { X } from 'lucide-react'
import { useReturnFocus } from '@/components/ui/use-return-focus'
import { Logo } from './logo'
import { NavLinks } from './nav-links'
import { ThemeToggle } from './theme-toggle'

export default function MobileMenu({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const close = () => onOpenChange(false)
  const returnFocus = useReturnFocus()
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
        <Dialog.Content
          {...returnFocus}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-slate-50 shadow-xl focus:outline-none"
        >
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
  )
}
