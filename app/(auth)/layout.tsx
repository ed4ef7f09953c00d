import type { ReactNode } from 'react'
import { Logo } from '@/components/shell/logo'

/** Sign-in and setup: no app shell, one calm card in the middle of the page. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center px-4 py-10 sm:py-16">
      <div className="mb-6">
        <Logo />
      </div>
      <div className="w-full max-w-sm">{children}</div>
      <p className="mt-8 text-xs text-slate-500">Akeeba Backup, across every site</p>
    </main>
  )
}
