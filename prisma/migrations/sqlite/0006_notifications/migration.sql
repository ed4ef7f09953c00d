-- CreateTable
CREATE TABLE "NotifyChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "events" TEXT NOT NULL DEFAULT '[]',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "siteIds" TEXT NOT NULL DEFAULT '[]',
    "secretEncrypted" TEXT,
    "reminderHours" INTEGER NOT NULL DEFAULT 24,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NotifyEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "runId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fannedAt" DATETIME,
    "payload" TEXT
);

-- CreateTable
CREATE TABLE "NotifyDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastAnswer" TEXT,
    "lastStatus" INTEGER,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NotifyDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "NotifyEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NotifyDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotifyChannel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SiteAlertState" (
    "siteId" TEXT NOT NULL PRIMARY KEY,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "unreachable" BOOLEAN NOT NULL DEFAULT false,
    "skipsAlerted" BOOLEAN NOT NULL DEFAULT false,
    "staleSince" DATETIME,
    "lastReminderAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "NotifyEvent_fannedAt_occurredAt_idx" ON "NotifyEvent"("fannedAt", "occurredAt");

-- CreateIndex
CREATE INDEX "NotifyDelivery_status_nextAttemptAt_idx" ON "NotifyDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotifyDelivery_channelId_createdAt_idx" ON "NotifyDelivery"("channelId", "createdAt");

-- CreateIndex
CREATE INDEX "NotifyDelivery_channelId_siteId_kind_createdAt_idx" ON "NotifyDelivery"("channelId", "siteId", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotifyDelivery_eventId_channelId_key" ON "NotifyDelivery"("eventId", "channelId");

