// The error envelope every route answers with (lib/api/respond.ts) and small shared pieces.
import { STATUS_OF, type AppErrorCode } from '../api/errors'
import type { ErrorBody } from '../api/respond'
import { z } from './zod'

const CODES = Object.keys(STATUS_OF) as [AppErrorCode, ...AppErrorCode[]]

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(CODES).openapi({ description: 'One of a closed set; the HTTP status follows from it.' }),
      message: z.string().openapi({ description: 'What went wrong, in words a person can act on.' }),
      field: z.string().optional().openapi({ description: 'The input to fix (a dotted path for nested fields).' }),
      details: z
        .unknown()
        .optional()
        .openapi({ description: 'For validation_failed: every issue as {field, message}.' }),
    }),
  })
  .openapi('Error', {
    example: { error: { code: 'validation_failed', message: 'name: is required', field: 'name' } },
  }) satisfies z.ZodType<ErrorBody>

export const iso = () => z.string().openapi({ format: 'date-time' })
export const isoOrNull = () => iso().nullable()

export const deletedSchema = z.object({ deleted: z.literal(true) })
