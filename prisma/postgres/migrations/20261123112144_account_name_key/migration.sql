-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Account_nameKey_idx" ON "Account"("nameKey");

