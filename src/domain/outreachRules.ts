/**
 * Whether a message we start may go to an account on a channel (DESIGN 5, 6, 7, 19): one set of
 * rules, used when a supervisor previews and launches a campaign and again by the outbox right
 * before each message leaves (the facts may have changed meanwhile). Pure; no I/O.
 */
import { channelRefused, preferenceChannel, type ContactPreference } from './contactPreference.ts';

/**
 * Why we may email an address (Reg F 1006.6(d)(4)):
 * - consumer: the consumer gave the address to us, or used it to write to us about the debt;
 * - creditor_notice: the creditor got the address from the consumer, used it, and sent the consumer
 *   a notice naming us and offering an opt-out — usable once the opt-out period has run.
 */
export const EMAIL_CONSENTS = ['consumer', 'creditor_notice'] as const;
export type EmailConsent = (typeof EMAIL_CONSENTS)[number];

/** The consumer's opt-out period after the creditor's notice (Reg F comment 6(d)(4)(ii)(D): 35 days is reasonable). */
export const EMAIL_OPT_OUT_PERIOD_DAYS = 35;

export type OutreachChannel = 'sms' | 'email';

export interface OutreachFacts {
  phone: string | null;
  email: string | null;
  balance: number;
  smsConsent: boolean;
  smsOptOut: boolean;
  emailConsent: string | null;
  emailNoticeAt: Date | null;
  emailOptOut: boolean;
  emailBouncedAt: Date | null;
  ceaseCommunication: boolean;
  attorneyRepresented: boolean;
  bankruptcy: boolean;
  deceased: boolean;
  disputed: boolean;
  identityTheft: boolean;
}

/** The account columns OutreachFacts reads (a Prisma `select`). */
export const OUTREACH_FACTS_SELECT = {
  phone: true,
  email: true,
  balance: true,
  smsConsent: true,
  smsOptOut: true,
  emailConsent: true,
  emailNoticeAt: true,
  emailOptOut: true,
  emailBouncedAt: true,
  ceaseCommunication: true,
  attorneyRepresented: true,
  bankruptcy: true,
  deceased: true,
  disputed: true,
  identityTheft: true,
} as const;

export const EXCLUSIONS = [
  'cease',
  'attorney',
  'bankruptcy',
  'deceased',
  'identity_theft',
  'disputed',
  'nothing_owed',
  'no_phone',
  'no_sms_consent',
  'sms_opted_out',
  'no_email',
  'no_email_consent',
  'email_opted_out',
  'email_bounced',
  'channel_refused',
] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

/**
 * Why a campaign message may not go to this account on this channel, or null when it may. The
 * account-wide reasons come first: a cease or an attorney stops all contact (1006.6(b)(2), (c));
 * bankruptcy (the automatic stay), a death, identity theft and an open dispute wait for a person.
 */
export function outreachExclusion(facts: OutreachFacts, channel: OutreachChannel, preferences: readonly ContactPreference[] = []): Exclusion | null {
  if (facts.ceaseCommunication) return 'cease';
  if (facts.attorneyRepresented) return 'attorney';
  if (facts.bankruptcy) return 'bankruptcy';
  if (facts.deceased) return 'deceased';
  if (facts.identityTheft) return 'identity_theft';
  if (facts.disputed) return 'disputed';
  if (facts.balance <= 0) return 'nothing_owed';
  if (channel === 'sms') {
    if (!facts.phone) return 'no_phone';
    // TCPA: a text we start needs the consumer's prior express consent for that number.
    if (!facts.smsConsent) return 'no_sms_consent';
    if (facts.smsOptOut) return 'sms_opted_out';
  } else {
    if (!facts.email) return 'no_email';
    if (!facts.emailConsent || !(EMAIL_CONSENTS as readonly string[]).includes(facts.emailConsent)) return 'no_email_consent';
    if (facts.emailOptOut) return 'email_opted_out';
    if (facts.emailBouncedAt) return 'email_bounced';
  }
  if (channelRefused(preferences, preferenceChannel(channel)!)) return 'channel_refused';
  return null;
}

/** The first moment an outreach email may go: the end of the creditor notice's opt-out period, or null for no wait. */
export function emailUsableFrom(facts: Pick<OutreachFacts, 'emailConsent' | 'emailNoticeAt'>): Date | null {
  if (facts.emailConsent !== 'creditor_notice' || !facts.emailNoticeAt) return null;
  return new Date(facts.emailNoticeAt.getTime() + EMAIL_OPT_OUT_PERIOD_DAYS * 86_400_000);
}

/**
 * May the validation notice go in the body of this email (Reg F 1006.42(c)(2))? With the
 * consumer's E-SIGN consent, or — for the first communication — when the address meets the
 * 1006.6(d)(4)(ii) safe harbor (the creditor's notice, its opt-out period over). Otherwise it is
 * mailed, and the request is recorded the moment the first communication leaves.
 */
export function emailNoticeBasis(
  facts: Pick<OutreachFacts, 'emailConsent' | 'emailNoticeAt'>,
  options: { esignConsent: boolean; now: Date },
): 'esign' | 'safe_harbor' | null {
  if (options.esignConsent) return 'esign';
  const usable = emailUsableFrom(facts);
  if (facts.emailConsent === 'creditor_notice' && usable && usable.getTime() <= options.now.getTime()) return 'safe_harbor';
  return null;
}
