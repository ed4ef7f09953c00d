-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "lastCheckedAt" DATETIME,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "archivesSyncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Profile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siteId" TEXT NOT NULL,
    "remoteId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Profile_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "changedAt" DATETIME,
    "nextFireAt" DATETIME,
    "lastFireAt" DATETIME,
    "notifyOnFailure" BOOLEAN NOT NULL DEFAULT true,
    "notifyOnSuccess" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Schedule_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BackupRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siteId" TEXT NOT NULL,
    "profileId" INTEGER NOT NULL DEFAULT 1,
    "description" TEXT,
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "requestedBy" TEXT,
    "scheduleId" TEXT,
    "scheduledFor" DATETIME,
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
    "nextTickAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "leaseExpiries" INTEGER NOT NULL DEFAULT 0,
    "lastProgressAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BackupRun_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BackupRun_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BackupStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BackupStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BackupRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Archive" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "backupStart" DATETIME,
    "backupEnd" DATETIME,
    "filesExist" BOOLEAN NOT NULL DEFAULT true,
    "remoteFilename" TEXT,
    "parts" TEXT,
    "goneFromSite" BOOLEAN NOT NULL DEFAULT false,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Archive_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Archive_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BackupRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT,
    "action" TEXT NOT NULL,
    "siteId" TEXT,
    "runId" TEXT,
    "archiveId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "RunnerHeartbeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL
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

