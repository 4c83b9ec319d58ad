/**
 * What an officer records on an account, as data the bot and the next officer read — not as chat
 * text: hardship (an account flag: the policy's hardship limits apply in every later conversation),
 * internal notes (never sent to the debtor), and follow-ups (a promise to pay by a date, or a
 * call-back), which show in the queue once due. Every write is audited.
 */
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit.ts';
import { daysBetween, isIsoDate } from '../domain/plans.ts';
import { redactCardNumbers } from '../domain/redaction.ts';
import { calendarDateInZone, DEFAULT_TIME_ZONE, endOfDayInZone } from '../domain/validationPeriod.ts';
import { debtorTimeZone } from './accountViews.ts';
import { ConsoleRefusal } from './refusal.ts';
import type { SignedInOfficer } from './sessions.ts';

const actorOf = (officer: SignedInOfficer) => `officer:${officer.id}`;

async function accountOrRefuse(db: Db, accountId: string) {
  const account = await db.account.findUnique({ where: { id: accountId } });
  if (!account) throw new ConsoleRefusal(404, 'There is no such account.');
  return account;
}

export const hardshipSchema = z.object({
  hardship: z.boolean({ error: 'hardship must be true (record it) or false (clear it)' }),
  /** The escalation it was learned in, for the audit trail. */
  handoffId: z.string().max(64).optional(),
});

/** Records (or clears) hardship on the account: the bot uses the hardship limits from now on. */
export async function setHardship(db: Db, accountId: string, officer: SignedInOfficer, input: z.output<typeof hardshipSchema>): Promise<{ hardship: boolean; changed: boolean }> {
  await accountOrRefuse(db, accountId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({ where: { id: accountId, hardship: !input.hardship }, data: { hardship: input.hardship } });
    if (count > 0) {
      await appendAudit(tx, {
        type: input.hardship ? 'hardship.recorded' : 'hardship.cleared',
        actor: actorOf(officer),
        accountId,
        detail: { channel: 'console', ...(input.handoffId ? { handoffId: input.handoffId } : {}) },
      });
    }
    return { hardship: input.hardship, changed: count > 0 };
  });
}

export const noteSchema = z.object({
  text: z.string({ error: 'Write the note first.' }).trim().min(1, 'Write the note first.').max(2000, 'Keep a note under 2,000 characters.'),
});

/** An internal note: for officers only. Card numbers are removed before it is stored (PCI DSS). */
export async function addNote(db: Db, accountId: string, officer: SignedInOfficer, input: z.output<typeof noteSchema>, now: Date): Promise<{ id: string; text: string }> {
  await accountOrRefuse(db, accountId);
  const text = redactCardNumbers(input.text).text;
  return db.$transaction(async (tx) => {
    const note = await tx.accountNote.create({ data: { accountId, officerId: officer.id, text, createdAt: now } });
    await appendAudit(tx, { type: 'note.added', actor: actorOf(officer), accountId, detail: { noteId: note.id } });
    return { id: note.id, text };
  });
}

export const followUpSchema = z
  .object({
    kind: z.enum(['promise', 'callback'], { error: 'kind must be promise (to pay by a date) or callback' }),
    dueDate: z.string({ error: 'Give the date as YYYY-MM-DD' }).refine(isIsoDate, { error: 'Give the date as YYYY-MM-DD' }),
    /** A promise: the amount promised, in minor units (cents). */
    amount: z.number({ error: 'The amount must be a number of cents' }).int({ error: 'The amount must be a whole number of cents' }).positive({ error: 'The amount must be more than zero' }).optional(),
    note: z.string().trim().max(500, 'Keep the note under 500 characters.').optional(),
    handoffId: z.string().max(64).optional(),
    conversationId: z.string().max(64).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'promise' && input.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'A promise to pay needs the amount promised' });
  });

/** Latest follow-up date accepted: a year from today. */
const MAX_FOLLOW_UP_DAYS = 366;

/** Schedules a follow-up, due at the end of its date in the debtor's zone. */
export async function scheduleFollowUp(db: Db, accountId: string, officer: SignedInOfficer, input: z.output<typeof followUpSchema>, now: Date): Promise<{ id: string; dueAt: string }> {
  const account = await accountOrRefuse(db, accountId);
  const zone = debtorTimeZone(account) ?? DEFAULT_TIME_ZONE;
  const today = calendarDateInZone(now, zone);
  const ahead = daysBetween(today, input.dueDate);
  if (ahead < 0) throw new ConsoleRefusal(422, `The date ${input.dueDate} has passed (it is ${today} where the debtor is). Choose a date from today on.`);
  if (ahead > MAX_FOLLOW_UP_DAYS) throw new ConsoleRefusal(422, 'Choose a date within a year.');
  if (input.amount !== undefined && input.amount > account.balance) {
    throw new ConsoleRefusal(422, 'The amount promised is more than the balance. Check the figure.');
  }
  const dueAt = endOfDayInZone(input.dueDate, zone);
  return db.$transaction(async (tx) => {
    const row = await tx.followUp.create({
      data: {
        accountId,
        kind: input.kind,
        dueDate: input.dueDate,
        dueAt,
        amount: input.kind === 'promise' ? (input.amount ?? null) : null,
        currency: input.kind === 'promise' ? account.currency : null,
        note: input.note ? redactCardNumbers(input.note).text : null,
        createdBy: officer.id,
        createdAt: now,
        conversationId: input.conversationId ?? null,
        handoffId: input.handoffId ?? null,
      },
    });
    await appendAudit(tx, {
      type: 'follow_up.scheduled',
      actor: actorOf(officer),
      accountId,
      conversationId: input.conversationId ?? null,
      detail: { followUpId: row.id, kind: input.kind, dueDate: input.dueDate, ...(row.amount !== null ? { amount: row.amount, currency: row.currency } : {}) },
    });
    return { id: row.id, dueAt: dueAt.toISOString() };
  });
}

export const closeFollowUpSchema = z.object({
  status: z.enum(['done', 'cancelled'], { error: 'status must be done or cancelled' }),
});

export async function closeFollowUp(db: Db, followUpId: string, officer: SignedInOfficer, input: z.output<typeof closeFollowUpSchema>, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.followUp.updateMany({ where: { id: followUpId, status: 'open' }, data: { status: input.status, closedAt: now, closedBy: officer.id } });
    const row = await tx.followUp.findUnique({ where: { id: followUpId } });
    if (!row) throw new ConsoleRefusal(404, 'There is no such follow-up.');
    if (count === 0) throw new ConsoleRefusal(409, `This follow-up is already ${row.status}.`);
    await appendAudit(tx, { type: 'follow_up.closed', actor: actorOf(officer), accountId: row.accountId, detail: { followUpId, status: input.status } });
  });
}

/** A follow-up as the console shows it. */
export function followUpView(f: { id: string; kind: string; dueDate: string; dueAt: Date; amount: number | null; currency: string | null; note: string | null }) {
  return { id: f.id, kind: f.kind, dueDate: f.dueDate, dueAt: f.dueAt.toISOString(), amount: f.amount, currency: f.currency, note: f.note };
}

export interface DueFollowUp {
  id: string;
  kind: string;
  dueDate: string;
  dueAt: string;
  amount: number | null;
  currency: string | null;
  note: string | null;
  account: { id: string; accountNumber: string; name: string };
  /** A promise: what was paid on the account since the promise was made (succeeded payments). */
  paidSince: number | null;
}

/** Open follow-ups due by `now` (the end of their date has come), oldest first, for the queue. */
export async function dueFollowUps(db: Db, now: Date): Promise<DueFollowUp[]> {
  // "Due" from the start of the due date: a promise for today shows today.
  const rows = await db.followUp.findMany({
    where: { status: 'open', dueAt: { lte: new Date(now.getTime() + 86_400_000) } },
    orderBy: { dueAt: 'asc' },
    take: 200,
    include: { account: { select: { id: true, accountNumber: true, firstName: true, lastName: true } } },
  });
  return Promise.all(
    rows.map(async (f) => ({
      ...followUpView(f),
      account: { id: f.account.id, accountNumber: f.account.accountNumber, name: `${f.account.firstName} ${f.account.lastName}` },
      paidSince:
        f.kind === 'promise'
          ? ((await db.payment.aggregate({ where: { accountId: f.accountId, status: 'succeeded', createdAt: { gte: f.createdAt } }, _sum: { amount: true } }))._sum.amount ?? 0)
          : null,
    })),
  );
}
