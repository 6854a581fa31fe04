-- AlterTable
ALTER TABLE "tickets" ADD COLUMN     "pings_muted_by_id" TEXT,
ADD COLUMN     "pings_muted_until" TIMESTAMP(3);
