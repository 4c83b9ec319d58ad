/**
 * Delivers one email outbox message through an {@link EmailProvider}: the row's words in the frame
 * every email carries (src/channels/email/compose.ts), with the personal links (chat, opt-out,
 * notice) derived from the row id. The policy gates (opt-out, bounce, quiet hours, inconvenient
 * times, weekly cap, cease, attorney) run in the outbox worker before this; the opt-out and the
 * bounce are checked again right before the send.
 *
 * An outreach email carries the validation notice in its body when the law allows it there
 * (E-SIGN consent, or the 1006.6(d)(4)(ii) safe harbor); once the relay accepted it, the notice is
 * recorded as delivered (which fixes the validation period). A relay that refuses the address for
 * good records a bounce: no more email to it.
 */
import type { Db } from '../../db/database.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import type { Logger } from '../../logger.ts';
import { emailNoticeBasis } from '../../domain/outreachRules.ts';
import { validationPeriodEnd } from '../../domain/validationPeriod.ts';
import type { CollectorInfo } from '../../messages/catalogue.ts';
import { hasEsignConsent, noticeUrl, recordEmailedValidationNotice } from '../../notices/notices.ts';
import { noticeAccountOf, type NoticeLanguage } from '../../notices/validationNotice.ts';
import type { OutboxDeliverer } from '../../outbox/outbox.ts';
import { DeliveryCancelledError } from '../sms/outboxWorker.ts';
import { composeEmail, parseEmailBody, type ComposedEmail } from './compose.ts';
import { chatUrl, noticeTokenFor, unsubscribeUrl } from './links.ts';
import { EmailSendError, type EmailProvider } from './providers.ts';
import { isEmailStopped, recordBounce } from './recipients.ts';

export interface EmailDelivererOptions {
  db: Db;
  provider: EmailProvider;
  /** emailFrom(config) */
  from: string;
  replyTo?: string;
  collector: CollectorInfo;
  /** The key links are derived with (IDENTITY_HASH_KEY). */
  linkKey: string;
  /** Where the links point (PUBLIC_URL, or the address the server listens on). */
  publicBaseUrl: () => string;
  logger?: Logger;
  now?: () => Date;
}

interface Prepared {
  email: ComposedEmail;
  unsubscribeLink: string;
  notice?: { token: string; basis: 'esign' | 'safe_harbor'; language: NoticeLanguage };
}

export class EmailDeliverer implements OutboxDeliverer {
  readonly channel = 'email' as const;
  constructor(private readonly options: EmailDelivererOptions) {}

  /** The email this message is (or would be, at `now`) sent as — for the dev page and previews too. */
  async compose(message: OutboxMessage, now: Date = this.now()): Promise<Prepared> {
    const { db, linkKey, collector } = this.options;
    const base = this.options.publicBaseUrl();
    const account = message.accountId ? await db.account.findUnique({ where: { id: message.accountId }, include: { creditor: true } }) : null;
    const language: NoticeLanguage = account?.language === 'es' ? 'es' : 'en';
    const unsubscribeLink = unsubscribeUrl(base, linkKey, message.id);
    const chatLink = message.kind === 'outreach' ? chatUrl(base, linkKey, message.id) : `${base.replace(/\/+$/, '')}/`;
    let notice: Prepared['notice'];
    let noticeInput: Parameters<typeof composeEmail>[0]['notice'];
    if (message.kind === 'outreach' && account) {
      const basis = emailNoticeBasis(account, { esignConsent: await hasEsignConsent(db, account.id), now });
      if (basis) {
        const token = noticeTokenFor(linkKey, message.id);
        notice = { token, basis, language };
        noticeInput = {
          link: noticeUrl(base, token),
          input: {
            collector,
            account: noticeAccountOf(account),
            validationPeriodEndsAt: account.validationPeriodEndsAt ?? validationPeriodEnd(now),
            noticeDate: now,
          },
        };
      }
    }
    const email = composeEmail({ language, collector, content: parseEmailBody(message.body), chatLink, unsubscribeLink, notice: noticeInput });
    return { email, unsubscribeLink, notice };
  }

  async deliver(message: OutboxMessage): Promise<{ providerRef?: string }> {
    const { db, provider, from, replyTo } = this.options;
    const stopped = await isEmailStopped(db, message.to);
    if (stopped) throw new DeliveryCancelledError(stopped === 'email_opted_out' ? 'recipient unsubscribed from email' : 'the address bounced');
    const now = this.now();
    const { email, unsubscribeLink, notice } = await this.compose(message, now);
    let providerRef: string;
    try {
      ({ providerRef } = await provider.send({ to: message.to, from, replyTo, ...email, unsubscribeUrl: unsubscribeLink, reference: message.id }));
    } catch (error) {
      if (error instanceof EmailSendError && error.bounced) await recordBounce(db, message, error.message);
      throw error;
    }
    if (notice && message.accountId) {
      await recordEmailedValidationNotice(db, { accountId: message.accountId, channel: 'email', language: notice.language, now, token: notice.token, basis: notice.basis, outboxId: message.id });
    }
    this.options.logger?.debug({ outboxId: message.id, provider: provider.name, providerRef, notice: notice?.basis ?? null }, 'email accepted');
    return { providerRef };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
