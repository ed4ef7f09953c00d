-- AlterTable
ALTER TABLE "SiteAlertState" ADD COLUMN "unreachableRemindedAt" DATETIME;

