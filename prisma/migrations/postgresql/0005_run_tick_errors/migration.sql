-- AlterTable
ALTER TABLE "BackupRun" ADD COLUMN     "tickErrors" INTEGER NOT NULL DEFAULT 0;

