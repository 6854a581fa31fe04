-- CreateTable
CREATE TABLE "monthly_report_posts" (
    "id" BIGSERIAL NOT NULL,
    "region_code" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "claimed_at" TIMESTAMP(3) NOT NULL,
    "channel_id" TEXT,
    "message_ts" TEXT,
    "files_uploaded_at" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "monthly_report_posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "home_tab_opens" (
    "slack_user_id" TEXT NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "home_tab_opens_pkey" PRIMARY KEY ("slack_user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "monthly_report_posts_region_code_month_key" ON "monthly_report_posts"("region_code", "month");
