import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'
import { AppNav } from '@/components/shell/app-nav'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Stepwise', template: '%s · Stepwise' },
  description: 'Run and watch Akeeba Backup across all your Joomla and WordPress sites.',
}

export const viewport: Viewport = {
  themeColor: '#f8fafc',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <a
          href="#main"
          className="fixed top-3 left-3 z-50 -translate-y-20 rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white shadow-lg focus:translate-y-0"
        >
          Skip to content
        </a>
        <Providers>
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
        </Providers>
      </body>
    </html>
  )
}
