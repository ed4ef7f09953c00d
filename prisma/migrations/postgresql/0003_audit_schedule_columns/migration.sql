-- AlterTable
ALTER TABLE "Schedule" DROP COLUMN "notifyOnFailure",
DROP COLUMN "notifyOnSuccess";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "scheduleId" TEXT,
ADD COLUMN     "scheduledFor" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "AuditEvent_scheduleId_at_idx" ON "AuditEvent"("scheduleId", "at");


-- Backfill (hand-written): events written before this migration carry their schedule only in details
-- (schedule.* events, and run.queued of a scheduled run). details holds scheduledFor as an ISO string
-- in UTC; the column is a timestamp without zone holding UTC, as Prisma writes it.
UPDATE "AuditEvent"
SET "scheduleId" = "details"::jsonb ->> 'scheduleId',
    "scheduledFor" = ("details"::jsonb ->> 'scheduledFor')::timestamptz AT TIME ZONE 'UTC'
WHERE ("action" LIKE 'schedule.%' OR "action" = 'run.queued')
  AND "details"::jsonb ->> 'scheduleId' IS NOT NULL;
