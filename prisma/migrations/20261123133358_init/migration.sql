-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('account_manager', 'field_engineer', 'supervisor', 'admin');

-- CreateEnum
CREATE TYPE "StaffGrade" AS ENUM ('junior', 'mid', 'senior', 'star');

-- CreateEnum
CREATE TYPE "CustomerKind" AS ENUM ('vip', 'group', 'strategic');

-- CreateEnum
CREATE TYPE "CardTier" AS ENUM ('diamond', 'gold', 'silver');

-- CreateEnum
CREATE TYPE "GroupClass" AS ENUM ('A', 'B', 'C', 'D', 'E');

-- CreateEnum
CREATE TYPE "ServiceLevel" AS ENUM ('AAA', 'AA', 'A', 'standard');

-- CreateTable
CREATE TABLE "regions" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ticket_channel_id" TEXT,
    "cross_region_channel_id" TEXT,
    "supervisor_channel_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "regions_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "staff" (
    "slack_user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "grade" "StaffGrade",
    "region_code" TEXT,
    "timezone" TEXT,
    "locale" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_pkey" PRIMARY KEY ("slack_user_id")
);

-- CreateTable
CREATE TABLE "customers" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CustomerKind" NOT NULL,
    "card_tier" "CardTier",
    "group_class" "GroupClass",
    "service_level" "ServiceLevel",
    "region_code" TEXT NOT NULL,
    "account_manager_id" TEXT,
    "phone" TEXT,
    "joined_on" DATE,
    "birthday" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timers" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "due_at" TIMESTAMP(3),
    "lease_until" TIMESTAMP(3),
    "lease_owner" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "fired_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "timers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_failures" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "resolved" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "delivery_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "staff_region_code_role_idx" ON "staff"("region_code", "role");

-- CreateIndex
CREATE INDEX "customers_account_manager_id_idx" ON "customers"("account_manager_id");

-- CreateIndex
CREATE INDEX "customers_region_code_idx" ON "customers"("region_code");

-- CreateIndex
CREATE INDEX "audit_entries_subject_at_idx" ON "audit_entries"("subject", "at");

-- CreateIndex
CREATE INDEX "timers_due_at_idx" ON "timers"("due_at");

-- CreateIndex
CREATE UNIQUE INDEX "timers_kind_subject_id_key" ON "timers"("kind", "subject_id");

-- CreateIndex
CREATE INDEX "delivery_failures_resolved_at_idx" ON "delivery_failures"("resolved", "at");

-- AddForeignKey
ALTER TABLE "staff" ADD CONSTRAINT "staff_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_account_manager_id_fkey" FOREIGN KEY ("account_manager_id") REFERENCES "staff"("slack_user_id") ON DELETE SET NULL ON UPDATE CASCADE;
