-- AlterTable
ALTER TABLE "Message" ADD COLUMN "officerId" TEXT;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "offerText" TEXT;
ALTER TABLE "Plan" ADD COLUMN "offeredBy" TEXT;

-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN "firstResponseAt" DATETIME;

-- AlterTable
ALTER TABLE "Officer" ADD COLUMN "disabledAt" DATETIME;

-- CreateTable
CREATE TABLE "OfficerSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officerId" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "OfficerSession_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OfficerSession_officerId_idx" ON "OfficerSession"("officerId");

