'use client'

import { useEffect, useImperativeHandle, useRef, type Ref, type RefObject } from 'react'

type Control = HTMLInputElement | HTMLSelectElement

const TEXT_LIKE = new Set(['text', 'search', 'email', 'password', 'url', 'tel', 'number'])

interface Pending {
  el: Control
  /** The control's value in its component's state now (an effect may have set it since mount). */
  expected: () => string
}

let pending: Pending[] = []

/**
 * On a slow connection a person can type into the server-rendered page before React hydrates it. The
 * text then sits in the box but never reached the component's state: the box shows one thing and the
 * form would submit another (an empty key, no search), and the next render wipes it. Once, after the
 * page's first effects (the router's included, which run after a child's), every controlled control
 * whose box disagrees with its value hands what it holds to its own onChange, as if just typed.
 */
export function useTypedBeforeHydration<T extends Control>(
  forwarded: Ref<T> | undefined,
  value: unknown,
  controlled: boolean,
): RefObject<T | null> {
  const own = useRef<T | null>(null)
  const latest = useRef(value)
  useEffect(() => {
    latest.current = value
  })
  useEffect(() => {
    const el = own.current
    if (!controlled || !el) return
    const entry = { el, expected: () => (latest.current == null ? '' : String(latest.current)) }
    if (pending.length === 0) setTimeout(flush, 0)
    pending.push(entry)
    return () => {
      pending = pending.filter((p) => p !== entry)
    }
    // Once, at mount: afterwards every keystroke goes through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useImperativeHandle(forwarded, () => own.current as T)
  return own
}

function flush() {
  // Every box is read before any is handed over: the first hand-over re-renders its form, and that
  // render puts the other controls back to their (still empty) state.
  const typed = pending.map((p) => ({ el: p.el, expected: p.expected(), text: p.el.value }))
  pending = []
  for (const { el, expected, text } of typed) {
    if (!el.isConnected || text === expected) continue
    if (el instanceof HTMLSelectElement) {
      el.value = text
      el.dispatchEvent(new Event('change', { bubbles: true }))
    } else if (TEXT_LIKE.has(el.type)) {
      // React fires onChange only when the box differs from the value it last saw: tell it the old
      // value (the element's own setter, which React watches), then put the typed text back beneath it.
      el.value = expected
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, text)
      el.dispatchEvent(new Event('input', { bubbles: true }))
    }
  }
}
