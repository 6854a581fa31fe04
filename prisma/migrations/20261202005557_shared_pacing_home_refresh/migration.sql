-- AlterTable
ALTER TABLE "home_tab_opens" ADD COLUMN     "built_at" TIMESTAMP(3),
ADD COLUMN     "changed_at" TIMESTAMP(3),
ADD COLUMN     "lease_until" TIMESTAMP(3),
ADD COLUMN     "view_hash" TEXT;

-- CreateTable
CREATE TABLE "slack_channel_turns" (
    "channel" TEXT NOT NULL,
    "free_at" TIMESTAMP(3) NOT NULL,
    "holder" TEXT,
    "taken_at" TIMESTAMP(3),
    "held_until" TIMESTAMP(3),

    CONSTRAINT "slack_channel_turns_pkey" PRIMARY KEY ("channel")
);

-- CreateTable
CREATE TABLE "slack_method_budgets" (
    "method" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilled_at" TIMESTAMP(3) NOT NULL,
    "paused_until" TIMESTAMP(3),

    CONSTRAINT "slack_method_budgets_pkey" PRIMARY KEY ("method")
);

-- CreateIndex
CREATE INDEX "home_tab_opens_changed_at_idx" ON "home_tab_opens"("changed_at");
