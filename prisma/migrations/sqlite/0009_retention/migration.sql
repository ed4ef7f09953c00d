-- AlterTable
ALTER TABLE "Site" ADD COLUMN "retentionLeaseOwner" TEXT;
ALTER TABLE "Site" ADD COLUMN "retentionLeaseUntil" DATETIME;
ALTER TABLE "Site" ADD COLUMN "retentionRefusal" TEXT;
ALTER TABLE "Site" ADD COLUMN "retentionRefusedAt" DATETIME;
ALTER TABLE "Site" ADD COLUMN "retentionRetryAt" DATETIME;

-- AlterTable
ALTER TABLE "BackupRun" ADD COLUMN "rawCompactedAt" DATETIME;

-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "siteIds" TEXT NOT NULL DEFAULT '[]',
    "keepLast" INTEGER,
    "keepDays" INTEGER,
    "keepWeekly" INTEGER,
    "keepMonthly" INTEGER,
    "action" TEXT NOT NULL DEFAULT 'delete_files',
    "includeForeign" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RetentionAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siteId" TEXT NOT NULL,
    "archiveId" TEXT NOT NULL,
    "remoteId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "trigger" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "policies" TEXT NOT NULL DEFAULT '[]',
    "message" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "RetentionSweep" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "summary" TEXT NOT NULL DEFAULT '{}'
);

-- AlterTable (a plain ADD COLUMN: a table rebuild inside the migrator's transaction would cascade-delete rows)
ALTER TABLE "Archive" ADD COLUMN "frozen" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "RetentionAction_siteId_status_idx" ON "RetentionAction"("siteId", "status");

-- CreateIndex
CREATE INDEX "RetentionAction_status_createdAt_idx" ON "RetentionAction"("status", "createdAt");

