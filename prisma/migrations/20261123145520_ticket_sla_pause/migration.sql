-- AlterTable
ALTER TABLE "tickets" ADD COLUMN     "pause_request_id" BIGINT,
ADD COLUMN     "paused_since" TIMESTAMP(3);
