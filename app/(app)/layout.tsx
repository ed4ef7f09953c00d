import type { ReactNode } from 'react'
import { AppShell } from '@/components/shell/app-shell'
import { optionalPageActor } from '@/lib/auth/page-access'

// The shell of every signed-in page. Each page checks its own access with pageActor (and redirects
// to sign-in); the layout only reads who is signed in, for the nav and the user menu.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await optionalPageActor()
  const me = actor && { kind: actor.kind, id: actor.id, label: actor.label, name: actor.name, role: actor.role }
  return <AppShell me={me}>{children}</AppShell>
}
