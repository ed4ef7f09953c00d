'use client'

import { useRef } from 'react'

/**
 * Focus goes back to whatever opened a dialog. Radix does that only for a Dialog.Trigger; a dialog
 * opened from a plain button (controlled `open`) would drop focus to the page body. Spread the
 * result onto Dialog.Content.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null)
  return {
    onOpenAutoFocus: () => {
      // Runs before focus moves into the dialog: the active element is still the opener.
      const el = document.activeElement
      opener.current = el instanceof HTMLElement && el !== document.body ? el : null
    },
    onCloseAutoFocus: (e: Event) => {
      const el = opener.current
      opener.current = null
      if (el?.isConnected) {
        e.preventDefault()
        el.focus({ preventScroll: true })
      }
    },
  }
}
