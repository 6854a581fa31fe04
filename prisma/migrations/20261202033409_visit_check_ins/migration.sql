-- CreateTable
CREATE TABLE "visit_check_ins" (
    "id" BIGSERIAL NOT NULL,
    "customer_code" TEXT NOT NULL,
    "manager_id" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "visit_check_ins_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "visit_check_ins_manager_id_ended_at_idx" ON "visit_check_ins"("manager_id", "ended_at");

-- CreateIndex
CREATE INDEX "visit_check_ins_started_at_idx" ON "visit_check_ins"("started_at");
