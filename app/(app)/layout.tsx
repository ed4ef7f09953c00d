import type { ReactNode } from 'react'
import { MeProvider } from '@/components/auth/me-provider'
import { AppNav } from '@/components/shell/app-nav'
import { optionalPageActor } from '@/lib/auth/page-access'

// The shell of every signed-in page. Each page checks its own access with pageActor (and redirects
// to sign-in); the layout only reads who is signed in, for the nav and the user menu.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await optionalPageActor()
  const me = actor && { kind: actor.kind, id: actor.id, label: actor.label, name: actor.name, role: actor.role }
  return (
    <MeProvider me={me}>
      <a
        href="#main"
        className="fixed top-3 left-3 z-50 -translate-y-20 rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white shadow-lg focus:translate-y-0"
      >
        Skip to content
      </a>
      <AppNav />
      <div className="lg:pl-60">
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8"
        >
          {children}
        </main>
      </div>
    </MeProvider>
  )
}
