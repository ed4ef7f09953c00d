// Database errors the rest of the app reacts to, recognised in one place for both providers.

/** A unique constraint or unique index refused the write (Prisma P2002, SQLite or PostgreSQL text). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null
  if (err && err.code === 'P2002') return true
  return /P2002|unique|UNIQUE|duplicate/.test(String(err?.message ?? e))
}
