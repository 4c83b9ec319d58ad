/**
 * The language-understanding port. Two implementations sit behind it: the deterministic recognizer
 * (always available, no network) and an optional OpenAI-compatible one that falls back to it.
 */
import type { ContactPreference } from '../domain/contactPreference.ts';

/** Intents the bot acts on. Rights and safety intents come first: they win over everything else. */
export const RIGHTS_INTENTS = [
  'crisis', // self-harm or crisis: priority handoff + 988
  'distress', // a weaker sign ("I can't go on like this"): a gentle check-in ("Are you safe right now?"), never collection talk
  'attorney', // represented by a lawyer
  'bankruptcy',
  'deceased', // a report that the debtor has died
  'military', // active military duty
  'identity_theft', // identity theft or fraud
  'dispute', // not mine / wrong amount / I dispute it
  'original_creditor', // asks for the original creditor's name and address
  'cease', // stop contacting me
  'agent', // a person: agent, human, representative
  'withdraw_consent', // no more electronic notices, paper by mail instead (E-SIGN, 15 U.S.C. 7001(c))
] as const;

export const OTHER_INTENTS = [
  'hardship', // lost job, illness, medical bills, bereavement
  'abusive', // insults or threats aimed at the bot or the agency
  'balance', // how much do I owe / what is this about
  'itemization', // why is it so high / what are these fees / interest
  'rights', // what are my rights / validation
  'validation_notice', // send me the notice / letter / in writing
  'pay_full', // pay it all / pay in full
  'settle', // settle / reduce / discount / lump sum less
  'plan', // payment plan / installments / "I can do 50 a month"
  'pay', // wants to pay, no way named yet: "how do I pay", "I want to make a payment"
  'affirm', // yes / ok / agree / sí
  'deny', // no / not now
  'language', // switch language ("español", "english")
  'greeting', // hi / hello
  'thanks', // thanks / bye
  'help', // what can you do / help
  // A time or place that is inconvenient ("don't call before 9, texts are fine"): recorded, never a
  // cease (1006.6(b)(1)). Last but unknown: whatever else the message asks is answered after it is noted.
  'time_preference',
  'unknown',
] as const;

export type RightsIntent = (typeof RIGHTS_INTENTS)[number];
export type Intent = RightsIntent | (typeof OTHER_INTENTS)[number];
export const INTENTS: readonly Intent[] = [...RIGHTS_INTENTS, ...OTHER_INTENTS];

/** A calendar date without a time zone. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export interface MoneyMention {
  /** Minor units (cents). */
  amount: number;
  /** "week" | "two_weeks" | "month" when the debtor said "a month", "every two weeks"... */
  per?: 'week' | 'two_weeks' | 'month';
}

/**
 * A time, day, place or channel the debtor said is inconvenient — or suits them — for contact (Reg F
 * 1006.6(b)(1); 1006.14(h) for a channel): one type, the domain's, which stores and applies it.
 */
export type { ContactChannel, ContactPreference, ContactWindow, Weekday } from '../domain/contactPreference.ts';

export interface Entities {
  /** Unambiguous dates found in the text. */
  dates: CalendarDate[];
  /** True when the text holds a date that could be read two ways (e.g. 04/05/1985 where both are ≤ 12 and differ). */
  ambiguousDate?: boolean;
  /** The two readings of the first ambiguous date, month/day (US) first: "11/03/1979" → Nov 3, then Mar 11. */
  ambiguousDateReadings?: [CalendarDate, CalendarDate];
  money: MoneyMention[];
  /** A 5-digit ZIP code when the debtor named one ("my zip is 30301"). */
  zip?: string;
  /** Four digits the debtor gave as SSN last 4 ("last four 1234"). */
  ssnLast4?: string;
  /** Something shaped like one of our account numbers (letters, digits, dashes; at least one digit). */
  accountNumber?: string;
  /** "es" or "en" when the debtor asked for a language. */
  language?: 'en' | 'es';
  /** Count of payments ("over 6 months", "in 4 payments"). */
  count?: number;
  /** A person's name as typed ("fine. James O'Connor" → "James O'Connor"); never typo-corrected. */
  name?: string;
  /** What the debtor said about when, where or how to contact them (with a 'time_preference' intent). */
  contactPreference?: ContactPreference;
}

export interface Recognition {
  /** The intent to act on: the highest-priority one found (RIGHTS_INTENTS order first). */
  intent: Intent;
  /** Every intent found in the text, highest priority first (e.g. ["dispute", "hardship"]). */
  intents: Intent[];
  entities: Entities;
  /** Which recognizer produced the result. */
  source: 'deterministic' | 'llm';
  /** Rights only the learned model saw, no rule: the dialog asks before recording one (dialogs/dispute.ts). */
  inferred?: Intent[];
}

export interface RecognizeContext {
  /** The conversation's language. */
  language: 'en' | 'es';
}

export interface Recognizer {
  recognize(text: string, context: RecognizeContext): Promise<Recognition>;
}

export function isRightsIntent(intent: Intent): intent is RightsIntent {
  return (RIGHTS_INTENTS as readonly string[]).includes(intent);
}

/** Orders intents by priority: rights/safety intents in RIGHTS_INTENTS order, then the rest. */
export function byPriority(intents: Iterable<Intent>): Intent[] {
  const unique = [...new Set(intents)];
  return unique.sort((a, b) => INTENTS.indexOf(a) - INTENTS.indexOf(b));
}
