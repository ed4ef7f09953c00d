'use client'

import { Check, Copy } from 'lucide-react'
import { useState } from 'react'
import { Button, type ButtonSize } from '@/components/ui/button'

/** Copies a text to the clipboard and says so for two seconds. */
export function CopyButton({ text, label = 'Copy', size = 'sm' }: { text: string; label?: string; size?: ButtonSize }) {
  const [copied, setCopied] = useState(false)
  return (
    <Button
      size={size}
      icon={copied ? Check : Copy}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text)
          setCopied(true)
          setTimeout(() => setCopied(false), 2000)
        } catch {
          // No clipboard (plain http on another host): the text is selectable on screen.
        }
      }}
    >
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </Button>
  )
}
