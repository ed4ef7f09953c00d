import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'
import { THEME_SCRIPT } from '@/components/shell/theme'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Stepwise', template: '%s · Stepwise' },
  description: 'Run and watch Akeeba Backup across all your Joomla and WordPress sites.',
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // suppressHydrationWarning: the theme script sets class/style on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* A constant string (no data in it): picks light or dark before the first paint. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh">
        <Providers>{children}</Providers>
      </body>
    </html>
  )
}
