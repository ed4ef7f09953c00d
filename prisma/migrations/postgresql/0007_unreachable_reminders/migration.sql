-- AlterTable
ALTER TABLE "SiteAlertState" ADD COLUMN     "unreachableRemindedAt" TIMESTAMP(3);

