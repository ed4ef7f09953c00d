import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SetupForm } from '@/components/auth/setup-form'
import { setupState } from '@/lib/auth/setup'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Set up Stepwise' }

/** First start: open only while no user exists. */
export default async function SetupPage() {
  const state = await setupState()
  if (!state.needed) redirect('/sign-in')
  return <SetupForm codeRequired={state.codeRequired} />
}
