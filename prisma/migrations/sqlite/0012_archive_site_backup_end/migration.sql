-- CreateIndex
CREATE INDEX "Archive_siteId_backupEnd_idx" ON "Archive"("siteId", "backupEnd");

