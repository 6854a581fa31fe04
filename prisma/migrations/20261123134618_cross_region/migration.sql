-- CreateEnum
CREATE TYPE "XregionService" AS ENUM ('bill_query', 'service_change', 'sim_replacement', 'roaming_activation', 'complaint', 'other');

-- CreateEnum
CREATE TYPE "XregionStatus" AS ENUM ('open', 'accepted', 'replied', 'rejected');

-- CreateEnum
CREATE TYPE "XregionResult" AS ENUM ('done', 'partly_done', 'cannot_be_done');

-- CreateTable
CREATE TABLE "xregion_requests" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "home_region_code" TEXT NOT NULL,
    "serving_region_code" TEXT NOT NULL,
    "customer_code" TEXT,
    "card_tier" "CardTier",
    "opened_by_id" TEXT NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL,
    "reply_deadline" TIMESTAMP(3) NOT NULL,
    "status" "XregionStatus" NOT NULL DEFAULT 'open',
    "handler_id" TEXT,
    "accepted_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "rejected_by_id" TEXT,
    "reject_reason" TEXT,
    "home_channel_id" TEXT,
    "home_message_ts" TEXT,
    "serving_channel_id" TEXT,
    "serving_message_ts" TEXT,
    "reminder_sent_at" TIMESTAMP(3),
    "breach_sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "xregion_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "xregion_acceptance_forms" (
    "id" BIGSERIAL NOT NULL,
    "request_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "member_number" TEXT NOT NULL,
    "member_name" TEXT NOT NULL,
    "card_tier" "CardTier",
    "home_region_code" TEXT NOT NULL,
    "serving_region_code" TEXT NOT NULL,
    "service" "XregionService" NOT NULL,
    "description" TEXT NOT NULL,
    "contact_phone" TEXT NOT NULL,
    "verified_by" TEXT,
    "reply_deadline" TIMESTAMP(3) NOT NULL,
    "submitted_by_id" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "xregion_acceptance_forms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "xregion_reply_forms" (
    "id" BIGSERIAL NOT NULL,
    "request_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "result" "XregionResult" NOT NULL,
    "reason" TEXT,
    "actions_taken" TEXT NOT NULL,
    "handled_by" TEXT NOT NULL,
    "handled_at" TIMESTAMP(3) NOT NULL,
    "notes" TEXT,
    "submitted_by_id" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "xregion_reply_forms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "xregion_number_counters" (
    "day" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "xregion_number_counters_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE UNIQUE INDEX "xregion_requests_number_key" ON "xregion_requests"("number");

-- CreateIndex
CREATE INDEX "xregion_requests_home_region_code_opened_at_idx" ON "xregion_requests"("home_region_code", "opened_at");

-- CreateIndex
CREATE INDEX "xregion_requests_serving_region_code_opened_at_idx" ON "xregion_requests"("serving_region_code", "opened_at");

-- CreateIndex
CREATE INDEX "xregion_requests_opened_at_idx" ON "xregion_requests"("opened_at");

-- CreateIndex
CREATE INDEX "xregion_requests_customer_code_idx" ON "xregion_requests"("customer_code");

-- CreateIndex
CREATE INDEX "xregion_acceptance_forms_submitted_at_idx" ON "xregion_acceptance_forms"("submitted_at");

-- CreateIndex
CREATE INDEX "xregion_acceptance_forms_member_number_idx" ON "xregion_acceptance_forms"("member_number");

-- CreateIndex
CREATE UNIQUE INDEX "xregion_acceptance_forms_request_id_version_key" ON "xregion_acceptance_forms"("request_id", "version");

-- CreateIndex
CREATE INDEX "xregion_reply_forms_submitted_at_idx" ON "xregion_reply_forms"("submitted_at");

-- CreateIndex
CREATE UNIQUE INDEX "xregion_reply_forms_request_id_version_key" ON "xregion_reply_forms"("request_id", "version");

-- AddForeignKey
ALTER TABLE "xregion_acceptance_forms" ADD CONSTRAINT "xregion_acceptance_forms_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "xregion_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "xregion_reply_forms" ADD CONSTRAINT "xregion_reply_forms_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "xregion_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Forms kept for audit (以备查) are never changed or removed: a correction is a new
-- version. Prisma does not model triggers, so this part is written by hand.
CREATE FUNCTION xregion_forms_are_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are kept for audit and cannot be changed; submit a new version instead', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "xregion_acceptance_forms_immutable" BEFORE UPDATE OR DELETE ON "xregion_acceptance_forms"
  FOR EACH ROW EXECUTE FUNCTION xregion_forms_are_immutable();

CREATE TRIGGER "xregion_reply_forms_immutable" BEFORE UPDATE OR DELETE ON "xregion_reply_forms"
  FOR EACH ROW EXECUTE FUNCTION xregion_forms_are_immutable();
