-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "scheduleId" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "scheduledFor" DATETIME;

-- AlterTable (hand-written): Prisma's diff redefines the table (CREATE new_Schedule, copy, DROP
-- "Schedule") behind PRAGMA foreign_keys=OFF, but lib/db/migrate.ts applies each migration inside a
-- transaction, where that pragma is a no-op: the DROP then runs BackupRun's ON DELETE SET NULL and
-- every scheduled run loses its scheduleId. DROP COLUMN (SQLite >= 3.35) keeps the table and its rows.
ALTER TABLE "Schedule" DROP COLUMN "notifyOnFailure";
ALTER TABLE "Schedule" DROP COLUMN "notifyOnSuccess";

-- CreateIndex
CREATE INDEX "AuditEvent_scheduleId_at_idx" ON "AuditEvent"("scheduleId", "at");

-- Backfill (hand-written): events written before this migration carry their schedule only in details
-- (schedule.* events, and run.queued of a scheduled run). scheduledFor there is toISOString() ("…Z");
-- Prisma's better-sqlite3 adapter stores and binds a DateTime as "…+00:00" text, so rewrite the suffix
-- or equality with the fire time (skip detection in the fire transaction) would never match.
UPDATE "AuditEvent"
SET "scheduleId" = json_extract("details", '$.scheduleId'),
    "scheduledFor" = replace(json_extract("details", '$.scheduledFor'), 'Z', '+00:00')
WHERE ("action" LIKE 'schedule.%' OR "action" = 'run.queued')
  AND json_valid("details")
  AND json_type("details", '$.scheduleId') = 'text';
