import { isLanguage, type CollectorInfo, type Language } from './catalogue.ts';
import { outreachEn } from './outreach.en.ts';
import { outreachEs } from './outreach.es.ts';

/**
 * Debtor-facing words of outreach (issue #17): the first text and the first email of a campaign,
 * the frame every email we send carries (who we are, the debt-collector disclosure, the chat link,
 * the opt-out), and the opt-out page. One catalogue per language.
 *
 * Before the debtor is verified these words never state a debt's amount, creditor or account
 * (1006.6(d)): they say who we are and how to reach us. The validation notice, which does state the
 * debt, goes only in an email the law allows it in (src/domain/outreachRules.ts emailNoticeBasis).
 */
export interface OutreachCatalogue {
  locale: string;
  /** The first text: the 1006.18(e) disclosure and how to reach us (the SMS footer adds who we are, "is a debt collector", and STOP); never the debt. */
  smsFirst(firstName: string, c: CollectorInfo): string;
  emailSubject(c: CollectorInfo): string;
  /** The first email's own paragraphs (the frame adds the chat link, disclosure and opt-out). */
  emailFirst(firstName: string, c: CollectorInfo): string;
  /** Every email: the chat link, and that the chat confirms who they are first. */
  emailChat(link: string): string;
  emailChatButton: string;
  /** An email carrying the validation notice: it follows, and the page to keep. */
  emailNoticeFollows(link: string): string;
  /** Every email: Reg F 1006.18(e) — we are a debt collector. */
  emailDisclosure(c: CollectorInfo): string;
  /** Every email: the opt-out (1006.6(e)). */
  emailOptOut(link: string): string;
  emailOptOutLink: string;
  emailFooter(c: CollectorInfo): string;
  /** The page after the opt-out link. */
  unsubscribedTitle: string;
  unsubscribedBody(c: CollectorInfo): string;
  unsubscribeInvalidTitle: string;
  unsubscribeInvalidBody(c: CollectorInfo): string;
}

const catalogues: Record<Language, OutreachCatalogue> = { en: outreachEn, es: outreachEs };

export function outreachMessagesFor(language: string | null | undefined): OutreachCatalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}
