/**
 * Outreach campaigns (issue #17 item 3): a supervisor chooses accounts by a filter, previews exactly
 * what each debtor will receive in their language, and launches; the messages leave through the
 * outbox (kind "outreach"), where every rule is checked again right before each send
 * (src/outreach/sendGate.ts and the outbox worker). A campaign can be paused and resumed.
 *
 * The words come only from the outreach catalogue: before verification they never state the debt
 * (1006.6(d)); the validation notice goes in an email only when the law allows it there.
 */
import { z } from 'zod';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/database.ts';
import type { Prisma } from '../db/generated/client.ts';
import { AGING_BUCKETS, agingWindows } from '../domain/aging.ts';
import { emailNoticeBasis, emailUsableFrom, outreachExclusion, OUTREACH_FACTS_SELECT, type Exclusion, type OutreachChannel } from '../domain/outreachRules.ts';
import type { CollectorInfo } from '../messages/catalogue.ts';
import { outreachMessagesFor } from '../messages/outreach.ts';
import { smsMessagesFor, type SmsSender } from '../messages/sms.ts';
import { hasEsignConsent, noticeUrl } from '../notices/notices.ts';
import { enqueueMessage } from '../outbox/outbox.ts';
import { composeSmsParts } from '../channels/sms/smsDeliverer.ts';
import { composeEmail, emailBody } from '../channels/email/compose.ts';
import { preferencesInForce } from '../accounts/contactTimes.ts';
import { CAMPAIGN_PAUSED_STATUS } from './sendGate.ts';

/** Most accounts one campaign reaches (a larger portfolio is several campaigns). */
export const MAX_CAMPAIGN_ACCOUNTS = 5000;
/** Most accounts a preview lists in full. */
export const PREVIEW_LIMIT = 200;

export const campaignFilterSchema = z
  .object({
    creditorId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'creditorId is not a creditor id' }).optional(),
    /** Placed in the last N days. */
    placedWithinDays: z.coerce.number({ message: 'placedWithinDays must be a number of days' }).int().min(1).max(3650).optional(),
    /** No message we started has reached them, and they never talked with us. */
    neverContacted: z.boolean().default(true),
    /** Balance bounds in minor units, inclusive. */
    minBalance: z.number().int().min(0).optional(),
    maxBalance: z.number().int().min(0).optional(),
    agingBucket: z.enum(AGING_BUCKETS, { message: `agingBucket must be one of ${AGING_BUCKETS.join(', ')}` }).optional(),
  })
  .refine((f) => f.minBalance === undefined || f.maxBalance === undefined || f.minBalance <= f.maxBalance, { message: 'The lowest balance must not be above the highest.' });
export type CampaignFilter = z.output<typeof campaignFilterSchema>;

export const campaignChannelsSchema = z
  .array(z.enum(['sms', 'email'], { message: 'a channel is sms or email' }))
  .min(1, { message: 'Choose at least one channel (text, email or both).' })
  .transform((list) => [...new Set(list)].sort() as OutreachChannel[]);

export const launchSchema = z.object({
  name: z.string().trim().min(1, { message: 'Give the campaign a name.' }).max(100, { message: 'A campaign name has at most 100 characters.' }),
  channels: campaignChannelsSchema,
  filter: campaignFilterSchema,
});
export type LaunchInput = z.output<typeof launchSchema>;

export interface CampaignWords {
  collector: CollectorInfo;
  sender: SmsSender;
  /** Where links point (PUBLIC_URL or the listening address); the preview shows placeholders for the personal part. */
  publicBaseUrl: string;
}

/** The Prisma where-clause of a filter, as of `now`. */
export function filterWhere(filter: CampaignFilter, now: Date): Prisma.AccountWhereInput {
  const where: Prisma.AccountWhereInput[] = [{ balance: { gt: 0 } }];
  if (filter.creditorId) where.push({ creditorId: filter.creditorId });
  if (filter.placedWithinDays) where.push({ placedAt: { gte: new Date(now.getTime() - filter.placedWithinDays * 86_400_000) } });
  if (filter.neverContacted) where.push({ firstContactAt: null, conversations: { none: {} }, campaignRecipients: { none: {} } });
  if (filter.minBalance !== undefined) where.push({ balance: { gte: filter.minBalance } });
  if (filter.maxBalance !== undefined) where.push({ balance: { lte: filter.maxBalance } });
  if (filter.agingBucket) {
    const window = agingWindows(now).find((w) => w.bucket === filter.agingBucket)!;
    where.push({ itemizationDate: { ...(window.itemizedAfter ? { gt: window.itemizedAfter } : {}), ...(window.itemizedOnOrBefore ? { lte: window.itemizedOnOrBefore } : {}) } });
  }
  return { AND: where };
}

const PREVIEW_SELECT = {
  ...OUTREACH_FACTS_SELECT,
  id: true,
  accountNumber: true,
  firstName: true,
  lastName: true,
  language: true,
  currency: true,
  timeZone: true,
  creditor: { select: { name: true } },
} as const;

export type ChannelPlan =
  | { channel: 'sms'; included: true; to: string; parts: string[] }
  | { channel: 'email'; included: true; to: string; subject: string; text: string; notice: 'in_email' | 'mailed'; notBefore: string | null }
  | { channel: OutreachChannel; included: false; exclusion: Exclusion };

export interface PreviewRow {
  accountId: string;
  accountNumber: string;
  name: string;
  language: string;
  creditor: string;
  balance: number;
  currency: string;
  channels: ChannelPlan[];
  /** The notice (1006.34(a)): in the first email, or a mailed notice requested when the first message leaves. */
  noticeBy: 'email' | 'mail' | null;
}

export interface CampaignPreview {
  matched: number;
  /** Accounts at least one chosen channel reaches. */
  reachable: number;
  byChannel: Record<OutreachChannel, { included: number; excluded: Partial<Record<Exclusion, number>> }>;
  rows: PreviewRow[];
  /** More accounts matched than MAX_CAMPAIGN_ACCOUNTS: narrow the filter. */
  tooMany: boolean;
}

const PLACEHOLDER = '…';

/** The SMS of a campaign: the catalogue's first text (the footer with STOP is added at send, and shown here). */
export function outreachSmsBody(account: { firstName: string; language: string }, collector: CollectorInfo): string {
  return outreachMessagesFor(account.language).smsFirst(account.firstName, collector);
}

export function outreachEmailBody(account: { firstName: string; language: string }, collector: CollectorInfo): string {
  const words = outreachMessagesFor(account.language);
  return emailBody({ subject: words.emailSubject(collector), text: words.emailFirst(account.firstName, collector) });
}

async function planFor(db: Db, account: Prisma.AccountGetPayload<{ select: typeof PREVIEW_SELECT }>, channels: readonly OutreachChannel[], words: CampaignWords, now: Date): Promise<PreviewRow> {
  const preferences = await preferencesInForce(db, account.id);
  const language = account.language === 'es' ? 'es' : 'en';
  const plans: ChannelPlan[] = [];
  let noticeBy: PreviewRow['noticeBy'] = null;
  for (const channel of channels) {
    const exclusion = outreachExclusion(account, channel, preferences);
    if (exclusion) {
      plans.push({ channel, included: false, exclusion });
      continue;
    }
    if (channel === 'sms') {
      plans.push({
        channel,
        included: true,
        to: account.phone!,
        parts: composeSmsParts(outreachSmsBody(account, words.collector), { botInitiated: true, footer: smsMessagesFor(language).footer(words.sender) }),
      });
      noticeBy ??= 'mail';
    } else {
      const basis = emailNoticeBasis(account, { esignConsent: await hasEsignConsent(db, account.id), now });
      const base = words.publicBaseUrl.replace(/\/+$/, '');
      const w = outreachMessagesFor(language);
      const email = composeEmail({
        language,
        collector: words.collector,
        content: { subject: w.emailSubject(words.collector), text: w.emailFirst(account.firstName, words.collector) },
        chatLink: `${base}/?start=${PLACEHOLDER}`,
        unsubscribeLink: `${base}/email/unsubscribe/${PLACEHOLDER}`,
      });
      const usable = emailUsableFrom(account);
      plans.push({
        channel,
        included: true,
        to: account.email!,
        subject: email.subject,
        text: basis ? `${email.text}\n\n${w.emailNoticeFollows(noticeUrl(base, PLACEHOLDER))}` : email.text,
        notice: basis ? 'in_email' : 'mailed',
        notBefore: usable && usable > now ? usable.toISOString() : null,
      });
      noticeBy = basis ? 'email' : (noticeBy ?? 'mail');
    }
  }
  return {
    accountId: account.id,
    accountNumber: account.accountNumber,
    name: `${account.firstName} ${account.lastName}`,
    language,
    creditor: account.creditor.name,
    balance: account.balance,
    currency: account.currency,
    channels: plans,
    noticeBy,
  };
}

/** What a campaign with this filter and these channels would send now, account by account. */
export async function previewCampaign(db: Db, input: { filter: CampaignFilter; channels: readonly OutreachChannel[] }, words: CampaignWords, now: Date, limit = PREVIEW_LIMIT): Promise<CampaignPreview> {
  const where = filterWhere(input.filter, now);
  const matched = await db.account.count({ where });
  const accounts = await db.account.findMany({ where, select: PREVIEW_SELECT, orderBy: { accountNumber: 'asc' }, take: MAX_CAMPAIGN_ACCOUNTS });
  const byChannel: CampaignPreview['byChannel'] = { sms: { included: 0, excluded: {} }, email: { included: 0, excluded: {} } };
  const rows: PreviewRow[] = [];
  let reachable = 0;
  for (const account of accounts) {
    const row = await planFor(db, account, input.channels, words, now);
    if (row.channels.some((c) => c.included)) reachable++;
    for (const c of row.channels) {
      if (c.included) byChannel[c.channel].included++;
      else byChannel[c.channel].excluded[c.exclusion] = (byChannel[c.channel].excluded[c.exclusion] ?? 0) + 1;
    }
    if (rows.length < limit) rows.push(row);
  }
  return { matched, reachable, byChannel, rows, tooMany: matched > MAX_CAMPAIGN_ACCOUNTS };
}

export class CampaignError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Launches a campaign: one recipient row per matched account, an outbox message per reachable
 * channel, all in one transaction (a crash leaves no half campaign). Accounts no chosen channel
 * reaches are recorded with why, so the report's denominators are honest.
 */
export async function launchCampaign(db: Db, input: LaunchInput, officerId: string, words: CampaignWords, now: Date): Promise<{ id: string; recipients: number; messages: number }> {
  const where = filterWhere(input.filter, now);
  const matched = await db.account.count({ where });
  if (matched === 0) throw new CampaignError(400, 'No account matches this selection. Widen the filter and preview again.');
  if (matched > MAX_CAMPAIGN_ACCOUNTS) throw new CampaignError(400, `${matched} accounts match; one campaign reaches at most ${MAX_CAMPAIGN_ACCOUNTS}. Narrow the selection.`);
  const accounts = await db.account.findMany({ where, select: PREVIEW_SELECT, orderBy: { accountNumber: 'asc' } });
  const plans: { account: (typeof accounts)[number]; row: PreviewRow }[] = [];
  for (const account of accounts) plans.push({ account, row: await planFor(db, account, input.channels, words, now) });
  if (!plans.some((p) => p.row.channels.some((c) => c.included))) {
    throw new CampaignError(400, 'None of the matched accounts can be reached on the chosen channels (see the reasons in the preview). Nothing was sent.');
  }
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: { name: input.name, channels: input.channels.join(','), filterJson: JSON.stringify(input.filter), createdBy: officerId, launchedAt: now, createdAt: now },
    });
    let messages = 0;
    for (const { account, row } of plans) {
      const ids: { smsOutboxId?: string; emailOutboxId?: string } = {};
      const excluded: Record<string, string> = {};
      for (const plan of row.channels) {
        if (!plan.included) {
          excluded[plan.channel] = plan.exclusion;
          continue;
        }
        const message = await enqueueMessage(tx, {
          channel: plan.channel,
          to: plan.to,
          accountId: account.id,
          kind: 'outreach',
          body: plan.channel === 'sms' ? outreachSmsBody(account, words.collector) : outreachEmailBody(account, words.collector),
          botInitiated: true,
          notBefore: now,
          dedupeKey: `outreach:${campaign.id}:${account.id}:${plan.channel}`,
        });
        if (plan.channel === 'sms') ids.smsOutboxId = message.id;
        else ids.emailOutboxId = message.id;
        messages++;
      }
      await tx.campaignRecipient.create({ data: { campaignId: campaign.id, accountId: account.id, ...ids, excludedJson: JSON.stringify(excluded), createdAt: now } });
    }
    await appendAudit(tx, { type: 'campaign.launched', actor: `officer:${officerId}`, detail: { campaignId: campaign.id, channels: input.channels, recipients: plans.length, messages } });
    return { id: campaign.id, recipients: plans.length, messages };
  });
}

async function campaignOutboxIds(db: Db, campaignId: string): Promise<string[]> {
  const recipients = await db.campaignRecipient.findMany({ where: { campaignId }, select: { smsOutboxId: true, emailOutboxId: true } });
  return recipients.flatMap((r) => [r.smsOutboxId, r.emailOutboxId]).filter((id): id is string => id !== null);
}

/**
 * Pause ('paused'): nothing more of this campaign leaves — messages still waiting are held, and the
 * outbox checks the campaign right before each send, for a message already claimed. Resume
 * ('running'): the messages the pause held wait in the outbox again (every rule is checked at
 * send). Idempotent.
 */
export async function setCampaignStatus(db: Db, campaignId: string, status: 'paused' | 'running', officerId: string, now: Date): Promise<void> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw new CampaignError(404, 'There is no such campaign.');
  if (campaign.status === status) return;
  const ids = await campaignOutboxIds(db, campaignId);
  const pausing = status === 'paused';
  await db.$transaction(async (tx) => {
    await tx.campaign.update({ where: { id: campaignId }, data: { status, pausedAt: pausing ? now : null } });
    const change: Prisma.OutboxMessageUpdateManyArgs = pausing
      ? { where: { id: { in: ids }, status: 'pending' }, data: { status: 'held', deliveryStatus: CAMPAIGN_PAUSED_STATUS, lastError: 'the campaign is paused' } }
      : { where: { id: { in: ids }, status: 'held', deliveryStatus: CAMPAIGN_PAUSED_STATUS }, data: { status: 'pending', deliveryStatus: null, lastError: null, nextAttemptAt: now } };
    await tx.outboxMessage.updateMany(change);
    await appendAudit(tx, { type: pausing ? 'campaign.paused' : 'campaign.resumed', actor: `officer:${officerId}`, detail: { campaignId } });
  });
}
