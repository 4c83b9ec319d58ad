/**
 * The account as the console shows it: the summary beside an escalation (figures, flags, rights,
 * plans, payments, consents, notes, follow-ups), the search by account number, name, phone or email,
 * and the names of officers behind "officer:<id>" actors. Read-only. Identity factors are stored
 * only as hashes and are never selected here.
 */
import type { Db } from '../db/database.ts';
import { collectionPauseReason } from '../accounts/rights.ts';
import { itemize } from '../domain/itemization.ts';
import { nameKey } from '../domain/names.ts';
import { resolveZones } from '../domain/quietHours.ts';
import { formatValidationPeriodEnd, isValidationPeriodOpen } from '../domain/validationPeriod.ts';
import { normalizeUsPhone } from '../import/placements.ts';
import { followUpView } from './accountWork.ts';

/** The zones the debtor may be in, when that is one zone we can name (for "the debtor's time"). */
export function debtorTimeZone(account: { timeZone: string | null; zip: string; phone: string | null }): string | null {
  const { zones, source } = resolveZones(account);
  return source !== 'unknown' && zones.length === 1 ? zones[0]! : null;
}

/** Officer names for "officer:<id>" actors and officer ids. */
export async function officerNames(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].map((id) => (id?.startsWith('officer:') ? id.slice(8) : id)).filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.officer.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((o) => [o.id, o.name]));
}

/** The actor in words: "Debtor", "Bot", "System" or the officer's name. */
export function actorName(actor: string, names: Map<string, string>): string {
  if (actor.startsWith('officer:')) return names.get(actor.slice(8)) ?? 'An officer (account removed)';
  return ({ debtor: 'Debtor', bot: 'Bot', system: 'System' } as Record<string, string>)[actor] ?? actor;
}

export type AccountPart = NonNullable<Awaited<ReturnType<typeof accountPart>>>;

export async function accountPart(db: Db, accountId: string, now: Date) {
  const account = await db.account.findUnique({
    where: { id: accountId },
    include: {
      creditor: { select: { name: true } },
      disputes: { orderBy: { createdAt: 'desc' } },
      plans: { orderBy: { createdAt: 'desc' }, include: { installments: { orderBy: { seq: 'asc' } } } },
      payments: { orderBy: { createdAt: 'desc' }, take: 100 },
      consents: { orderBy: { givenAt: 'desc' } },
      notices: { orderBy: { deliveredAt: 'desc' } },
      notes: { orderBy: { createdAt: 'desc' }, take: 100, include: { officer: { select: { name: true } } } },
      followUps: { where: { status: 'open' }, orderBy: { dueAt: 'asc' } },
    },
  });
  if (!account) return null;
  const item = itemize(account);
  const names = await officerNames(db, [...account.plans.map((p) => p.offeredBy), ...account.followUps.map((f) => f.createdBy)]);
  return {
    id: account.id,
    accountNumber: account.accountNumber,
    name: `${account.firstName} ${account.lastName}`,
    firstName: account.firstName,
    address: account.address,
    zip: account.zip,
    phone: account.phone,
    email: account.email,
    timeZone: account.timeZone,
    /** The one zone the debtor is in, when known (account, ZIP and area code agree): times are shown in it too. */
    debtorTimeZone: debtorTimeZone(account),
    language: account.language,
    creditor: account.creditor.name,
    originalCreditor: account.originalCreditor,
    currency: account.currency,
    balance: account.balance,
    itemization: { ...item, itemizationDate: item.itemizationDate.toISOString().slice(0, 10) },
    placedAt: account.placedAt.toISOString(),
    validationPeriodEndsAt: account.validationPeriodEndsAt?.toISOString() ?? null,
    /** The end date in the words the debtor was given (same zone and formatter as the bot's message). */
    validationPeriodEndsOn: account.validationPeriodEndsAt ? formatValidationPeriodEnd(account.validationPeriodEndsAt, 'en-US') : null,
    validationPeriodOpen: isValidationPeriodOpen(account.validationPeriodEndsAt, now),
    pauseReason: collectionPauseReason(account),
    flags: {
      disputed: account.disputed,
      ceaseCommunication: account.ceaseCommunication,
      attorneyRepresented: account.attorneyRepresented,
      bankruptcy: account.bankruptcy,
      deceased: account.deceased,
      activeMilitary: account.activeMilitary,
      identityTheft: account.identityTheft,
      timeBarred: account.timeBarred,
      smsOptOut: account.smsOptOut,
      verificationLocked: account.verificationLockedUntil !== null && account.verificationLockedUntil > now,
      hardship: account.hardship,
    },
    attorney: account.attorneyRepresented ? { name: account.attorneyName, contact: account.attorneyContact } : null,
    disputes: account.disputes.map((d) => ({
      id: d.id,
      kind: d.kind,
      words: d.words,
      channel: d.channel,
      status: d.status,
      createdAt: d.createdAt.toISOString(),
      resolvedAt: d.resolvedAt?.toISOString() ?? null,
    })),
    plans: account.plans.map((p) => ({
      id: p.id,
      kind: p.kind,
      status: p.status,
      total: p.total,
      currency: p.currency,
      frequency: p.frequency,
      downPayment: p.downPayment,
      hardship: p.hardship,
      createdAt: p.createdAt.toISOString(),
      authorizedAt: p.authorizedAt?.toISOString() ?? null,
      authorizedChannel: p.authorizedChannel,
      offeredBy: p.offeredBy ? (names.get(p.offeredBy) ?? 'an officer') : null,
      installments: p.installments.map((i) => ({ seq: i.seq, dueDate: i.dueDate.toISOString().slice(0, 10), amount: i.amount, status: i.status })),
    })),
    payments: account.payments.map((p) => ({ id: p.id, amount: p.amount, currency: p.currency, status: p.status, provider: p.provider, at: p.createdAt.toISOString() })),
    consents: account.consents.map((c) => ({ kind: c.kind, channel: c.channel, givenAt: c.givenAt.toISOString(), withdrawnAt: c.withdrawnAt?.toISOString() ?? null })),
    notices: account.notices.map((n) => ({ kind: n.kind, channel: n.channel, deliveredAt: n.deliveredAt.toISOString(), firstViewedAt: n.firstViewedAt?.toISOString() ?? null })),
    notes: account.notes.map((n) => ({ id: n.id, text: n.text, officer: n.officer.name, at: n.createdAt.toISOString() })),
    followUps: account.followUps.map((f) => ({
      ...followUpView(f),
      by: names.get(f.createdBy) ?? 'an officer',
      overdue: f.dueAt.getTime() < now.getTime(),
    })),
  };
}

export interface AccountMatch {
  id: string;
  accountNumber: string;
  name: string;
  creditor: string;
  balance: number;
  currency: string;
  phone: string | null;
  email: string | null;
  /** Why collection is paused, when it is. */
  pauseReason: string | null;
}

const MAX_MATCHES = 25;

/**
 * Accounts matching `query`: an account number (exact, or its start), a phone number in any usual
 * US form, an email address (or part of one), or a name (all words, accents and case ignored).
 */
export async function searchAccounts(db: Db, query: string): Promise<AccountMatch[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const or: object[] = [{ accountNumber: q }, { accountNumber: { startsWith: q.toUpperCase() } }, { accountNumber: { startsWith: q } }];
  const phone = normalizeUsPhone(q);
  if (phone) or.push({ phone });
  else if (/^[\d\s().+-]{4,}$/.test(q)) or.push({ phone: { endsWith: q.replace(/\D/g, '') } });
  if (q.includes('@')) or.push({ email: { contains: q.toLowerCase() } }, { email: { contains: q } });
  const words = nameKey(q).split(' ').filter((w) => w.length > 0);
  if (words.length > 0 && /\p{L}/u.test(q)) or.push({ AND: words.map((w) => ({ nameKey: { contains: w } })) });
  const rows = await db.account.findMany({
    where: { OR: or },
    include: { creditor: { select: { name: true } } },
    orderBy: { accountNumber: 'asc' },
    take: MAX_MATCHES,
  });
  return rows.map((a) => ({
    id: a.id,
    accountNumber: a.accountNumber,
    name: `${a.firstName} ${a.lastName}`,
    creditor: a.creditor.name,
    balance: a.balance,
    currency: a.currency,
    phone: a.phone,
    email: a.email,
    pauseReason: collectionPauseReason(a),
  }));
}
