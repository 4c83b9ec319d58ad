/**
 * Debtor-facing sentences that keep a conversation moving (issue #12): acknowledging what the
 * debtor already gave, asking again in other words (never the same question twice in a row,
 * DESIGN 16), the main choices after two misunderstandings, a person's wait, withdrawing a
 * stop-contact request or a request for a person, a relative reporting a death (DESIGN 17), a
 * debtor with several accounts. One catalogue per language (conversation.en.ts, conversation.es.ts).
 *
 * Sentences used before verification say nothing about any account or debt (12 CFR 1006.6(d)).
 * DESIGN 9: no deadline, no pressure; DESIGN 10: no fee.
 */
import { isLanguage, type Language } from './catalogue.ts';
import { conversationEn } from './conversation.en.ts';
import { conversationEs } from './conversation.es.ts';

/** An identity fact the debtor has given (never its value). */
export type VerifyFact = 'accountNumber' | 'name' | 'dob' | 'zip' | 'ssnLast4';
export type VerifyQuestion = 'identifier' | 'dob' | 'factor';

/** One of a verified debtor's accounts, formatted. */
export interface AccountChoice {
  maskedAccountNumber: string;
  creditor: string;
  current: string;
}

/** When officers are next at work, formatted in their time zone ("Monday, November 30 at 8:00 AM EST"). */
export type BackAt = string;

export interface ConversationCatalogue {
  /** "Thank you, I have your date of birth." — what the debtor gave, acknowledged before the next question. */
  verifyAck(facts: VerifyFact[]): string;
  /** The verification questions after an acknowledgement, each in three wordings (asked again: the next one). */
  verifyQuestion(question: VerifyQuestion): string[];
  /** "I don't have the letter anymore": the letter is not needed, the name will do (two wordings). */
  verifyWithoutLetter(): string[];
  /** An ambiguous numeric date: "Did you mean November 3, 1979?" (the US reading first), in two wordings. */
  confirmDob(date: string): string[];
  /** A question that needs the account, asked before verification: answered right after it. */
  answerAfterVerification(): string;
  /** "is that the only account?" with one account verified: it is the only one under these details (review 10, 11). */
  onlyAccount(): string;
  /** Nothing understood: said before the question is asked again, in two wordings. */
  notUnderstood(): string[];
  /** Second misunderstanding in a row (and every second one after it): the main choices and a person, in two wordings. */
  stuck(verified: boolean): string[];
  /** The menu in other words (the menu is never listed twice in a row word for word). */
  menuAgain(collectionPaused: boolean): string;
  /** The E-SIGN question asked again later, with the whole consent wording (`consent`). */
  askEsignLater(consent: string): string;
  askEsignUnclear(): string[];
  /** Said before serving what the debtor asked for before verifying ("Now, about what you asked:"). */
  goalResumed(): string;
  /** Before an answer given again right after itself ("As I said:"), so no message is sent twice in a row. */
  asISaid(answer: string): string;

  /** A person was asked for outside the hours officers work. */
  handoffQueuedClosed(backAt: BackAt, channel: string): string;
  /** "How long is the wait?" */
  waitTime(minutes: number, ahead: number): string;
  waitTimeClosed(backAt: BackAt): string;
  /** Not queued: the wait if they asked now (`minutes`), or when officers are back (`backAt`). */
  notWaiting(minutes: number, backAt: string | null): string;
  /** "Never mind, I'll stay with the bot": the request for a person is cancelled. */
  handoffWithdrawn(): string;
  /** The handoff is about a right or a report a person must review: it stays. */
  handoffStays(): string;
  /** An officer already has the conversation. */
  handoffTaken(): string;

  /** After a stop-contact request made before verification, the debtor writes again. */
  ceaseReminder(): string[];
  ceaseWithdrawn(): string;
  ceaseKept(): string;

  askAttorneyNameAgain(): string;
  /** A bare name given for the attorney: confirmed, so the debtor's own name is never stored as the attorney's. */
  confirmAttorneyName(name: string): string[];
  askAttorneyContactAgain(): string;
  /** The debtor does not have the attorney's contact: recorded with the name only. */
  attorneyRecordedNoContact(name: string): string;
  /** No name the bot could read, twice: the representation is recorded, a person gets the details. */
  attorneyRecordedNoName(): string;

  /** A relative reports a death: condolence, and plainly, that family members are not personally liable. */
  deathCondolence(): string;
  /** The same plain words after a verified debtor reports a death on the account. */
  familyNotLiable(): string;
  /** What the bot asks to record the report: what is still missing. */
  askDeathDetails(missing: { identifier: boolean; estate: boolean }): string[];
  /** The deceased's date of birth or ZIP given: acknowledged before the next question. */
  deathDetailsNoted(): string;
  /** "Do I have to pay it?" from a relative: no — plainly, and never a request for payment. */
  deathNothingToPay(): string;
  deathRecorded(): string;
  /** An estate contact given after the report was passed on: passed on too. */
  deathDetailsAdded(): string;
  /** Anything said after the report was recorded (two wordings). */
  afterDeathReport(): string[];
  /** "Ok, thank you" after the report was recorded: a kind goodbye, nothing asked (two wordings). */
  deathGoodbye(): string[];

  /** Several accounts: which one? */
  chooseAccount(accounts: AccountChoice[]): string[];
}

const catalogues: Record<Language, ConversationCatalogue> = { en: conversationEn, es: conversationEs };

export function conversationMessagesFor(language: string | null | undefined): ConversationCatalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}

export const CONVERSATION_CATALOGUES: Readonly<Record<Language, ConversationCatalogue>> = catalogues;
