-- AlterTable
ALTER TABLE "Creditor" ADD COLUMN     "answersJson" TEXT NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "UnansweredPhrase" (
    "id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnansweredPhrase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnansweredPhrase_day_idx" ON "UnansweredPhrase"("day");

-- CreateIndex
CREATE UNIQUE INDEX "UnansweredPhrase_day_language_phrase_key" ON "UnansweredPhrase"("day", "language", "phrase");

