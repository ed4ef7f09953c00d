import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/auth/sign-in-form'
import { safeNext } from '@/components/auth/auth-fetch'
import { optionalPageActor } from '@/lib/auth/page-access'
import { setupState } from '@/lib/auth/setup'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Sign in' }

type Search = Promise<Record<string, string | string[] | undefined>>

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams
  const next = safeNext(typeof sp.next === 'string' ? sp.next : null)
  if ((await setupState()).needed) redirect('/setup')
  if (await optionalPageActor()) redirect(next)
  return <SignInForm next={next} />
}
