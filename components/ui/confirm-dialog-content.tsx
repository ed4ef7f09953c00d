'use client'

// The confirmation dialog itself (Radix Dialog), loaded the first time a ConfirmDialog opens
// (components/ui/confirm-dialog.tsx): pages carry the dialog library only once someone needs it.
import { Dialog } from 'radix-ui'
import { CircleAlert, TriangleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { Button } from './button'
import { cn } from './cn'
import { useReturnFocus } from './use-return-focus'

export interface ConfirmDialogContentProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  description: ReactNode
  confirmLabel: string
  cancelLabel: string
  tone: 'danger' | 'primary'
  busy: boolean
  error: string | null
  onConfirm: () => void
  children?: ReactNode
}

export default function ConfirmDialogContent({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  tone,
  busy,
  error,
  onConfirm,
  children,
}: ConfirmDialogContentProps) {
  const returnFocus = useReturnFocus()
  const Icon = tone === 'danger' ? TriangleAlert : CircleAlert
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40 backdrop-blur-[1px]" />
        <Dialog.Content
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl ring-1 ring-slate-900/10 focus:outline-none"
          {...returnFocus}
          onEscapeKeyDown={(e) => busy && e.preventDefault()}
          onPointerDownOutside={(e) => busy && e.preventDefault()}
        >
          <div className="flex items-start gap-3">
            <span
              className={cn(
                'flex size-9 shrink-0 items-center justify-center rounded-full',
                tone === 'danger' ? 'bg-red-100 text-red-700' : 'bg-blue-100 text-blue-700',
              )}
            >
              <Icon aria-hidden="true" className="size-[18px]" />
            </span>
            <div className="min-w-0 flex-1">
              <Dialog.Title className="text-base font-semibold text-slate-900">{title}</Dialog.Title>
              <Dialog.Description className="mt-1 text-sm break-words text-slate-600">{description}</Dialog.Description>
              {children}
            </div>
          </div>
          {error && (
            <p
              role="alert"
              className="mt-4 rounded-md border border-red-200 bg-bad-bg px-3 py-2 text-sm break-words text-bad-fg"
            >
              {error}
            </p>
          )}
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary" disabled={busy}>
                {cancelLabel}
              </Button>
            </Dialog.Close>
            <Button variant={tone === 'danger' ? 'danger' : 'primary'} busy={busy} onClick={onConfirm} wrap>
              {confirmLabel}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
