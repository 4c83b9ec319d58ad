import type { Language } from '../messages/catalogue.ts';
import type { ContactPreference } from '../nlu/recognizer.ts';

/** What the bot remembers about one conversation (botbuilder conversation state). */
export interface Session {
  language: Language;
  /** The debtor chose the language themselves: the account's language does not override it. */
  languageChosen?: boolean;
  greeted?: boolean;
  /** Set while verified; cleared when verification expires. */
  accountId?: string;
  verifiedAt?: number;
  /** Epoch ms of the debtor's last message (verification expires after idle time). */
  lastActivityAt?: number;
  /** Failed verification attempts in this conversation. */
  failedVerifications: number;
  /** After too many failures this conversation may not try again until then (epoch ms). */
  verificationBlockedUntil?: number;
  /** normal; ceased: stop contact (only "agent" and crisis get a reply); crisis: no collection talk. */
  mode: 'normal' | 'ceased' | 'crisis';
  /** A right the debtor invoked before verification, recorded once they are verified. */
  pending?: { kind: 'dispute' | 'original_creditor'; words: string };
  hardship?: boolean;
  abusiveWarnings: number;
  /** A gentle check-in ("Are you safe right now?") is waiting for its answer (dialogs/crisisCheckIn.ts). */
  checkIn?: { askedAt: number };
  /** A contact preference stated before verification, recorded once verified (dialogs/contactPreference.ts). */
  pendingContactPreference?: { preference: ContactPreference | null };
}

export function newSession(language: Language): Session {
  return { language, failedVerifications: 0, mode: 'normal', abusiveWarnings: 0 };
}
