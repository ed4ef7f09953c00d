// One error envelope for every route: { error: { code, message, field?, details? } }.
// Throw AppError from anywhere in lib/; respond.ts maps it to HTTP once.
export type AppErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unprocessable'
  | 'unauthorized'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'misdirected_request'
  | 'too_many_requests'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'site_unreachable'
  | 'akeeba_auth_failed'
  | 'akeeba_error'
  | 'database_unavailable'
  | 'internal'

export const STATUS_OF: Record<AppErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  // Well-formed input the site or our address guard refused: a wrong key, an address that is not
  // Akeeba or not allowed. The envelope's `field` says which input to fix.
  unprocessable: 422,
  unauthorized: 401,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected_request: 421,
  too_many_requests: 429,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  site_unreachable: 502,
  akeeba_auth_failed: 502,
  akeeba_error: 502,
  database_unavailable: 503,
  internal: 500,
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extra: { field?: string; details?: unknown } = {},
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string, id: string) => new AppError('not_found', `${what} ${id} does not exist`)
