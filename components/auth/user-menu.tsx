'use client'

import { useEffect, useState, type ComponentType } from 'react'
import { useMe } from './me-provider'
import { UserMenuFace, userMenuButtonClasses } from './user-menu-face'

type MenuProps = { compact: boolean; onNavigate?: () => void }

// The menu (Radix DropdownMenu and its positioning) is fetched just after the page, not with it;
// until it is there the same face is drawn, inert, so nothing moves when the real button takes over.
let loaded: ComponentType<MenuProps> | null = null
const load = () =>
  import('./user-menu-dropdown').then((m) => {
    loaded = m.default
    return m.default
  })

/** Who is signed in (name and role), with "Account" and "Sign out". */
export function UserMenu({ compact = false, onNavigate }: { compact?: boolean; onNavigate?: () => void }) {
  const me = useMe()
  const [Menu, setMenu] = useState<ComponentType<MenuProps> | null>(() => loaded)
  useEffect(() => {
    if (Menu) return
    let live = true
    void load().then((c) => live && setMenu(() => c))
    return () => {
      live = false
    }
  }, [Menu])
  if (!me) return null
  if (Menu) return <Menu compact={compact} onNavigate={onNavigate} />
  return (
    <div aria-hidden="true" className={userMenuButtonClasses(compact)}>
      <UserMenuFace me={me} compact={compact} />
    </div>
  )
}
