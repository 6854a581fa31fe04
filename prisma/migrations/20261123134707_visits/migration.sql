-- CreateEnum
CREATE TYPE "VisitKind" AS ENUM ('on_site', 'phone', 'callback_survey', 'club_event');

-- CreateEnum
CREATE TYPE "VisitPurpose" AS ENUM ('routine_care', 'new_customer_callback', 'complaint_follow_up', 'needs_collection', 'new_service_demo', 'birthday_care', 'retention');

-- CreateTable
CREATE TABLE "visits" (
    "id" BIGSERIAL NOT NULL,
    "customer_code" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "kind" "VisitKind" NOT NULL,
    "purposes" "VisitPurpose"[],
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "occurred_on" DATE NOT NULL,
    "met_with" TEXT,
    "summary" TEXT NOT NULL,
    "satisfaction" INTEGER,
    "next_follow_up_on" DATE,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "visits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_versions" (
    "id" BIGSERIAL NOT NULL,
    "visit_id" BIGINT NOT NULL,
    "version" INTEGER NOT NULL,
    "editor_id" TEXT NOT NULL,
    "edited_at" TIMESTAMP(3) NOT NULL,
    "customer_code" TEXT NOT NULL,
    "kind" "VisitKind" NOT NULL,
    "purposes" "VisitPurpose"[],
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "occurred_on" DATE NOT NULL,
    "met_with" TEXT,
    "summary" TEXT NOT NULL,
    "satisfaction" INTEGER,
    "next_follow_up_on" DATE,

    CONSTRAINT "visit_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_follow_ups" (
    "customer_code" TEXT NOT NULL,
    "last_contact_on" DATE,
    "promised_on" DATE,
    "next_contact_due_on" DATE NOT NULL,
    "due_reason" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_follow_ups_pkey" PRIMARY KEY ("customer_code")
);

-- CreateTable
CREATE TABLE "visit_reminders" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient_id" TEXT NOT NULL,
    "local_date" DATE NOT NULL,
    "claimed_at" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3),
    "channel" TEXT,
    "message_ts" TEXT,
    "line_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "visit_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "visits_customer_code_occurred_at_idx" ON "visits"("customer_code", "occurred_at");

-- CreateIndex
CREATE INDEX "visits_author_id_occurred_at_idx" ON "visits"("author_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "visit_versions_visit_id_version_key" ON "visit_versions"("visit_id", "version");

-- CreateIndex
CREATE INDEX "customer_follow_ups_next_contact_due_on_idx" ON "customer_follow_ups"("next_contact_due_on");

-- CreateIndex
CREATE UNIQUE INDEX "visit_reminders_kind_recipient_id_local_date_key" ON "visit_reminders"("kind", "recipient_id", "local_date");

-- AddForeignKey
ALTER TABLE "visits" ADD CONSTRAINT "visits_customer_code_fkey" FOREIGN KEY ("customer_code") REFERENCES "customers"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visits" ADD CONSTRAINT "visits_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "staff"("slack_user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_versions" ADD CONSTRAINT "visit_versions_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_follow_ups" ADD CONSTRAINT "customer_follow_ups_customer_code_fkey" FOREIGN KEY ("customer_code") REFERENCES "customers"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
