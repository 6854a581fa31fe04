-- CreateTable
CREATE TABLE "seen_deliveries" (
    "key" TEXT NOT NULL,
    "seen_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "seen_deliveries_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "seen_deliveries_seen_at_idx" ON "seen_deliveries"("seen_at");
