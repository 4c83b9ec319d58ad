-- A creditor's own wording for the answers it may configure (src/answers/creditorAnswers.ts).
ALTER TABLE "Creditor" ADD COLUMN "answersJson" TEXT NOT NULL DEFAULT '{}';

-- What debtors wrote that the bot did not understand, per phrase and day (src/answers/unanswered.ts).
CREATE TABLE "UnansweredPhrase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "day" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastSeenAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "UnansweredPhrase_day_idx" ON "UnansweredPhrase"("day");

-- CreateIndex
CREATE UNIQUE INDEX "UnansweredPhrase_day_language_phrase_key" ON "UnansweredPhrase"("day", "language", "phrase");
