'use client'

import { Dialog } from 'radix-ui'
import { CircleAlert, TriangleAlert } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { Button } from './button'
import { cn } from './cn'
import { useReturnFocus } from './use-return-focus'

export interface ConfirmDialogProps {
  /** The element that opens the dialog (rendered asChild, so pass a Button). Omit when controlled. */
  trigger?: ReactNode
  open?: boolean
  onOpenChange?: (open: boolean) => void
  /** Say what happens, e.g. "Delete this archive?" */
  title: ReactNode
  /** Name what is destroyed and whether it can be undone. */
  description: ReactNode
  /** Names the thing, e.g. "Delete archive site-20261128.jpa". */
  confirmLabel: string
  cancelLabel?: string
  tone?: 'danger' | 'primary'
  /** May be async: the dialog shows a spinner, stays open on error and shows the message. */
  onConfirm: () => unknown | Promise<unknown>
  children?: ReactNode
}

export function ConfirmDialog({
  trigger,
  open: openProp,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'danger',
  onConfirm,
  children,
}: ConfirmDialogProps) {
  const [openState, setOpenState] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const open = openProp ?? openState
  const returnFocus = useReturnFocus()

  function setOpen(next: boolean) {
    if (busy) return // an in-flight action can't be dismissed halfway
    if (next) setError(null)
    setOpenState(next)
    onOpenChange?.(next)
  }

  async function confirm() {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
      setBusy(false)
      setOpenState(false)
      onOpenChange?.(false)
    } catch (err) {
      setBusy(false)
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  const Icon = tone === 'danger' ? TriangleAlert : CircleAlert
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
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
            <Button variant={tone === 'danger' ? 'danger' : 'primary'} busy={busy} onClick={confirm} wrap>
              {confirmLabel}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
