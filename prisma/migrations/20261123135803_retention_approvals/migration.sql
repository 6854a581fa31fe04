-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('pending', 'approved', 'rejected', 'expired');

-- CreateEnum
CREATE TYPE "ApprovalVerdict" AS ENUM ('approve', 'reject');

-- CreateEnum
CREATE TYPE "CustomerStatus" AS ENUM ('active', 'churned');

-- CreateEnum
CREATE TYPE "RetentionTrigger" AS ENUM ('booked_cancellation', 'stop_request', 'arrears', 'contract_expiry', 'churn_warning');

-- CreateEnum
CREATE TYPE "RetentionReason" AS ENUM ('tariff', 'network', 'service', 'personalised_needs', 'competitor', 'relocation', 'other');

-- CreateEnum
CREATE TYPE "RetentionOutcome" AS ENUM ('retained', 'considering', 'churned');

-- CreateEnum
CREATE TYPE "RetentionCaseStatus" AS ENUM ('open', 'pending_approval', 'closed');

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "churn_reason" TEXT,
ADD COLUMN     "churned_at" TIMESTAMP(3),
ADD COLUMN     "status" "CustomerStatus" NOT NULL DEFAULT 'active';

-- CreateTable
CREATE TABLE "approval_requests" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "requester_id" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "reason" TEXT,
    "value" INTEGER,
    "required_approvals" INTEGER NOT NULL DEFAULT 1,
    "approval_count" INTEGER NOT NULL DEFAULT 0,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'pending',
    "rejection_reason" TEXT,
    "decided_at" TIMESTAMP(3),
    "remind_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "reminded_at" TIMESTAMP(3),
    "channel_id" TEXT,
    "message_ts" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_decisions" (
    "id" BIGSERIAL NOT NULL,
    "request_id" BIGINT NOT NULL,
    "decider_id" TEXT NOT NULL,
    "verdict" "ApprovalVerdict" NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retention_cases" (
    "id" BIGSERIAL NOT NULL,
    "customer_code" TEXT NOT NULL,
    "manager_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "trigger" "RetentionTrigger" NOT NULL,
    "reasons" "RetentionReason"[],
    "notes" TEXT,
    "status" "RetentionCaseStatus" NOT NULL,
    "outcome" "RetentionOutcome",
    "offer_code" TEXT,
    "offer_value" INTEGER,
    "follow_up_on" DATE,
    "follow_up_reminded_at" TIMESTAMP(3),
    "proposed_outcome" "RetentionOutcome",
    "proposed_offer_code" TEXT,
    "proposed_offer_value" INTEGER,
    "proposed_follow_up_on" DATE,
    "approval_request_id" BIGINT,
    "opened_at" TIMESTAMP(3) NOT NULL,
    "closed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "retention_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_status_changes" (
    "id" BIGSERIAL NOT NULL,
    "customer_code" TEXT NOT NULL,
    "status" "CustomerStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "cause" "RetentionTrigger",
    "reasons" "RetentionReason"[],
    "case_id" BIGINT,

    CONSTRAINT "customer_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "approval_requests_kind_subject_id_idx" ON "approval_requests"("kind", "subject_id");

-- CreateIndex
CREATE INDEX "approval_requests_region_code_status_idx" ON "approval_requests"("region_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "approval_decisions_request_id_decider_id_key" ON "approval_decisions"("request_id", "decider_id");

-- CreateIndex
CREATE INDEX "retention_cases_customer_code_status_idx" ON "retention_cases"("customer_code", "status");

-- CreateIndex
CREATE INDEX "retention_cases_manager_id_opened_at_idx" ON "retention_cases"("manager_id", "opened_at");

-- CreateIndex
CREATE INDEX "retention_cases_region_code_opened_at_idx" ON "retention_cases"("region_code", "opened_at");

-- CreateIndex
CREATE INDEX "customer_status_changes_customer_code_at_idx" ON "customer_status_changes"("customer_code", "at");

-- CreateIndex
CREATE INDEX "customer_status_changes_status_at_idx" ON "customer_status_changes"("status", "at");

-- AddForeignKey
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "approval_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
