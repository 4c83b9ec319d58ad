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
    CONSTRAINT "Account_creditorId_fkey" FOREIGN KEY ("creditorId") REFERENCES "Creditor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("accountNumber", "activeMilitary", "address", "attorneyContact", "attorneyName", "attorneyRepresented", "balance", "bankruptcy", "ceaseCommunication", "createdAt", "creditorId", "creditsSinceItemization", "currency", "deceased", "disputed", "dobHash", "email", "factorSalt", "failedVerifications", "feesSinceItemization", "firstName", "id", "identityTheft", "interestSinceItemization", "itemizationAmount", "itemizationDate", "language", "lastActivityAt", "lastName", "originalCreditor", "paymentsSinceItemization", "phone", "placedAt", "smsOptOut", "ssnLast4Hash", "timeBarred", "timeZone", "updatedAt", "validationPeriodEndsAt", "verificationLockedUntil", "zip") SELECT "accountNumber", "activeMilitary", "address", "attorneyContact", "attorneyName", "attorneyRepresented", "balance", "bankruptcy", "ceaseCommunication", "createdAt", "creditorId", "creditsSinceItemization", "currency", "deceased", "disputed", "dobHash", "email", "factorSalt", "failedVerifications", "feesSinceItemization", "firstName", "id", "identityTheft", "interestSinceItemization", "itemizationAmount", "itemizationDate", "language", "lastActivityAt", "lastName", "originalCreditor", "paymentsSinceItemization", "phone", "placedAt", "smsOptOut", "ssnLast4Hash", "timeBarred", "timeZone", "updatedAt", "validationPeriodEndsAt", "verificationLockedUntil", "zip" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_accountNumber_key" ON "Account"("accountNumber");
CREATE INDEX "Account_phone_idx" ON "Account"("phone");
CREATE INDEX "Account_nameKey_idx" ON "Account"("nameKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill for existing rows (ASCII names; a re-import normalises accents too).
UPDATE "Account" SET "nameKey" = lower("firstName" || ' ' || "lastName") WHERE "nameKey" = '';
