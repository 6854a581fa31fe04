-- AlterTable
ALTER TABLE "ticket_notices" ADD COLUMN     "channel_id" TEXT,
ADD COLUMN     "message_ts" TEXT;
