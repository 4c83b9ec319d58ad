-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "contactPreferenceAt" TIMESTAMP(3),
ADD COLUMN     "contactPreferenceJson" TEXT;

