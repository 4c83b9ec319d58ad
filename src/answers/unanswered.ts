/**
 * Everything the bot did not understand, counted per phrase (issue #12 item 14), so the agency can
 * see what people ask that the answer set does not answer yet, and grow it from real traffic.
 *
 * What is stored is the folded phrase with identity factors masked and every digit replaced by
 * "#": never a date of birth, an account number, an amount or a phone number in the debtor's own
 * digits. Messages that may hold identity factors (verification answers) are never counted.
 * Counts are kept per UTC day, so a report can cover any period.
 */
import type { Db } from '../db/database.ts';
import { maskIdentityFactors, redactCardNumbers } from '../domain/redaction.ts';
import type { Language } from '../messages/catalogue.ts';
import { foldText } from './fold.ts';

/** Longer messages are cut: the report is for phrases, not essays. */
export const MAX_PHRASE_LENGTH = 160;

/** The form a message is counted under: "I owe $1,085.00??" → "i owe # ### ##", "my dob is March 14 1985" → "my dob is ##### ## ####". */
export function phraseOf(text: string): string {
  const masked = maskIdentityFactors(redactCardNumbers(text).text).replace(/•/g, '0');
  return foldText(masked).replace(/\d/g, '#').slice(0, MAX_PHRASE_LENGTH).trim();
}

export async function countUnanswered(db: Db, input: { text: string; language: Language; now: Date }): Promise<void> {
  const phrase = phraseOf(input.text);
  if (phrase === '') return;
  const day = input.now.toISOString().slice(0, 10);
  await db.unansweredPhrase.upsert({
    where: { day_language_phrase: { day, language: input.language, phrase } },
    create: { day, language: input.language, phrase, count: 1, lastSeenAt: input.now },
    update: { count: { increment: 1 }, lastSeenAt: input.now },
  });
}

export interface UnansweredRow {
  phrase: string;
  language: string;
  count: number;
  lastSeenAt: Date;
}

/**
 * The agency's report: unanswered phrases from `from` to `to` (UTC days, inclusive, YYYY-MM-DD),
 * most frequent first (then most recent), at most `limit` rows. For the officer console.
 */
export async function unansweredPhrases(db: Db, period: { from: string; to: string; limit?: number }): Promise<UnansweredRow[]> {
  const rows = await db.unansweredPhrase.groupBy({
    by: ['phrase', 'language'],
    where: { day: { gte: period.from, lte: period.to } },
    _sum: { count: true },
    _max: { lastSeenAt: true },
  });
  return rows
    .map((row) => ({ phrase: row.phrase, language: row.language, count: row._sum.count ?? 0, lastSeenAt: row._max.lastSeenAt! }))
    .sort((a, b) => b.count - a.count || b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || a.phrase.localeCompare(b.phrase))
    .slice(0, period.limit ?? 100);
}
