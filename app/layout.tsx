import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'
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
        <Providers>{children}</Providers>
      </body>
    </html>
  )
}
