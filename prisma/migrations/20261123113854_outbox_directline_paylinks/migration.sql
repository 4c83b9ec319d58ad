-- AlterTable
ALTER TABLE "Installment" ADD COLUMN "lockedUntil" DATETIME;
ALTER TABLE "Installment" ADD COLUMN "nextAttemptAt" DATETIME;
ALTER TABLE "Installment" ADD COLUMN "remindedAt" DATETIME;

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "conversationId" TEXT,
    "accountId" TEXT,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "botInitiated" BOOLEAN NOT NULL DEFAULT true,
    "notBefore" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "providerRef" TEXT,
    "deliveryStatus" TEXT,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "DirectLineConversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeq" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "DirectLineActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DirectLineActivity_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DirectLineConversation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PayLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "planId" TEXT,
    "installmentId" TEXT,
    "purpose" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "checkoutSessionId" TEXT,
    "checkoutUrl" TEXT,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Plan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "total" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "frequency" TEXT,
    "downPayment" INTEGER NOT NULL DEFAULT 0,
    "hardship" BOOLEAN NOT NULL DEFAULT false,
    "authorizationText" TEXT,
    "authorizedAt" DATETIME,
    "authorizedChannel" TEXT,
    "conversationId" TEXT,
    "gatewayCustomerId" TEXT,
    "gatewayPaymentMethodId" TEXT,
    "missedCount" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Plan_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Plan" ("accountId", "authorizationText", "authorizedAt", "authorizedChannel", "cancelledAt", "createdAt", "currency", "downPayment", "frequency", "hardship", "id", "kind", "status", "total", "updatedAt") SELECT "accountId", "authorizationText", "authorizedAt", "authorizedChannel", "cancelledAt", "createdAt", "currency", "downPayment", "frequency", "hardship", "id", "kind", "status", "total", "updatedAt" FROM "Plan";
DROP TABLE "Plan";
ALTER TABLE "new_Plan" RENAME TO "Plan";
CREATE INDEX "Plan_accountId_idx" ON "Plan"("accountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_accountId_createdAt_idx" ON "OutboxMessage"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DirectLineActivity_conversationId_seq_key" ON "DirectLineActivity"("conversationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "PayLink_tokenHash_key" ON "PayLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PayLink_accountId_idx" ON "PayLink"("accountId");

