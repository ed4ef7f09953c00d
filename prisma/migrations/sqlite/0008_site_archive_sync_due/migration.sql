-- AlterTable
ALTER TABLE "Site" ADD COLUMN "archivesSyncDueAt" DATETIME;

-- CreateIndex
CREATE INDEX "Site_archivesSyncDueAt_idx" ON "Site"("archivesSyncDueAt");
