'use client'

import dynamic from 'next/dynamic'
import { cloneElement, isValidElement, useState, type ReactElement, type ReactNode } from 'react'

export interface ConfirmDialogProps {
  /** The element that opens the dialog (a Button: it gets the opening click). Omit when controlled. */
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

const loadContent = () => import('./confirm-dialog-content')
// The dialog is loaded when first needed (and fetched early when the pointer or focus reaches its
// trigger), not with the page: most page views never open one.
const ConfirmDialogContent = dynamic(loadContent, { ssr: false })

type TriggerProps = {
  onClick?: (e: unknown) => void
  onPointerEnter?: (e: unknown) => void
  onFocus?: (e: unknown) => void
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
  // Mounted from the first opening on, so closing plays out and focus goes back to the trigger.
  const [wanted, setWanted] = useState(false)
  if (open && !wanted) setWanted(true)

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

  let opener: ReactNode = null
  if (isValidElement<TriggerProps>(trigger)) {
    const own = trigger.props
    opener = cloneElement(trigger as ReactElement<TriggerProps & Record<string, unknown>>, {
      'aria-haspopup': 'dialog',
      'aria-expanded': open,
      onClick: (e: unknown) => {
        own.onClick?.(e)
        setOpen(true)
      },
      onPointerEnter: (e: unknown) => {
        own.onPointerEnter?.(e)
        void loadContent()
      },
      onFocus: (e: unknown) => {
        own.onFocus?.(e)
        void loadContent()
      },
    })
  }

  return (
    <>
      {opener}
      {wanted && (
        <ConfirmDialogContent
          open={open}
          onOpenChange={setOpen}
          title={title}
          description={description}
          confirmLabel={confirmLabel}
          cancelLabel={cancelLabel}
          tone={tone}
          busy={busy}
          error={error}
          onConfirm={confirm}
        >
          {children}
        </ConfirmDialogContent>
      )}
    </>
  )
}
