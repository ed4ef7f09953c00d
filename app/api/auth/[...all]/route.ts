// better-auth's own endpoints: POST /api/auth/sign-in/email {email, password}, sign-out, change
// password, two-factor (enable, verify TOTP or a backup code). They manage the session themselves.
import { toNextJsHandler } from 'better-auth/next-js'
import { auth } from '@/lib/auth/auth'

export const dynamic = 'force-dynamic'

export async function GET(req: Request): Promise<Response> {
  return toNextJsHandler(auth()).GET(req)
}

export async function POST(req: Request): Promise<Response> {
  return toNextJsHandler(auth()).POST(req)
}
