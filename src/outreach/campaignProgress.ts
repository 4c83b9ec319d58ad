/**
 * How a campaign is doing (issue #17 items 3 and 6): live progress on the console and the
 * campaign figures of the supervisor report and its CSV. Counted per account (recipient), from the
 * outbox rows the campaign made and what the debtor did after its first message reached them:
 *
 *   queued     a message still waiting (pending, held by quiet hours, the cap, a pause…) and none sent
 *   sent       at least one message handed to the carrier or the mail relay
 *   delivered  at least one message accepted and not refused since (a bounce or an undelivered report)
 *   stopped    nothing sent and nothing waiting: every message cancelled (opt-out, cease, consent…) or failed
 *   replied    after the first message left: a text from the phone on file, or the email's chat link opened
 *   verified   after the first message left: passed identity verification
 *   resolved   after the first message left: agreed a plan or paid
 *   optedOut   after the launch: STOP or the email opt-out link
 *   collected  successful payments after the first message left, per currency
 *
 * Rates divide by `sent` (contacted accounts), except the contact rate, which divides by recipients.
 */
import type { Db } from '../db/database.ts';
import { rate } from '../domain/reportMath.ts';
import { smsConversationId } from '../channels/sms/recipients.ts';
import type { MoneyTotal } from '../officer/reports.ts';

export interface CampaignFigures {
  id: string;
  name: string;
  channels: string[];
  status: string;
  launchedAt: string;
  recipients: number;
  queued: number;
  sent: number;
  delivered: number;
  stopped: number;
  replied: number;
  verified: number;
  resolved: number;
  optedOut: number;
  collected: MoneyTotal[];
  rates: { contact: number | null; reply: number | null; verification: number | null; resolution: number | null; optOut: number | null };
}

const WAITING = ['pending', 'sending', 'held'];
const REFUSED_DELIVERY = ['undelivered', 'failed', 'bounced'];

export async function campaignFigures(db: Db, campaignId: string): Promise<CampaignFigures | null> {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    include: { recipients: { select: { accountId: true, smsOutboxId: true, emailOutboxId: true, account: { select: { phone: true } } } } },
  });
  if (!campaign) return null;
  const outboxIds = campaign.recipients.flatMap((r) => [r.smsOutboxId, r.emailOutboxId]).filter((id): id is string => id !== null);
  const messages = outboxIds.length
    ? await db.outboxMessage.findMany({ where: { id: { in: outboxIds } }, select: { id: true, status: true, sentAt: true, deliveryStatus: true } })
    : [];
  const byId = new Map(messages.map((m) => [m.id, m]));
  const accountIds = campaign.recipients.map((r) => r.accountId);
  const since = campaign.launchedAt;

  const [inbound, chatOpens, verifications, plans, payments, optOuts] = await Promise.all([
    db.message.findMany({
      where: {
        direction: 'in',
        createdAt: { gte: since },
        conversation: { OR: [{ accountId: { in: accountIds } }, { externalId: { in: campaign.recipients.map((r) => r.account.phone).filter((p): p is string => !!p).map(smsConversationId) } }] },
      },
      select: { createdAt: true, conversation: { select: { accountId: true, externalId: true } } },
    }),
    db.auditEvent.findMany({ where: { type: 'outreach.chat_opened', accountId: { in: accountIds }, createdAt: { gte: since } }, select: { accountId: true, createdAt: true, detailJson: true } }),
    db.auditEvent.findMany({ where: { type: 'verification.succeeded', accountId: { in: accountIds }, createdAt: { gte: since } }, select: { accountId: true, createdAt: true } }),
    db.plan.findMany({ where: { accountId: { in: accountIds }, authorizedAt: { gte: since } }, select: { accountId: true, authorizedAt: true } }),
    db.payment.findMany({ where: { accountId: { in: accountIds }, status: 'succeeded', createdAt: { gte: since } }, select: { accountId: true, createdAt: true, amount: true, currency: true } }),
    db.auditEvent.findMany({ where: { type: { in: ['sms.opt_out', 'email.unsubscribed'] }, accountId: { in: accountIds }, createdAt: { gte: since } }, select: { accountId: true } }),
  ]);

  const f = { queued: 0, sent: 0, delivered: 0, stopped: 0, replied: 0, verified: 0, resolved: 0 };
  const collected = new Map<string, number>();
  const optedOut = new Set(optOuts.map((o) => o.accountId));
  for (const r of campaign.recipients) {
    const own = [r.smsOutboxId, r.emailOutboxId].map((id) => (id ? byId.get(id) : undefined)).filter((m) => m !== undefined);
    const sentTimes = own.filter((m) => m.status === 'sent' && m.sentAt).map((m) => m.sentAt!.getTime());
    if (sentTimes.length === 0) {
      if (own.some((m) => WAITING.includes(m.status))) f.queued++;
      else f.stopped++;
      continue;
    }
    f.sent++;
    if (own.some((m) => m.status === 'sent' && !REFUSED_DELIVERY.includes(m.deliveryStatus ?? ''))) f.delivered++;
    const first = Math.min(...sentTimes);
    const after = (at: Date | null) => at !== null && at.getTime() >= first;
    const phoneConversation = r.account.phone ? smsConversationId(r.account.phone) : null;
    const ownOutbox = new Set([r.smsOutboxId, r.emailOutboxId]);
    const replied =
      inbound.some((m) => after(m.createdAt) && (m.conversation.accountId === r.accountId || m.conversation.externalId === phoneConversation)) ||
      chatOpens.some((e) => e.accountId === r.accountId && after(e.createdAt) && ownOutbox.has((JSON.parse(e.detailJson) as { outboxId?: string }).outboxId ?? null));
    if (replied) f.replied++;
    if (verifications.some((v) => v.accountId === r.accountId && after(v.createdAt))) f.verified++;
    const paid = payments.filter((p) => p.accountId === r.accountId && after(p.createdAt));
    if (paid.length > 0 || plans.some((p) => p.accountId === r.accountId && after(p.authorizedAt))) f.resolved++;
    for (const p of paid) collected.set(p.currency, (collected.get(p.currency) ?? 0) + p.amount);
  }
  const optOutCount = campaign.recipients.filter((r) => optedOut.has(r.accountId)).length;
  return {
    id: campaign.id,
    name: campaign.name,
    channels: campaign.channels.split(','),
    status: campaign.status,
    launchedAt: campaign.launchedAt.toISOString(),
    recipients: campaign.recipients.length,
    ...f,
    optedOut: optOutCount,
    collected: [...collected].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount })),
    rates: {
      contact: rate(f.sent, campaign.recipients.length),
      reply: rate(f.replied, f.sent),
      verification: rate(f.verified, f.sent),
      resolution: rate(f.resolved, f.sent),
      optOut: rate(optOutCount, f.sent),
    },
  };
}

/** The campaigns launched in [from, to), newest first, with their figures. */
export async function campaignsLaunched(db: Db, range: { from: Date; to: Date }, take = 100): Promise<CampaignFigures[]> {
  const campaigns = await db.campaign.findMany({ where: { launchedAt: { gte: range.from, lt: range.to } }, orderBy: { launchedAt: 'desc' }, take, select: { id: true } });
  const figures: CampaignFigures[] = [];
  for (const c of campaigns) {
    const one = await campaignFigures(db, c.id);
    if (one) figures.push(one);
  }
  return figures;
}
