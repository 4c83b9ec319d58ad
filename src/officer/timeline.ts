/**
 * One timeline per account, across its conversations and channels: every message (web chat and
 * SMS, the debtor's, the bot's and the officers'), payments, plans, disputes, notices, consents,
 * internal notes, follow-ups and the audit trail — newest first, each entry in words.
 * Read-only; each source is bounded, so a long-lived account still answers quickly.
 */
import type { Db } from '../db/database.ts';
import { formatMoney } from '../domain/money.ts';
import { actorName, officerNames } from './accountViews.ts';
import {
  AUDIT_LABELS,
  CHANNEL_LABELS,
  CONSENT_KIND_LABELS,
  DISPUTE_KIND_LABELS,
  DISPUTE_STATUS_LABELS,
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  labelOf,
  NOTICE_KIND_LABELS,
  PAYMENT_STATUS_LABELS,
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
} from './labels.ts';

export type TimelineKind = 'message' | 'payment' | 'plan' | 'dispute' | 'notice' | 'consent' | 'note' | 'follow_up' | 'audit';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** What happened, in words ("Debtor (SMS)", "Payment received"). */
  title: string;
  /** The words said or the figures, when there are any. */
  text: string;
  channel: string | null;
  conversationId: string | null;
}

/** Most entries per source. */
const PER_SOURCE = 400;
/** Most entries returned. */
const MAX_ENTRIES = 1000;

const money = (minor: number, currency: string) => formatMoney(minor, currency, 'en-US');

export async function accountTimeline(db: Db, accountId: string): Promise<TimelineEntry[] | null> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { id: true } });
  if (!account) return null;
  const conversations = await db.conversation.findMany({ where: { accountId }, select: { id: true, channel: true } });
  const channelOf = new Map(conversations.map((c) => [c.id, c.channel]));
  const newest = { orderBy: { createdAt: 'desc' as const }, take: PER_SOURCE };
  const [messages, payments, plans, disputes, notices, consents, notes, followUps, audit] = await Promise.all([
    conversations.length ? db.message.findMany({ where: { conversationId: { in: conversations.map((c) => c.id) } }, ...newest }) : [],
    db.payment.findMany({ where: { accountId }, ...newest }),
    db.plan.findMany({ where: { accountId }, ...newest }),
    db.dispute.findMany({ where: { accountId }, ...newest }),
    db.notice.findMany({ where: { accountId }, orderBy: { deliveredAt: 'desc' }, take: PER_SOURCE }),
    db.consent.findMany({ where: { accountId }, orderBy: { givenAt: 'desc' }, take: PER_SOURCE }),
    db.accountNote.findMany({ where: { accountId }, ...newest, include: { officer: { select: { name: true } } } }),
    db.followUp.findMany({ where: { accountId }, ...newest }),
    db.auditEvent.findMany({ where: { accountId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: PER_SOURCE }),
  ]);
  const names = await officerNames(db, [...messages.map((m) => m.officerId), ...audit.map((a) => a.actor), ...plans.map((p) => p.offeredBy), ...followUps.map((f) => f.createdBy)]);
  const entries: TimelineEntry[] = [];
  const add = (at: Date, kind: TimelineKind, title: string, text: string, channel: string | null = null, conversationId: string | null = null) =>
    entries.push({ at: at.toISOString(), kind, title, text, channel, conversationId });

  for (const m of messages) {
    const channel = channelOf.get(m.conversationId) ?? null;
    const who = m.author === 'debtor' ? 'Debtor' : m.author === 'bot' ? 'Bot' : (names.get(m.officerId ?? '') ?? 'Officer');
    add(m.createdAt, 'message', `${who} · ${labelOf(CHANNEL_LABELS, channel)}`, m.text, channel, m.conversationId);
  }
  for (const p of payments) add(p.createdAt, 'payment', `Payment ${labelOf(PAYMENT_STATUS_LABELS, p.status).toLowerCase()}`, money(p.amount, p.currency));
  for (const p of plans) {
    const by = p.offeredBy ? ` by ${names.get(p.offeredBy) ?? 'an officer'}` : '';
    const terms = `${money(p.total, p.currency)}${p.hardship ? ' · hardship terms' : ''}`;
    add(p.createdAt, 'plan', `${labelOf(PLAN_KIND_LABELS, p.kind)} ${p.offeredBy ? `offered${by}` : 'set up'} (now: ${labelOf(PLAN_STATUS_LABELS, p.status).toLowerCase()})`, terms, p.authorizedChannel);
    if (p.authorizedAt) add(p.authorizedAt, 'plan', `${labelOf(PLAN_KIND_LABELS, p.kind)} agreed by the debtor`, terms, p.authorizedChannel);
  }
  for (const d of disputes) {
    add(d.createdAt, 'dispute', `${labelOf(DISPUTE_KIND_LABELS, d.kind)} · ${labelOf(CHANNEL_LABELS, d.channel)}`, d.words, d.channel);
    if (d.resolvedAt) add(d.resolvedAt, 'dispute', `${labelOf(DISPUTE_KIND_LABELS, d.kind)}: ${labelOf(DISPUTE_STATUS_LABELS, d.status).toLowerCase()}`, '');
  }
  for (const n of notices) {
    add(n.deliveredAt, 'notice', `${labelOf(NOTICE_KIND_LABELS, n.kind)} delivered · ${labelOf(CHANNEL_LABELS, n.channel)}`, '', n.channel);
    if (n.firstViewedAt) add(n.firstViewedAt, 'notice', `${labelOf(NOTICE_KIND_LABELS, n.kind)} opened by the debtor`, '', n.channel);
  }
  for (const c of consents) {
    add(c.givenAt, 'consent', `${labelOf(CONSENT_KIND_LABELS, c.kind)} consent given · ${labelOf(CHANNEL_LABELS, c.channel)}`, c.wording, c.channel);
    if (c.withdrawnAt) add(c.withdrawnAt, 'consent', `${labelOf(CONSENT_KIND_LABELS, c.kind)} consent withdrawn`, '', c.channel);
  }
  for (const n of notes) add(n.createdAt, 'note', `Internal note by ${n.officer.name}`, n.text);
  for (const f of followUps) {
    const what = f.amount !== null && f.currency ? `${money(f.amount, f.currency)} by ${f.dueDate}` : `on ${f.dueDate}`;
    add(f.createdAt, 'follow_up', `${labelOf(FOLLOW_UP_KIND_LABELS, f.kind)} (${labelOf(FOLLOW_UP_STATUS_LABELS, f.status).toLowerCase()}) · by ${names.get(f.createdBy) ?? 'an officer'}`, [what, f.note].filter(Boolean).join(' — '));
  }
  for (const e of audit) add(e.createdAt, 'audit', `${labelOf(AUDIT_LABELS, e.type)} · ${actorName(e.actor, names)}`, '', null, e.conversationId);

  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return entries.slice(0, MAX_ENTRIES);
}
