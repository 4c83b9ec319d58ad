-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "emailBouncedAt" TIMESTAMP(3),
ADD COLUMN     "emailConsent" TEXT,
ADD COLUMN     "emailConsentSource" TEXT,
ADD COLUMN     "emailNoticeAt" TIMESTAMP(3),
ADD COLUMN     "emailOptOut" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "firstContactAt" TIMESTAMP(3),
ADD COLUMN     "placedContactPreferenceJson" TEXT,
ADD COLUMN     "smsConsent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "smsConsentAt" TIMESTAMP(3),
ADD COLUMN     "smsConsentSource" TEXT;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "filterJson" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "launchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pausedAt" TIMESTAMP(3),

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "smsOutboxId" TEXT,
    "emailOutboxId" TEXT,
    "excludedJson" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

