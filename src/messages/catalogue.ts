import { en } from './en.ts';
import { es } from './es.ts';

/** Facts about the collector that appear in debtor-facing text (from config). */
export interface CollectorInfo {
  name: string;
  address: string;
  phone: string;
  hours: string;
  /** The hours in other languages (COLLECTOR_HOURS_ES): a Spanish page says them in Spanish. */
  hoursIn?: Partial<Record<string, string>>;
}

/** The collector as the configuration describes it (COLLECTOR_*). */
export function collectorFromSettings(c: { COLLECTOR_NAME: string; COLLECTOR_ADDRESS: string; COLLECTOR_PHONE: string; COLLECTOR_HOURS: string; COLLECTOR_HOURS_ES: string }): CollectorInfo {
  return { name: c.COLLECTOR_NAME, address: c.COLLECTOR_ADDRESS, phone: c.COLLECTOR_PHONE, hours: c.COLLECTOR_HOURS, hoursIn: { en: c.COLLECTOR_HOURS, es: c.COLLECTOR_HOURS_ES } };
}

/** The collector's hours in `language` when configured, else as COLLECTOR_HOURS says them. */
export function collectorHours(collector: CollectorInfo, language: string): string {
  return collector.hoursIn?.[language] ?? collector.hours;
}

/** Account facts a catalogue needs, already formatted for the language (money, dates). */
export interface AccountView {
  firstName: string;
  maskedAccountNumber: string;
  creditor: string;
  originalCreditor: string;
  current: string;
  itemizationDate: string;
  itemizationAmount: string;
  interest: string;
  fees: string;
  payments: string;
  credits: string;
  /** Date the validation period ends, or undefined before the validation notice is delivered. */
  validationEnds?: string;
}

export type ReportedStatusKind = 'bankruptcy' | 'deceased' | 'military' | 'identity_theft';
export type PauseReason = 'dispute' | 'cease' | 'attorney' | ReportedStatusKind;

/**
 * Every debtor-facing sentence, one catalogue per language. Words about money, rights or law come
 * only from here — never from a language model.
 */
export interface Catalogue {
  locale: string;
  greeting(collector: CollectorInfo): string;
  agentAnytime(): string;
  askIdentifier(): string;
  askIdentifierAgain(): string;
  askDob(): string;
  /** By SMS the phone number identifies the debtor, so verification starts with the date of birth. */
  askDobFirst(): string;
  askDobAgainAmbiguous(): string;
  askDobInvalid(): string;
  askFactor(): string;
  askFactorInvalid(): string;
  verifyFirst(): string;
  verifyFirstToRecord(): string;
  verifyFailed(): string;
  /** By SMS, after a failed attempt: the phone may not be the one on file, and an account number identifies the debtor instead. */
  verifyFailedBySms(): string;
  verifyExhausted(collector: CollectorInfo): string;
  verificationExpired(): string;
  verified(firstName: string): string;
  disclosure(collector: CollectorInfo): string;
  balanceSummary(a: AccountView): string;
  itemization(a: AccountView): string;
  rightsSummary(a: AccountView & { validationEnds: string }): string;
  askEsign(): string;
  askEsignAgain(): string;
  esignAccepted(link: string): string;
  esignDeclined(): string;
  noticeLink(link: string): string;
  /** E-SIGN consent withdrawn: notices go by mail from now on, and a paper copy of the validation notice is mailed. */
  esignWithdrawn(): string;
  /** No E-SIGN consent in force: notices go by mail. */
  noticesByMail(): string;
  /** A request about how notices are sent, before verification: nothing about any account. */
  verifyFirstToChangeNotices(): string;
  menu(collectionPaused: boolean): string;
  paymentThroughPerson(): string;
  collectionPaused(reason: PauseReason): string;
  disputeRecorded(): string;
  /** More words on an account already disputed: added to the dispute. */
  disputeAdded(): string;
  /** A doubt said with uncertainty: is it a dispute? (yes records it, no records nothing). */
  disputeCheck(): string;
  /** After the rights, to a question about the right to dispute ("can i dispute this?"): do you want to? */
  disputeOffered(): string;
  /** A question about a payment made today ("i paid it, is it closed?"), answered: another payment meant is a dispute. */
  paidJustNow(): string;
  /** The debtor said no to disputeCheck: nothing recorded, and the right stays theirs. */
  disputeNotRecorded(): string;
  originalCreditorRecorded(): string;
  ceaseConfirmed(): string;
  ceaseNoted(): string;
  askAttorneyName(): string;
  askAttorneyContact(): string;
  attorneyRecorded(name: string): string;
  /** The attorney's contact said again after it was recorded, the same: confirmed. */
  attorneyContactConfirmed(name: string, contact: string): string;
  /** … a different one: recorded instead. */
  attorneyContactChanged(name: string, contact: string): string;
  attorneyNoted(): string;
  statusRecorded(status: ReportedStatusKind): string;
  statusNoted(): string;
  hardship(): string;
  hardshipBeforeVerification(): string;
  crisis(): string;
  /** After the crisis script, a further hopeless message: acknowledged, 988, 911 and the person again, in other words (two wordings). */
  crisisAgain(): string[];
  /** After the crisis reply, the debtor says they are safe: heard, with 988 and the person kept. */
  crisisSafeNow(): string[];
  /** Anything else said after a crisis: a person will reach out, 988 and 911 (two wordings, never twice in a row). */
  crisisFollowUp(): string[];
  /** After a crisis reply, a question about paying: not in this conversation, nothing is due, a person will go through it (review 10, 14). */
  crisisPaymentLater(): string;
  abusiveFirst(): string;
  abusiveHandoff(): string;
  handoffQueued(minutes: number, channel: string): string;
  cardNumberRemoved(): string;
  languageSwitched(): string;
  notUnderstood(): string;
  thanks(): string;
  technicalProblem(collector: CollectorInfo): string;
}

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const catalogues: Record<Language, Catalogue> = { en, es };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function messagesFor(language: string | undefined): Catalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}
