-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "retentionLeaseOwner" TEXT,
ADD COLUMN     "retentionLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "retentionRefusal" TEXT,
ADD COLUMN     "retentionRefusedAt" TIMESTAMP(3),
ADD COLUMN     "retentionRetryAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "BackupRun" ADD COLUMN     "rawCompactedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Archive" ADD COLUMN     "frozen" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionAction" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "archiveId" TEXT NOT NULL,
    "remoteId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "trigger" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "policies" TEXT NOT NULL DEFAULT '[]',
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RetentionAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionSweep" (
    "day" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "summary" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "RetentionSweep_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "RetentionAction_siteId_status_idx" ON "RetentionAction"("siteId", "status");

-- CreateIndex
CREATE INDEX "RetentionAction_status_createdAt_idx" ON "RetentionAction"("status", "createdAt");

