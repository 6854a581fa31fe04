-- CreateTable
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL,
    "due_at" TIMESTAMP(3),
    "lease_until" TIMESTAMP(3),
    "lease_owner" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "done_at" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_steps" (
    "outbox_id" BIGINT NOT NULL,
    "key" TEXT NOT NULL,
    "channel" TEXT,
    "ts" TEXT,
    "done_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbox_steps_pkey" PRIMARY KEY ("outbox_id","key")
);

-- CreateIndex
CREATE INDEX "outbox_subject_id_idx" ON "outbox"("subject", "id");

-- CreateIndex
CREATE INDEX "outbox_due_at_idx" ON "outbox"("due_at");

-- AddForeignKey
ALTER TABLE "outbox_steps" ADD CONSTRAINT "outbox_steps_outbox_id_fkey" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;
