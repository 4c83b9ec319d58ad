/**
 * Taking a conversation over: an officer accepts an escalation, writes to the debtor on the
 * conversation's channel (through the outbox, so the SMS rules hold), and hands it back to the bot
 * or resolves it. While an officer holds a conversation the bot stays silent in it (MainDialog);
 * SMS keywords (STOP, HELP) are handled before the bot and keep working.
 */
import { z } from 'zod';
import type { Db, Tx } from '../db/database.ts';
import { coordinationOf } from '../db/coordination.ts';
import { isUniqueViolation } from '../db/transactions.ts';
import { appendAudit, type AuditType } from '../audit.ts';
import { checkReply, type ReplyWarning } from '../domain/replyCheck.ts';
import { isLanguage } from '../messages/catalogue.ts';
import { catalogueOn } from '../messages/smsShort.ts';
import type { Account, Installment, Payment, Plan } from '../db/generated/client.ts';
import { parsePolicy } from '../domain/policy.ts';
import { calendarDateInZone, DEFAULT_TIME_ZONE } from '../domain/validationPeriod.ts';
import { contactPermission, contactRefusal, type ContactView } from './contact.ts';
import { addressOf, sendToDebtor, type ConversationAddress } from './debtorMessages.ts';
import { proposalOf } from './proposals.ts';
import { ConsoleRefusal } from './refusal.ts';
import type { SignedInOfficer } from './sessions.ts';

export const officerMessageSchema = z.object({
  text: z.string().trim().min(1, 'Write a message first.').max(1600, 'Keep a message under 1,600 characters (about 10 text messages).'),
  /** Send although the reply check warned (audited, with the reason). Blocking findings cannot be overridden. */
  override: z.boolean().default(false),
  /** Why the officer sends it anyway: required with `override` when there are warnings. */
  overrideReason: z.string().trim().max(300, 'Keep the reason under 300 characters.').optional(),
  /** Chosen by the page per message, so a double click or a retried request sends once. */
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientMessageId must be 8-64 letters, digits, - or _').optional(),
});

export const RESOLUTION_OUTCOMES = ['paid', 'plan_agreed', 'dispute_handled', 'status_recorded', 'callback_arranged', 'no_action_needed', 'debtor_left'] as const;

export const resolveSchema = z.object({
  outcome: z.enum(RESOLUTION_OUTCOMES, { message: `outcome must be one of: ${RESOLUTION_OUTCOMES.join(', ')}` }),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.').optional(),
});

const actorOf = (officer: SignedInOfficer) => `officer:${officer.id}`;

/** An audit event of the officer's, on the handoff's account and conversation. */
function auditHandoff(tx: Tx, type: AuditType, officer: SignedInOfficer, handoff: { id: string; accountId: string | null; conversationId: string | null }, detail: Record<string, unknown> = {}) {
  return appendAudit(tx, { type, actor: actorOf(officer), accountId: handoff.accountId, conversationId: handoff.conversationId, detail: { handoffId: handoff.id, ...detail } });
}

async function openHandoff(db: Db | Tx, handoffId: string) {
  const handoff = await db.handoff.findUnique({ where: { id: handoffId }, include: { conversation: true, officer: { select: { name: true } } } });
  if (!handoff) throw new ConsoleRefusal(404, 'There is no such escalation. It may have been removed; go back to the queue.');
  if (handoff.status === 'resolved') throw new ConsoleRefusal(409, 'This escalation is already resolved.');
  return handoff;
}

/** The officer notices in the conversation's language, by SMS with their short versions. */
function languageOf(conversation: { language: string; channel: string } | null) {
  const language = conversation?.language ?? 'en';
  return catalogueOn(conversation?.channel ?? 'web', 'officer', isLanguage(language) ? language : 'en');
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** What the debtor was told of an officer's step: true, or the reasons nothing could be sent. */
export type NoticeOutcome = { debtorTold: true } | { debtorTold: false; contact: ContactView | null };

/**
 * A notice the console sends on the officer's behalf (joined, handed back, closed): sent only when
 * the safety rail allows a message to this debtor now; otherwise withheld, and the audit trail says so.
 */
async function sendNotice(
  tx: Tx,
  conversation: ConversationAddress,
  notice: { name: 'joined' | 'handed_back' | 'resolved'; body: string; handoffId: string },
  officer: SignedInOfficer,
  now: Date,
): Promise<NoticeOutcome> {
  if (!addressOf(conversation)) return { debtorTold: false, contact: null };
  const contact = await contactPermission(tx, conversation, now);
  if (contact.allowed === 'none') {
    await appendAudit(tx, {
      type: 'officer.notice.withheld',
      actor: actorOf(officer),
      accountId: conversation.accountId,
      conversationId: conversation.id,
      detail: { handoffId: notice.handoffId, notice: notice.name, reasons: contact.reasons.map((r) => r.code) },
    });
    return { debtorTold: false, contact };
  }
  // A notice about the handoff, not the officer's own words: it comes from the assistant (#16 item 2).
  await sendToDebtor(tx, conversation, { body: notice.body, kind: 'notice', officerId: officer.id, now, dedupeKey: `handoff:${notice.handoffId}:${notice.name}` });
  return { debtorTold: true };
}

/**
 * The officer takes the escalation. Only one officer can: the handoff moves from queued to
 * accepted by a compare-and-set, and the loser is told who has it. The debtor is told a person
 * joined — unless nothing may be sent to them (see contact.ts).
 */
export async function acceptHandoff(db: Db, handoffId: string, officer: SignedInOfficer, now: Date): Promise<NoticeOutcome> {
  return db.$transaction(async (tx): Promise<NoticeOutcome> => {
    const handoff = await openHandoff(tx, handoffId);
    const taken = await tx.handoff.updateMany({
      where: { id: handoffId, status: 'queued' },
      data: { status: 'accepted', officerId: officer.id, acceptedAt: now },
    });
    if (taken.count === 0) {
      // Read again: on PostgreSQL the winner may have committed after our first read (its update
      // made ours wait, then match nothing), so only a fresh read names who has it.
      const current = await tx.handoff.findUnique({ where: { id: handoffId }, select: { status: true, officerId: true, officer: { select: { name: true } } } });
      if (current?.status === 'resolved') throw new ConsoleRefusal(409, 'This escalation is already resolved.');
      // A repeated click: the notice was sent (or withheld) the first time.
      if (current?.officerId === officer.id) return { debtorTold: await noticeWasSent(tx, handoffId, 'joined'), contact: null } as NoticeOutcome;
      throw new ConsoleRefusal(409, `${current?.officer?.name ?? 'Another officer'} has already taken this conversation.`);
    }
    await auditHandoff(tx, 'handoff.accepted', officer, handoff, { reason: handoff.reason });
    const conversation = handoff.conversation;
    if (!conversation) return { debtorTold: false, contact: null };
    await tx.conversation.update({ where: { id: conversation.id }, data: { holder: 'officer', officerId: officer.id } });
    return sendNotice(tx, conversation, { name: 'joined', body: languageOf(conversation).officerJoined(firstName(officer.name)), handoffId }, officer, now);
  });
}

async function noticeWasSent(tx: Tx, handoffId: string, name: string): Promise<boolean> {
  return (await tx.outboxMessage.count({ where: { dedupeKey: `handoff:${handoffId}:${name}` } })) > 0;
}

/** The conversation the officer holds through this handoff, or a refusal saying why not. */
export async function heldConversation(tx: Tx, handoffId: string, officer: SignedInOfficer) {
  const handoff = await openHandoff(tx, handoffId);
  if (handoff.status !== 'accepted' || handoff.officerId !== officer.id) {
    throw new ConsoleRefusal(409, handoff.officerId ? `${handoff.officer?.name ?? 'Another officer'} is handling this conversation.` : 'Take the conversation over first.');
  }
  if (!handoff.conversation) throw new ConsoleRefusal(409, 'This escalation has no conversation to write to: contact the debtor by phone or mail.');
  if (!addressOf(handoff.conversation)) throw new ConsoleRefusal(409, 'This conversation is on a channel we cannot write to.');
  return { handoff, conversation: handoff.conversation };
}

type AccountWithRecords = Account & { plans: Array<Plan & { installments: Installment[] }>; payments: Payment[] };

/** Amounts an officer may rightly mention: the account's figures, its plans, payments and the proposal under review. */
function knownAmounts(account: AccountWithRecords | null, proposal: ReturnType<typeof proposalOf>): number[] {
  const amounts = new Set<number>();
  if (account) {
    [account.balance, account.itemizationAmount, account.interestSinceItemization, account.feesSinceItemization, account.paymentsSinceItemization, account.creditsSinceItemization].forEach((a) => amounts.add(a));
    for (const plan of account.plans) {
      amounts.add(plan.total);
      amounts.add(plan.downPayment);
      plan.installments.forEach((i) => amounts.add(i.amount));
    }
    account.payments.forEach((p) => amounts.add(p.amount));
  }
  // The proposal's figures are amounts the debtor already named or was already shown.
  if (proposal) {
    amounts.add(proposal.balance);
    if (proposal.offer?.amount !== undefined) amounts.add(proposal.offer.amount);
    for (const terms of [proposal.terms, proposal.closestAllowed]) {
      if (!terms) continue;
      amounts.add(terms.total);
      amounts.add(terms.downPayment);
      terms.payments.forEach((p) => amounts.add(p.amount));
    }
  }
  return [...amounts].filter((a) => a > 0);
}

export type SendResult =
  | { sent: true; outboxId: string; botInitiated: boolean; overridden: ReplyWarning[] }
  | { sent: false; warnings: ReplyWarning[]; blocked: boolean };

/** The reply check for a draft, without sending. */
export async function checkOfficerReply(db: Db, handoffId: string, officer: SignedInOfficer, text: string, now: Date): Promise<ReplyWarning[]> {
  return db.$transaction(async (tx) => {
    const { handoff } = await heldConversation(tx, handoffId, officer);
    return replyWarnings(tx, handoff, text, now);
  });
}

async function replyWarnings(tx: Tx, handoff: { accountId: string | null; detailJson: string; firstResponseAt: Date | null }, text: string, now: Date) {
  const account = handoff.accountId
    ? await tx.account.findUnique({ where: { id: handoff.accountId }, include: { plans: { include: { installments: true } }, payments: true, creditor: { select: { policyJson: true } } } })
    : null;
  const proposal = proposalOf(handoff);
  return checkReply(text, {
    isFirstOfficerMessage: handoff.firstResponseAt === null,
    account: account ? { currency: account.currency, timeBarred: account.timeBarred, validationPeriodEndsAt: account.validationPeriodEndsAt } : null,
    knownAmounts: knownAmounts(account, proposal),
    policy: account
      ? {
          policy: parsePolicy(account.creditor.policyJson),
          balance: account.balance,
          currency: account.currency,
          hardship: account.hardship || proposal?.hardship === true,
          today: calendarDateInZone(now, account.timeZone ?? DEFAULT_TIME_ZONE),
        }
      : null,
    now,
  });
}

/** The message already sent under this dedupe key (a repeated or double-clicked send), if any. */
async function alreadySent(client: Db | Tx, dedupeKey: string | undefined): Promise<SendResult | null> {
  const sent = dedupeKey ? await client.outboxMessage.findUnique({ where: { dedupeKey } }) : null;
  return sent ? { sent: true, outboxId: sent.id, botInitiated: sent.botInitiated, overridden: [] } : null;
}

/**
 * Sends the officer's message when the safety rail allows a message to this debtor (contact.ts)
 * and the reply check finds nothing — or when the officer overrides warnings that do not block,
 * giving a reason (audited). Blocking findings are never sent.
 */
export async function sendOfficerMessage(db: Db, handoffId: string, officer: SignedInOfficer, input: z.output<typeof officerMessageSchema>, now: Date): Promise<SendResult> {
  const dedupeKey = input.clientMessageId ? `officer:${handoffId}:${input.clientMessageId}` : undefined;
  try {
    // A double click: the second send waits for the first (on every instance) and then finds it sent.
    // Without this, on PostgreSQL the second waited on the outbox row's unique key, took the row as
    // its own and wrote the transcript line a second time.
    if (dedupeKey) return await coordinationOf(db).withLock(dedupeKey, () => sendOnce(db, handoffId, officer, input, now, dedupeKey));
    return await sendOnce(db, handoffId, officer, input, now, dedupeKey);
  } catch (error) {
    // A double click on PostgreSQL: both requests passed the check, the other one committed first
    // and ours hit the unique dedupe key. The message went once; answer with it.
    const existing = isUniqueViolation(error) ? await alreadySent(db, dedupeKey) : null;
    if (existing) return existing;
    throw error;
  }
}

async function sendOnce(db: Db, handoffId: string, officer: SignedInOfficer, input: z.output<typeof officerMessageSchema>, now: Date, dedupeKey: string | undefined): Promise<SendResult> {
  return db.$transaction(async (tx) => {
    const { handoff, conversation } = await heldConversation(tx, handoffId, officer);
    const sent = await alreadySent(tx, dedupeKey);
    if (sent) return sent;
    const contact = await contactPermission(tx, conversation, now);
    if (contact.allowed === 'none') throw new ConsoleRefusal(409, contactRefusal(contact), { contact });
    const warnings = await replyWarnings(tx, handoff, input.text, now);
    const blocked = warnings.some((w) => w.blocking);
    if (blocked || (warnings.length > 0 && !input.override)) return { sent: false, warnings, blocked } as const;
    if (warnings.length > 0 && (input.overrideReason ?? '').length < 5) {
      throw new ConsoleRefusal(422, 'Say why you are sending it anyway (a few words, kept in the audit trail), or edit the message.', { warnings, blocked, reasonRequired: true });
    }

    const { outboxId, botInitiated } = await sendToDebtor(tx, conversation, { body: input.text, officerId: officer.id, now, dedupeKey });
    if (!handoff.firstResponseAt) await tx.handoff.update({ where: { id: handoffId }, data: { firstResponseAt: now } });
    await auditHandoff(tx, 'officer.message.sent', officer, handoff, { outboxId, botInitiated });
    if (warnings.length > 0) {
      await auditHandoff(tx, 'officer.reply_check.overridden', officer, handoff, { outboxId, warnings: warnings.map((w) => w.code), reason: input.overrideReason });
    }
    return { sent: true, outboxId, botInitiated, overridden: warnings } as const;
  });
}

/** Ends the officer's part: the bot answers the debtor again; the debtor is told when they may be. */
export async function handBack(db: Db, handoffId: string, officer: SignedInOfficer, now: Date): Promise<NoticeOutcome> {
  return db.$transaction(async (tx) => {
    const { handoff, conversation } = await heldConversation(tx, handoffId, officer);
    await closeHandoff(tx, handoff.id, { outcome: 'handed_back' }, officer, now);
    await tx.conversation.update({ where: { id: conversation.id }, data: { holder: 'bot', officerId: null } });
    await auditHandoff(tx, 'handoff.handed_back', officer, handoff);
    return sendNotice(tx, conversation, { name: 'handed_back', body: languageOf(conversation).handedBack(), handoffId }, officer, now);
  });
}

/**
 * Resolves the escalation with an outcome. Allowed to the officer handling it, or to anyone while
 * it is still waiting (e.g. a dispute decided without a chat). The bot holds the conversation again.
 */
export async function resolveHandoff(db: Db, handoffId: string, officer: SignedInOfficer, input: z.output<typeof resolveSchema>, now: Date): Promise<NoticeOutcome> {
  return db.$transaction(async (tx): Promise<NoticeOutcome> => {
    const handoff = await openHandoff(tx, handoffId);
    if (handoff.status === 'accepted' && handoff.officerId !== officer.id) {
      throw new ConsoleRefusal(409, `${handoff.officer?.name ?? 'Another officer'} is handling this conversation.`);
    }
    await closeHandoff(tx, handoff.id, input, officer, now);
    await auditHandoff(tx, 'handoff.resolved', officer, handoff, { outcome: input.outcome });
    const conversation = handoff.conversation;
    if (!conversation) return { debtorTold: false, contact: null };
    const wasHeld = conversation.holder === 'officer' && conversation.officerId === officer.id;
    await tx.conversation.updateMany({ where: { id: conversation.id, holder: { in: ['queued', 'officer'] } }, data: { holder: 'bot', officerId: null } });
    // A conversation the officer never joined gets no closing note: the debtor was not told of a person.
    if (!wasHeld) return { debtorTold: false, contact: null };
    return sendNotice(tx, conversation, { name: 'resolved', body: languageOf(conversation).resolved(), handoffId }, officer, now);
  });
}

async function closeHandoff(tx: Tx, handoffId: string, input: { outcome: string; note?: string }, officer: SignedInOfficer, now: Date): Promise<void> {
  const closed = await tx.handoff.updateMany({
    where: { id: handoffId, status: { not: 'resolved' } },
    data: { status: 'resolved', resolvedAt: now, outcome: input.note ? `${input.outcome}: ${input.note}` : input.outcome, officerId: officer.id },
  });
  if (closed.count === 0) throw new ConsoleRefusal(409, 'This escalation is already resolved.');
}
