/**
 * The outbox's last look at a campaign message before it leaves (issue #17: enforced at send time,
 * not only at launch): the campaign still running, the account still reachable on this channel by
 * the same rules as the preview (src/domain/outreachRules.ts), and an address under the creditor's
 * notice past its opt-out period. Quiet hours, inconvenient times and the weekly cap are the
 * worker's own checks for every message we start.
 */
import type { Db } from '../db/database.ts';
import type { OutboxMessage } from '../db/generated/client.ts';
import { preferencesInForce } from '../accounts/contactTimes.ts';
import { EXCLUSION_LABELS } from '../officer/labels.ts';
import { emailUsableFrom, outreachExclusion, OUTREACH_FACTS_SELECT, type OutreachChannel } from '../domain/outreachRules.ts';

export type OutreachGate =
  | { action: 'cancel'; reason: string }
  | { action: 'hold'; reason: string; deliveryStatus: string }
  | { action: 'defer'; until: Date; reason: 'email_notice_period' };

/** Held rows of a paused campaign carry this delivery status (resuming releases exactly them). */
export const CAMPAIGN_PAUSED_STATUS = 'held:campaign_paused';

export async function outreachGate(db: Db, message: OutboxMessage, now: Date): Promise<OutreachGate | null> {
  if (message.kind !== 'outreach') return null;
  const channel = message.channel as OutreachChannel;
  const recipient = await db.campaignRecipient.findFirst({
    where: channel === 'sms' ? { smsOutboxId: message.id } : { emailOutboxId: message.id },
    select: { campaign: { select: { status: true } } },
  });
  if (recipient?.campaign.status === 'paused') return { action: 'hold', reason: 'the campaign is paused', deliveryStatus: CAMPAIGN_PAUSED_STATUS };
  if (!message.accountId) return { action: 'cancel', reason: 'an outreach message without an account' };
  const account = await db.account.findUnique({ where: { id: message.accountId }, select: OUTREACH_FACTS_SELECT });
  if (!account) return { action: 'cancel', reason: 'the account no longer exists' };
  const current = channel === 'sms' ? account.phone : account.email;
  if (current !== message.to) return { action: 'cancel', reason: `the account's ${channel === 'sms' ? 'phone' : 'email address'} changed since the campaign was launched` };
  const exclusion = outreachExclusion(account, channel, await preferencesInForce(db, message.accountId));
  if (exclusion) return { action: 'cancel', reason: EXCLUSION_LABELS[exclusion] };
  const usable = channel === 'email' ? emailUsableFrom(account) : null;
  if (usable && usable.getTime() > now.getTime()) return { action: 'defer', until: usable, reason: 'email_notice_period' };
  return null;
}
