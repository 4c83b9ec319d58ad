-- CreateTable
CREATE TABLE "AccountNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountNote_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccountNote_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "conversationId" TEXT,
    "handoffId" TEXT,
    "kind" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "dueDate" TEXT NOT NULL,
    "amount" INTEGER,
    "currency" TEXT,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "closedBy" TEXT,
    CONSTRAINT "FollowUp_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WaitingTarget" (
    "band" TEXT NOT NULL PRIMARY KEY,
    "minutes" INTEGER NOT NULL,
    "updatedBy" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CannedReply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "updatedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountNumber" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL,
    "zip" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "timeZone" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "creditorId" TEXT NOT NULL,
    "originalCreditor" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "itemizationDate" DATETIME NOT NULL,
    "itemizationAmount" INTEGER NOT NULL,
    "interestSinceItemization" INTEGER NOT NULL DEFAULT 0,
    "feesSinceItemization" INTEGER NOT NULL DEFAULT 0,
    "paymentsSinceItemization" INTEGER NOT NULL DEFAULT 0,
    "creditsSinceItemization" INTEGER NOT NULL DEFAULT 0,
    "balance" INTEGER NOT NULL,
    "factorSalt" TEXT NOT NULL,
    "dobHash" TEXT NOT NULL,
    "ssnLast4Hash" TEXT NOT NULL,
    "failedVerifications" INTEGER NOT NULL DEFAULT 0,
    "verificationLockedUntil" DATETIME,
    "disputed" BOOLEAN NOT NULL DEFAULT false,
    "ceaseCommunication" BOOLEAN NOT NULL DEFAULT false,
    "attorneyRepresented" BOOLEAN NOT NULL DEFAULT false,
    "bankruptcy" BOOLEAN NOT NULL DEFAULT false,
    "deceased" BOOLEAN NOT NULL DEFAULT false,
    "activeMilitary" BOOLEAN NOT NULL DEFAULT false,
    "identityTheft" BOOLEAN NOT NULL DEFAULT false,
    "timeBarred" BOOLEAN NOT NULL DEFAULT false,
    "smsOptOut" BOOLEAN NOT NULL DEFAULT false,
    "attorneyName" TEXT,
    "attorneyContact" TEXT,
    "validationPeriodEndsAt" DATETIME,
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "hardship" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Account_creditorId_fkey" FOREIGN KEY ("creditorId") REFERENCES "Creditor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("accountNumber", "activeMilitary", "address", "attorneyContact", "attorneyName", "attorneyRepresented", "balance", "bankruptcy", "ceaseCommunication", "createdAt", "creditorId", "creditsSinceItemization", "currency", "deceased", "disputed", "dobHash", "email", "factorSalt", "failedVerifications", "feesSinceItemization", "firstName", "id", "identityTheft", "interestSinceItemization", "itemizationAmount", "itemizationDate", "language", "lastActivityAt", "lastName", "nameKey", "originalCreditor", "paymentsSinceItemization", "phone", "placedAt", "smsOptOut", "ssnLast4Hash", "timeBarred", "timeZone", "updatedAt", "validationPeriodEndsAt", "verificationLockedUntil", "zip") SELECT "accountNumber", "activeMilitary", "address", "attorneyContact", "attorneyName", "attorneyRepresented", "balance", "bankruptcy", "ceaseCommunication", "createdAt", "creditorId", "creditsSinceItemization", "currency", "deceased", "disputed", "dobHash", "email", "factorSalt", "failedVerifications", "feesSinceItemization", "firstName", "id", "identityTheft", "interestSinceItemization", "itemizationAmount", "itemizationDate", "language", "lastActivityAt", "lastName", "nameKey", "originalCreditor", "paymentsSinceItemization", "phone", "placedAt", "smsOptOut", "ssnLast4Hash", "timeBarred", "timeZone", "updatedAt", "validationPeriodEndsAt", "verificationLockedUntil", "zip" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_accountNumber_key" ON "Account"("accountNumber");
CREATE INDEX "Account_phone_idx" ON "Account"("phone");
CREATE INDEX "Account_nameKey_idx" ON "Account"("nameKey");
CREATE INDEX "Account_validationPeriodEndsAt_idx" ON "Account"("validationPeriodEndsAt");
CREATE TABLE "new_Handoff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT,
    "accountId" TEXT,
    "reason" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 50,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "detailJson" TEXT NOT NULL DEFAULT '{}',
    "officerId" TEXT,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" DATETIME,
    "firstResponseAt" DATETIME,
    "resolvedAt" DATETIME,
    "assigneeId" TEXT,
    CONSTRAINT "Handoff_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Handoff_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Handoff_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Handoff_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Officer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Handoff" ("acceptedAt", "accountId", "conversationId", "createdAt", "detailJson", "firstResponseAt", "id", "officerId", "outcome", "priority", "reason", "resolvedAt", "status") SELECT "acceptedAt", "accountId", "conversationId", "createdAt", "detailJson", "firstResponseAt", "id", "officerId", "outcome", "priority", "reason", "resolvedAt", "status" FROM "Handoff";
DROP TABLE "Handoff";
ALTER TABLE "new_Handoff" RENAME TO "Handoff";
CREATE INDEX "Handoff_status_priority_createdAt_idx" ON "Handoff"("status", "priority", "createdAt");
CREATE INDEX "Handoff_createdAt_idx" ON "Handoff"("createdAt");
CREATE TABLE "new_Officer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'officer',
    "passwordHash" TEXT NOT NULL,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Officer" ("createdAt", "disabledAt", "email", "id", "name", "passwordHash", "role") SELECT "createdAt", "disabledAt", "email", "id", "name", "passwordHash", "role" FROM "Officer";
DROP TABLE "Officer";
ALTER TABLE "new_Officer" RENAME TO "Officer";
CREATE UNIQUE INDEX "Officer_email_key" ON "Officer"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AccountNote_accountId_createdAt_idx" ON "AccountNote"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "FollowUp_status_dueAt_idx" ON "FollowUp"("status", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUp_accountId_idx" ON "FollowUp"("accountId");

