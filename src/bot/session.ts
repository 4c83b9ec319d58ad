import type { Language } from '../messages/catalogue.ts';
import type { AnswerId } from '../answers/answerSet.ts';
import type { Offer } from '../domain/negotiation.ts';

/**
 * What the debtor asked for before verification ("Hi, I want to pay this off in full"): served
 * right after verification instead of the menu. Structured, never the debtor's words, so no
 * identity factor given in the same message is kept.
 */
export interface Goal {
  /** A payment goal: the offer as parsed (no dates before today: those were dates of birth). */
  offer?: Offer;
  /** The settlement was asked in parts ("settle it in 2 payments"): it is said to be one payment. */
  settlementInParts?: boolean;
  /** Payment options ("how can I pay?"), the itemization, the rights and notice. */
  intent?: 'pay' | 'itemization' | 'rights';
  /** Curated answers that need the account (src/answers), in the order asked. */
  answers?: AnswerId[];
}

/**
 * A relative reporting a death (DESIGN 17): what they told us so far. No identity factor of theirs;
 * the deceased's date of birth and ZIP only until the report is recorded (to tell apart two people
 * of the same name), never in a handoff or a log.
 */
export interface DeathReport {
  accountNumber?: string;
  deceasedName?: string;
  /** The deceased's date of birth (ISO) and ZIP code, when the relative gave them. */
  deceasedDob?: string;
  deceasedZip?: string;
  /** Who handles the estate, and a phone number or email to reach them ('' when the relative does not know). */
  estateName?: string;
  estateContact?: string;
  /** Questions asked in a row that brought nothing new, so the bot never asks forever. */
  asked: number;
  /** Recorded and handed to a person: the conversation stays away from verification and payment. */
  recorded?: boolean;
  /** The one account the report identified (never said to the relative). */
  accountId?: string | null;
}

import type { ContactPreference } from '../nlu/recognizer.ts';

/** What the bot remembers about one conversation (botbuilder conversation state). */
export interface Session {
  language: Language;
  /** The debtor chose the language themselves (asked for it, or wrote in it): the account's language does not override it. */
  languageChosen?: boolean;
  /** The language last written on the conversation record (it is not written again while it stays). */
  storedLanguage?: Language;
  greeted?: boolean;
  /** Set while verified; cleared when verification expires. */
  accountId?: string;
  /** Every account the debtor verified for (the same person on several placements). */
  accountIds?: string[];
  verifiedAt?: number;
  /** Epoch ms of the debtor's last message (verification expires after idle time). */
  lastActivityAt?: number;
  /** Failed verification attempts in this conversation. */
  failedVerifications: number;
  /** After too many failures this conversation may not try again until then (epoch ms). */
  verificationBlockedUntil?: number;
  /** normal; ceased: stop contact (only "agent" and crisis get a reply); crisis: no collection talk. */
  mode: 'normal' | 'ceased' | 'crisis';
  /** The stop-contact request came before verification (DESIGN 5, #12 item 8). */
  cease?: { beforeVerification: boolean; withdrawalAsked?: boolean; declined?: boolean };
  /** A right the debtor invoked before verification, recorded once they are verified. */
  pending?: { kind: 'dispute' | 'original_creditor'; words: string; offer?: Offer; hedged?: boolean };
  /** A doubt said with uncertainty ("i thought my insurance covered it"): asked once whether it is a dispute. */
  disputeCheck?: { words: string; offer?: Offer; turn: number };
  goal?: Goal;
  hardship?: boolean;
  abusiveWarnings: number;
  /** Messages the debtor has sent in this conversation. */
  turns?: number;
  /** The last message the bot sent, and the last question it asked (never twice in a row, DESIGN 16). */
  lastBotText?: string;
  lastPrompt?: string;
  /** Turns in a row the bot did not understand (after two: the main choices and a person). */
  misunderstandings?: number;
  /** E-SIGN question: asked and open, or put off by something else the debtor asked; declined: not asked again here. */
  /** `repromptedTurn`: the turn it was last asked again after a question answered meanwhile — never on two replies in a row (review 8, 17). */
  esign?: { state: 'open' | 'deferred' | 'declined'; turn: number; repromptedTurn?: number };
  /** The validation rights were stated in this conversation (before any payment talk, 1006.38(b)). */
  rightsStated?: boolean;
  /** The validation period's end date (YYYY-MM-DD) the rights statement gave: the same statement is not repeated with the notice. */
  rightsStatedEnds?: string;
  /** A negotiation question cut short by the verification lapsing: asked again after verifying. */
  resumeNegotiation?: { accountId: string; state: unknown };
  deathReport?: DeathReport;
  /** The conversation is by SMS: texts come in their short versions. */
  sms?: boolean;
  /** SMS: the words of the numbered choices offered last turn ("Reply 1, 2 or 3"), so "2" is understood. */
  smsChoices?: string[];
  /** The crisis script was said in this conversation: a further sign gets other words, never the script again (dialogs/crisisCheckIn.ts). */
  crisisAnswered?: boolean;
  /** The debtor said something hopeless or overwhelmed in this conversation: no pay link is pushed at them unasked. */
  distressed?: boolean;
  /** A gentle check-in ("Are you safe right now?") is waiting for its answer (dialogs/crisisCheckIn.ts). */
  checkIn?: { askedAt: number };
  /** A contact preference stated before verification, recorded once verified (dialogs/contactPreference.ts). */
  pendingContactPreference?: { preference: ContactPreference | null };
}

export function newSession(language: Language): Session {
  return { language, failedVerifications: 0, mode: 'normal', abusiveWarnings: 0 };
}
