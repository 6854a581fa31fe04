-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('open', 'claimed', 'on_site', 'restored', 'closed', 'cancelled');

-- CreateEnum
CREATE TYPE "TicketScope" AS ENUM ('within_province', 'across_provinces');

-- CreateEnum
CREATE TYPE "TicketServiceType" AS ENUM ('group_messaging', 'voice_line', 'apn_line', 'internet_line', 'data_line', 'other');

-- CreateTable
CREATE TABLE "tickets" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "customer_code" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "service_type" "TicketServiceType" NOT NULL,
    "scope" "TicketScope" NOT NULL,
    "service_level" "ServiceLevel" NOT NULL,
    "description" TEXT NOT NULL,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "external_ref" TEXT,
    "status" "TicketStatus" NOT NULL DEFAULT 'open',
    "opened_by_id" TEXT NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL,
    "window_minutes" INTEGER NOT NULL,
    "paused_millis" BIGINT NOT NULL DEFAULT 0,
    "restore_deadline" TIMESTAMP(3) NOT NULL,
    "unclaimed_since" TIMESTAMP(3),
    "claimer_id" TEXT,
    "claimed_at" TIMESTAMP(3),
    "claim_check_asked_at" TIMESTAMP(3),
    "on_site_at" TIMESTAMP(3),
    "restored_at" TIMESTAMP(3),
    "restore_cause" TEXT,
    "restore_action" TEXT,
    "closed_at" TIMESTAMP(3),
    "cancelled_at" TIMESTAMP(3),
    "cancel_reason" TEXT,
    "major" BOOLEAN NOT NULL DEFAULT false,
    "sla_pinged_through" TIMESTAMP(3),
    "channel_id" TEXT,
    "message_ts" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_affected_customers" (
    "ticket_id" UUID NOT NULL,
    "customer_code" TEXT NOT NULL,
    "linked_by_id" TEXT NOT NULL,
    "linked_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ticket_affected_customers_pkey" PRIMARY KEY ("ticket_id","customer_code")
);

-- CreateTable
CREATE TABLE "ticket_notices" (
    "ticket_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ticket_notices_pkey" PRIMARY KEY ("ticket_id","key")
);

-- CreateTable
CREATE TABLE "ticket_number_sequences" (
    "day" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ticket_number_sequences_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE UNIQUE INDEX "tickets_number_key" ON "tickets"("number");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_external_ref_key" ON "tickets"("external_ref");

-- CreateIndex
CREATE INDEX "tickets_region_code_status_idx" ON "tickets"("region_code", "status");

-- CreateIndex
CREATE INDEX "tickets_claimer_id_status_idx" ON "tickets"("claimer_id", "status");

-- CreateIndex
CREATE INDEX "tickets_customer_code_opened_at_idx" ON "tickets"("customer_code", "opened_at");

-- CreateIndex
CREATE INDEX "tickets_status_restore_deadline_idx" ON "tickets"("status", "restore_deadline");

-- CreateIndex
CREATE INDEX "ticket_affected_customers_customer_code_idx" ON "ticket_affected_customers"("customer_code");

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_customer_code_fkey" FOREIGN KEY ("customer_code") REFERENCES "customers"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_affected_customers" ADD CONSTRAINT "ticket_affected_customers_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_notices" ADD CONSTRAINT "ticket_notices_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
