import type { Metadata } from 'next'
import { LogIn } from 'lucide-react'
import { AppShell } from '@/components/shell/app-shell'
import { Logo } from '@/components/shell/logo'
import { NotFoundView } from '@/components/shell/not-found-view'
import { PageProblem } from '@/components/shell/page-problem'
import { ButtonLink } from '@/components/ui/button'
import { optionalPageActor } from '@/lib/auth/page-access'

export const metadata: Metadata = { title: 'Not found' }

// An address no route matches. Signed in: the app's shell with the way back; otherwise a plain
// branded page pointing to sign-in (the navigation would only lead there anyway).
export default async function NotFound() {
  const actor = await optionalPageActor()
  if (actor) {
    const me = { kind: actor.kind, id: actor.id, label: actor.label, name: actor.name, role: actor.role }
    return (
      <AppShell me={me}>
        <NotFoundView />
      </AppShell>
    )
  }
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center px-4 py-10">
      <Logo />
      <PageProblem
        code="404"
        title="This page does not exist"
        actions={
          <ButtonLink href="/sign-in" variant="primary" icon={LogIn}>
            Sign in
          </ButtonLink>
        }
      >
        The address may be mistyped, or what it pointed to was deleted.
      </PageProblem>
    </main>
  )
}
