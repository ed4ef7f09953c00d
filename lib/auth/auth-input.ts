// Request bodies of the sign-in, user and token routes (zod: a 400 names the field).
import { z } from 'zod'
import { safeText } from '../text/safe-text'
import { ASSIGNABLE_ROLES, ROLES } from '../domain/roles'
import { MIN_PASSWORD_LENGTH } from './password'

const email = safeText()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an e-mail address' }))
  .refine((s) => s.length <= 254, 'too long')
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'at most 256 characters')
const name = safeText()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters')

export const setupInput = z.strictObject({
  email,
  password,
  name: name.optional(),
  setupCode: safeText().max(40).optional(),
})

export const createUserInput = z.strictObject({
  email,
  password,
  name: name.optional(),
  role: z.enum(ASSIGNABLE_ROLES),
})

export const updateUserInput = z
  .strictObject({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), name: name.optional() })
  .refine((v) => Object.keys(v).length > 0, 'send role, disabled or name')

export const createTokenInput = z.strictObject({
  name,
  role: z.enum(ASSIGNABLE_ROLES),
  expiresAt: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }).optional().nullable(),
})

export const auditQuery = z.object({
  actor: safeText().max(254).optional(),
  action: safeText().max(80).optional(),
  siteId: safeText().max(40).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})
