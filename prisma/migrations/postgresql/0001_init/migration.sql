-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "endpointUrl" TEXT,
    "platform" TEXT,
    "keyCiphertext" TEXT NOT NULL,
    "apiLevel" INTEGER,
    "akeebaVersion" TEXT,
    "edition" TEXT,
    "defaultProfileId" INTEGER NOT NULL DEFAULT 1,
    "hostGroup" TEXT,
    "hostKey" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "maxBackupAgeHours" INTEGER NOT NULL DEFAULT 168,
    "connectionStatus" TEXT NOT NULL DEFAULT 'unknown',
    "connectionError" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "archivesSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Profile" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "remoteId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Profile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "siteId" TEXT,
    "tag" TEXT,
    "cron" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "profileId" INTEGER,
    "descriptionTemplate" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "runOnce" BOOLEAN NOT NULL DEFAULT false,
    "staggerMinutes" INTEGER NOT NULL DEFAULT 0,
    "changedBy" TEXT,
    "changeReason" TEXT,
    "changedAt" TIMESTAMP(3),
    "nextFireAt" TIMESTAMP(3),
    "lastFireAt" TIMESTAMP(3),
    "notifyOnFailure" BOOLEAN NOT NULL DEFAULT true,
    "notifyOnSuccess" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackupRun" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "profileId" INTEGER NOT NULL DEFAULT 1,
    "description" TEXT,
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "requestedBy" TEXT,
    "scheduleId" TEXT,
    "scheduledFor" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'queued',
    "phase" TEXT NOT NULL DEFAULT 'start',
    "hostKey" TEXT NOT NULL,
    "remoteBackupId" TEXT,
    "remoteRecordId" INTEGER,
    "archiveName" TEXT,
    "backupType" TEXT,
    "domain" TEXT,
    "step" TEXT,
    "substep" TEXT,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "lastStepNumber" INTEGER,
    "stepSeq" INTEGER NOT NULL DEFAULT 0,
    "warningsCount" INTEGER NOT NULL DEFAULT 0,
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "reconcileCount" INTEGER NOT NULL DEFAULT 0,
    "reconcileReason" TEXT,
    "pendingErrorKind" TEXT,
    "pendingErrorMessage" TEXT,
    "errorKind" TEXT,
    "errorMessage" TEXT,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "deleteRemoteOnCancel" BOOLEAN NOT NULL DEFAULT false,
    "nextTickAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "leaseExpiries" INTEGER NOT NULL DEFAULT 0,
    "lastProgressAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackupRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackupStep" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "call" TEXT NOT NULL,
    "stepNumber" INTEGER,
    "domain" TEXT,
    "step" TEXT,
    "substep" TEXT,
    "progress" INTEGER,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "errorKind" TEXT,
    "sleepTime" INTEGER,
    "stepState" TEXT,
    "httpStatus" INTEGER NOT NULL,
    "envelopeStatus" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "rawBody" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BackupStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Archive" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "remoteId" INTEGER NOT NULL,
    "runId" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "comment" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "meta" TEXT,
    "type" TEXT NOT NULL DEFAULT '',
    "origin" TEXT NOT NULL DEFAULT '',
    "profileId" INTEGER NOT NULL DEFAULT 1,
    "archiveName" TEXT NOT NULL DEFAULT '',
    "multipart" INTEGER NOT NULL DEFAULT 0,
    "totalSize" BIGINT NOT NULL DEFAULT 0,
    "backupStart" TIMESTAMP(3),
    "backupEnd" TIMESTAMP(3),
    "filesExist" BOOLEAN NOT NULL DEFAULT true,
    "remoteFilename" TEXT,
    "parts" TEXT,
    "goneFromSite" BOOLEAN NOT NULL DEFAULT false,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT,
    "action" TEXT NOT NULL,
    "siteId" TEXT,
    "runId" TEXT,
    "archiveId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunnerHeartbeat" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RunnerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Site_hostKey_idx" ON "Site"("hostKey");

-- CreateIndex
CREATE UNIQUE INDEX "Profile_siteId_remoteId_key" ON "Profile"("siteId", "remoteId");

-- CreateIndex
CREATE INDEX "Schedule_enabled_nextFireAt_idx" ON "Schedule"("enabled", "nextFireAt");

-- CreateIndex
CREATE INDEX "BackupRun_status_nextTickAt_idx" ON "BackupRun"("status", "nextTickAt");

-- CreateIndex
CREATE INDEX "BackupRun_siteId_status_idx" ON "BackupRun"("siteId", "status");

-- CreateIndex
CREATE INDEX "BackupRun_createdAt_idx" ON "BackupRun"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BackupRun_scheduleId_siteId_scheduledFor_key" ON "BackupRun"("scheduleId", "siteId", "scheduledFor");

-- CreateIndex
CREATE UNIQUE INDEX "BackupStep_runId_seq_key" ON "BackupStep"("runId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Archive_runId_key" ON "Archive"("runId");

-- CreateIndex
CREATE INDEX "Archive_backupStart_idx" ON "Archive"("backupStart");

-- CreateIndex
CREATE UNIQUE INDEX "Archive_siteId_remoteId_key" ON "Archive"("siteId", "remoteId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "Profile" ADD CONSTRAINT "Profile_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupRun" ADD CONSTRAINT "BackupRun_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupRun" ADD CONSTRAINT "BackupRun_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupStep" ADD CONSTRAINT "BackupStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BackupRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Archive" ADD CONSTRAINT "Archive_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Archive" ADD CONSTRAINT "Archive_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BackupRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

