-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "lockedBy" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "partPending" INTEGER;
ALTER TABLE "OutboxMessage" ADD COLUMN "partPendingAt" DATETIME;

-- CreateTable
CREATE TABLE "TurnEffect" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "turnKey" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "resultJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "TurnEffect_turnKey_idx" ON "TurnEffect"("turnKey");

