-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "lockedBy" TEXT,
ADD COLUMN     "partPending" INTEGER,
ADD COLUMN     "partPendingAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TurnEffect" (
    "id" TEXT NOT NULL,
    "turnKey" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "resultJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TurnEffect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TurnEffect_turnKey_idx" ON "TurnEffect"("turnKey");

