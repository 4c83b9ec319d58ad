-- AlterTable
ALTER TABLE "Account" ADD COLUMN "contactPreferenceAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "contactPreferenceJson" TEXT;

