-- AlterTable
-- Hand-written: Prisma's generated table rebuild would drop "BackupRun" inside the migrator's
-- transaction, where PRAGMA foreign_keys=OFF has no effect, cascading to every step row and dropping
-- the one-running-run-per-site index (0002). Adding a column needs no rebuild.
ALTER TABLE "BackupRun" ADD COLUMN "tickErrors" INTEGER NOT NULL DEFAULT 0;
