-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "filterJson" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "launchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pausedAt" DATETIME
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "smsOutboxId" TEXT,
    "emailOutboxId" TEXT,
    "excludedJson" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CampaignRecipient_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable (columns added in place: a table rebuild here would drop columns other branches add)
ALTER TABLE "Account" ADD COLUMN "smsConsent" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Account" ADD COLUMN "smsConsentSource" TEXT;
ALTER TABLE "Account" ADD COLUMN "smsConsentAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "emailConsent" TEXT;
ALTER TABLE "Account" ADD COLUMN "emailConsentSource" TEXT;
ALTER TABLE "Account" ADD COLUMN "emailNoticeAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "emailOptOut" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Account" ADD COLUMN "emailBouncedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "placedContactPreferenceJson" TEXT;
ALTER TABLE "Account" ADD COLUMN "firstContactAt" DATETIME;

-- CreateIndex
CREATE INDEX "Campaign_launchedAt_idx" ON "Campaign"("launchedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_smsOutboxId_key" ON "CampaignRecipient"("smsOutboxId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_emailOutboxId_key" ON "CampaignRecipient"("emailOutboxId");

-- CreateIndex
CREATE INDEX "CampaignRecipient_accountId_idx" ON "CampaignRecipient"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_campaignId_accountId_key" ON "CampaignRecipient"("campaignId", "accountId");

