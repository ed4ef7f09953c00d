-- Hand-written (Prisma's schema language has no partial indexes): the database itself refuses a
-- second running backup on one site, whatever the runners do (DESIGN.md fact 3: startBackup kills
-- the backup already running on that site).
CREATE UNIQUE INDEX "BackupRun_one_running_per_site" ON "BackupRun"("siteId") WHERE "status" = 'running';
