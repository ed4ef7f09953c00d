-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "archivesSyncDueAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Site_archivesSyncDueAt_idx" ON "Site"("archivesSyncDueAt");
