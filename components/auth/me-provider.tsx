'use client'

import { createContext, useContext, type ReactNode } from 'react'
import { roleAllows, type Access, type Actor } from '@/lib/domain/roles'

/** The signed-in person as the browser knows them (no IP or session id). */
export type Me = Pick<Actor, 'kind' | 'id' | 'label' | 'name' | 'role'>

const MeContext = createContext<Me | null>(null)

/** Given by the (app) layout from the server's pageActor, so no page waits for /api/me. */
export function MeProvider({ me, children }: { me: Me | null; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>
}

export function useMe(): Me | null {
  return useContext(MeContext)
}

/**
 * Whether the signed-in role may do something that needs `access`. The UI hides what the role
 * cannot do; the server refuses it anyway (403), so this is about not offering dead buttons.
 */
export function useCan(access: Exclude<Access, 'public'>): boolean {
  const me = useMe()
  return me !== null && roleAllows(me.role, access)
}
