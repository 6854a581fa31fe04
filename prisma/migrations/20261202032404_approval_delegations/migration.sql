-- AlterEnum
ALTER TYPE "ApprovalVerdict" ADD VALUE 'abstain';

-- AlterTable
ALTER TABLE "approval_decisions" ADD COLUMN     "on_behalf_of_id" TEXT;

-- CreateTable
CREATE TABLE "approval_delegations" (
    "id" BIGSERIAL NOT NULL,
    "delegator_id" TEXT NOT NULL,
    "deputy_id" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_delegations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "approval_delegations_deputy_id_ends_at_idx" ON "approval_delegations"("deputy_id", "ends_at");

-- CreateIndex
CREATE INDEX "approval_delegations_delegator_id_ends_at_idx" ON "approval_delegations"("delegator_id", "ends_at");
