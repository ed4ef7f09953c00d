import type { ReactNode } from 'react'
import { MeProvider, type Me } from '@/components/auth/me-provider'
import { AppNav } from './app-nav'

/**
 * The frame of every signed-in page: skip link, navigation and the main column. Used by the (app)
 * layout's twin for pages outside that group (the root 404), so they look like the rest of the app.
 */
export function AppShell({ me, children }: { me: Me | null; children: ReactNode }) {
  return (
    <MeProvider me={me}>
      <a
        href="#main"
        className="fixed top-3 left-3 z-50 -translate-y-20 print:hidden rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white shadow-lg focus:translate-y-0"
      >
        Skip to content
      </a>
      {/* Printed pages (the client report) are the content alone. */}
      <div className="print:hidden">
        <AppNav />
      </div>
      <div className="lg:pl-60 print:pl-0">
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8 print:max-w-none print:p-0"
        >
          {children}
        </main>
      </div>
    </MeProvider>
  )
}
