-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "officerId" TEXT;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "offerText" TEXT,
ADD COLUMN     "offeredBy" TEXT;

-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN     "firstResponseAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Officer" ADD COLUMN     "disabledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "OfficerSession" (
    "id" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficerSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfficerSession_officerId_idx" ON "OfficerSession"("officerId");

-- AddForeignKey
ALTER TABLE "OfficerSession" ADD CONSTRAINT "OfficerSession_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

