-- CreateIndex
CREATE INDEX "BackupRun_siteId_finishedAt_idx" ON "BackupRun"("siteId", "finishedAt");

-- CreateIndex
CREATE INDEX "BackupRun_siteId_createdAt_idx" ON "BackupRun"("siteId", "createdAt");

-- CreateIndex
CREATE INDEX "BackupRun_status_createdAt_idx" ON "BackupRun"("status", "createdAt");

-- CreateIndex
CREATE INDEX "BackupRun_trigger_createdAt_idx" ON "BackupRun"("trigger", "createdAt");

