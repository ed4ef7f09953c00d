-- AlterTable
ALTER TABLE "RunnerHeartbeat" ADD COLUMN     "stats" TEXT;

