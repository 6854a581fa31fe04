-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('holiday', 'workday');

-- CreateTable
CREATE TABLE "calendar_days" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT,
    "source" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "loaded_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "calendar_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "care_callbacks" (
    "id" BIGSERIAL NOT NULL,
    "ticket_id" UUID NOT NULL,
    "customer_code" TEXT NOT NULL,
    "manager_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "done_at" TIMESTAMP(3),
    "visit_id" BIGINT,
    "satisfaction" TEXT,
    "reminded_at" TIMESTAMP(3),

    CONSTRAINT "care_callbacks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_plans" (
    "id" BIGSERIAL NOT NULL,
    "manager_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "event_on" DATE NOT NULL,
    "target_members" TEXT NOT NULL,
    "places" INTEGER NOT NULL,
    "budget_yuan" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "approval_request_id" BIGINT,
    "report_due_on" DATE,
    "attendance" INTEGER,
    "satisfaction" INTEGER,
    "report_note" TEXT,
    "reported_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "activity_plans_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "care_callbacks_ticket_id_key" ON "care_callbacks"("ticket_id");

-- CreateIndex
CREATE INDEX "care_callbacks_manager_id_done_at_idx" ON "care_callbacks"("manager_id", "done_at");

-- CreateIndex
CREATE INDEX "care_callbacks_region_code_created_at_idx" ON "care_callbacks"("region_code", "created_at");

-- CreateIndex
CREATE INDEX "activity_plans_region_code_event_on_idx" ON "activity_plans"("region_code", "event_on");
