import { describe, expect, it } from 'vitest'
import { filterPalette, type PaletteItem } from './palette-items'

const items: PaletteItem[] = [
  { id: 'p1', kind: 'page', label: 'Overview', href: '/' },
  { id: 'p2', kind: 'page', label: 'Sites', href: '/sites' },
  { id: 'p3', kind: 'page', label: 'Runs', href: '/runs' },
  { id: 's1', kind: 'site', label: 'Yoga Studio', detail: 'yoga.example', href: '/sites/s1', keywords: 'client-acme' },
  { id: 's2', kind: 'site', label: 'Acme Shop', detail: 'shop.acme.test', href: '/sites/s2' },
  {
    id: 'r1',
    kind: 'run',
    label: 'Acme Shop',
    detail: 'Failed · 2 h ago',
    href: '/runs/r1',
    keywords: 'before update',
  },
]

describe('command palette filter', () => {
  it('matches every word across label, detail and keywords, pages then sites then runs', () => {
    expect(filterPalette(items, 'acme').map((i) => i.id)).toEqual(['s2', 's1', 'r1'])
    expect(filterPalette(items, 'acme failed').map((i) => i.id)).toEqual(['r1'])
    expect(filterPalette(items, 'before update').map((i) => i.id)).toEqual(['r1'])
    expect(filterPalette(items, 'run').map((i) => i.id)).toEqual(['p3'])
    expect(filterPalette(items, 'nothing-like-this')).toEqual([])
  })

  it('shows pages and the first sites and runs when nothing is typed', () => {
    expect(filterPalette(items, '  ').map((i) => i.id)).toEqual(['p1', 'p2', 'p3', 's1', 's2', 'r1'])
  })
})
