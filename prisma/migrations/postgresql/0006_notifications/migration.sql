-- CreateTable
CREATE TABLE "NotifyChannel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "events" TEXT NOT NULL DEFAULT '[]',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "siteIds" TEXT NOT NULL DEFAULT '[]',
    "secretEncrypted" TEXT,
    "reminderHours" INTEGER NOT NULL DEFAULT 24,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotifyChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotifyEvent" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "runId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fannedAt" TIMESTAMP(3),
    "payload" TEXT,

    CONSTRAINT "NotifyEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotifyDelivery" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastAnswer" TEXT,
    "lastStatus" INTEGER,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotifyDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteAlertState" (
    "siteId" TEXT NOT NULL,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "unreachable" BOOLEAN NOT NULL DEFAULT false,
    "skipsAlerted" BOOLEAN NOT NULL DEFAULT false,
    "staleSince" TIMESTAMP(3),
    "lastReminderAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SiteAlertState_pkey" PRIMARY KEY ("siteId")
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

-- AddForeignKey
ALTER TABLE "NotifyDelivery" ADD CONSTRAINT "NotifyDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "NotifyEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotifyDelivery" ADD CONSTRAINT "NotifyDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotifyChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

