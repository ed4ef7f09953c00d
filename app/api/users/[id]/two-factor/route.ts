import { json, route } from '@/lib/api/respond'
import { resetTwoFactor } from '@/lib/auth/reset-two-factor'

export const dynamic = 'force-dynamic'

/** Turns off a user's two-factor sign-in (lost device and backup codes); their sessions end. */
export const DELETE = route<{ id: string }>('admin', async (_req, { id }, actor) => {
  await resetTwoFactor(id, actor.label)
  return json({ reset: true })
})
