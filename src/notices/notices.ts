/**
 * E-SIGN consent and the electronic delivery of the validation notice (Reg F 1006.34, 1006.42).
 *
 * - Electronic delivery only after E-SIGN consent (15 U.S.C. 7001(c)); the consent row keeps the
 *   wording shown, the time and the channel.
 * - The first time the validation information is provided — electronically, or the moment the
 *   debtor asks for it by mail — fixes `Account.validationPeriodEndsAt`. Later deliveries never
 *   restart the period. A null end therefore means "neither delivered nor on its way": a debtor who
 *   was told about the debt and never answered the E-SIGN question gets it by mail
 *   (ensureValidationNoticeOnTheWay, from the router and from NoticeSweep).
 * - A notice is a page behind an unguessable link: 32 random bytes, base64url. Only a SHA-256
 *   digest of the token is stored (in `Notice.token`), so read access to the database, a backup or a
 *   log of queries does not open anyone's notice, and lookups by digest leak nothing about the
 *   token through timing. The raw token exists only in the link handed to the debtor.
 */
import { createHash } from 'node:crypto';
import { turnRandomBytes } from '../bot/turnUnit.ts';
import type { Db, Tx } from '../db/database.ts';
import type { Account, Creditor, Notice } from '../db/generated/client.ts';
import { appendAudit } from '../audit.ts';
import { inTransaction } from '../db/transactions.ts';
import { validationPeriodEnd } from '../domain/validationPeriod.ts';
import { NOTICE_LANGUAGES, type NoticeLanguage } from './validationNotice.ts';

export const ESIGN_CONSENT_KIND = 'esign';
export const VALIDATION_NOTICE_KIND = 'validation';

/** 32 random bytes in base64url: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Thrown by deliverValidationNotice when the debtor has not consented to electronic delivery. */
export class EsignConsentRequiredError extends Error {
  override name = 'EsignConsentRequiredError';
  constructor(readonly accountId: string) {
    super('E-SIGN consent is required before delivering a notice electronically (Reg F 1006.42); ask for consent or mail the notice');
  }
}

export class UnknownAccountError extends Error {
  override name = 'UnknownAccountError';
  constructor(readonly accountId: string) {
    super(`no account with id ${accountId}`);
  }
}

interface Where {
  accountId: string;
  /** "web" | "sms" | … */
  channel: string;
  conversationId?: string | null;
}

export type NoticeWithAccount = Notice & { account: Account & { creditor: Creditor } };

/** The digest stored in `Notice.token` for a raw token. */
export function hashNoticeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** A fresh unguessable token: 256 random bits, base64url (43 characters). */
export function newNoticeToken(): string {
  // A re-run of a turn after a crash draws the same token (src/bot/turnUnit.ts).
  return turnRandomBytes(TOKEN_BYTES).toString('base64url');
}

/** True when `token` has the shape of a token we issue. */
export function isWellFormedNoticeToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** `${baseUrl}/notices/${token}` (a trailing slash on the base is ignored). */
export function noticeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/notices/${token}`;
}

/** Records the debtor's consent to electronic notices, with the wording they agreed to. */
export async function recordEsignConsent(
  db: Db,
  where: Where & { wording: string; now?: Date },
): Promise<{ consentId: string }> {
  checkWording(where.wording);
  return db.$transaction((tx) => recordConsentIn(tx, where));
}

/**
 * The debtor's yes to electronic delivery and the notice it allows, in one transaction (one
 * commit on the turn's path, issue 14): the consent, its audit event, the Notice row, the
 * validation period and the delivery's audit event.
 */
export async function consentAndDeliverNotice(
  db: Db,
  where: Where & { wording: string; language: NoticeLanguage; now: Date },
): Promise<{ consentId: string; token: string; validationPeriodEndsAt: Date; firstDelivery: boolean }> {
  checkWording(where.wording);
  checkLanguage(where.language);
  const token = newNoticeToken();
  return db.$transaction(async (tx) => {
    const { consentId } = await recordConsentIn(tx, where);
    return { consentId, token, ...(await recordNoticeDelivery(tx, where, token, { basis: 'esign' })) };
  });
}

function checkWording(wording: string): void {
  if (wording.trim() === '') throw new Error('the consent wording shown to the debtor is required');
}

function checkLanguage(language: NoticeLanguage): void {
  if (!NOTICE_LANGUAGES.includes(language)) throw new Error(`unsupported notice language "${String(language)}"`);
}

async function recordConsentIn(tx: Tx, where: Where & { wording: string; now?: Date }): Promise<{ consentId: string }> {
  const consent = await tx.consent.create({
    data: {
      accountId: where.accountId,
      kind: ESIGN_CONSENT_KIND,
      channel: where.channel,
      wording: where.wording,
      ...(where.now ? { givenAt: where.now } : {}),
    },
  });
  await appendAudit(tx, {
    type: 'esign.consent',
    actor: 'debtor',
    accountId: where.accountId,
    conversationId: where.conversationId,
    detail: { channel: where.channel, consentId: consent.id },
  });
  return { consentId: consent.id };
}

async function activeEsignConsent(db: Db | Tx, accountId: string) {
  return db.consent.findFirst({
    where: { accountId, kind: ESIGN_CONSENT_KIND, withdrawnAt: null },
    orderBy: { givenAt: 'desc' },
    select: { id: true },
  });
}

/** True when the debtor has an E-SIGN consent that has not been withdrawn. */
export async function hasEsignConsent(db: Db, accountId: string): Promise<boolean> {
  return (await activeEsignConsent(db, accountId)) !== null;
}

/**
 * Sets the account's validation period end if it has none yet, by the Reg F rule applied to `now`.
 * Conditional update, so two racing first deliveries cannot both set it. Returns the stored end
 * and whether this call set it.
 */
async function fixValidationPeriod(tx: Tx, accountId: string, now: Date): Promise<{ endsAt: Date; started: boolean }> {
  const stored = async () => (await tx.account.findUnique({ where: { id: accountId }, select: { validationPeriodEndsAt: true } }))?.validationPeriodEndsAt;
  const before = await stored();
  if (before === undefined) throw new UnknownAccountError(accountId);
  // A later delivery: the period was fixed by the first one (one read, no write).
  if (before) return { endsAt: before, started: false };
  const endsAt = validationPeriodEnd(now);
  const { count } = await tx.account.updateMany({ where: { id: accountId, validationPeriodEndsAt: null }, data: { validationPeriodEndsAt: endsAt } });
  if (count === 1) return { endsAt, started: true };
  // Another delivery fixed it in between: its date stands.
  const raced = await stored();
  if (!raced) throw new Error('validation period end was not stored');
  return { endsAt: raced, started: false };
}

/**
 * Delivers the validation notice electronically: a Notice row behind a fresh token, and an audit
 * event, in one transaction. Requires E-SIGN consent (throws EsignConsentRequiredError).
 * `firstDelivery` is true when this delivery started the validation period; later deliveries (and
 * deliveries after a mailed-notice request) reuse the stored end date.
 */
export async function deliverValidationNotice(
  db: Db,
  where: Where & { language: NoticeLanguage; now: Date },
): Promise<{ token: string; validationPeriodEndsAt: Date; firstDelivery: boolean }> {
  checkLanguage(where.language);
  const token = newNoticeToken();
  return db.$transaction(async (tx) => {
    if (!(await activeEsignConsent(tx, where.accountId))) {
      if (!(await tx.account.findUnique({ where: { id: where.accountId }, select: { id: true } }))) throw new UnknownAccountError(where.accountId);
      throw new EsignConsentRequiredError(where.accountId);
    }
    return { token, ...(await recordNoticeDelivery(tx, where, token, { basis: 'esign' })) };
  });
}

/**
 * A validation notice that went out in the body of an email (Reg F 1006.42(c)(2)): with E-SIGN
 * consent, or under the 1006.6(d)(4)(ii) safe harbor in the first communication (the caller
 * decided which, src/domain/outreachRules.ts emailNoticeBasis). `token` is the one the email's link
 * carries. Idempotent by token: a resent email records nothing twice.
 */
export async function recordEmailedValidationNotice(
  db: Db,
  where: Where & { language: NoticeLanguage; now: Date; token: string; basis: 'esign' | 'safe_harbor'; outboxId: string },
): Promise<{ validationPeriodEndsAt: Date; firstDelivery: boolean }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.notice.findUnique({ where: { token: hashNoticeToken(where.token) } });
    if (existing) return { validationPeriodEndsAt: existing.validationPeriodEndsAt, firstDelivery: false };
    return recordNoticeDelivery(tx, where, where.token, { basis: where.basis, outboxId: where.outboxId });
  });
}

/** The Notice row, the validation period (if not yet fixed) and the audit event, inside a transaction. */
async function recordNoticeDelivery(
  tx: Tx,
  where: Where & { language: NoticeLanguage; now: Date },
  token: string,
  detail: Record<string, unknown>,
): Promise<{ validationPeriodEndsAt: Date; firstDelivery: boolean }> {
  const { endsAt, started } = await fixValidationPeriod(tx, where.accountId, where.now);
  const notice = await tx.notice.create({
    data: {
      accountId: where.accountId,
      kind: VALIDATION_NOTICE_KIND,
      token: hashNoticeToken(token),
      channel: where.channel,
      language: where.language,
      deliveredAt: where.now,
      validationPeriodEndsAt: endsAt,
    },
  });
  await appendAudit(tx, {
    type: 'validation.notice.delivered',
    actor: 'bot',
    accountId: where.accountId,
    conversationId: where.conversationId,
    detail: {
      channel: where.channel,
      noticeId: notice.id,
      language: where.language,
      firstDelivery: started,
      validationPeriodEndsAt: endsAt.toISOString(),
      ...detail,
    },
  });
  return { validationPeriodEndsAt: endsAt, firstDelivery: started };
}

interface MailRequest extends Where {
  now: Date;
  /** Who asked: the debtor (declined electronic delivery), or the system (they never answered). Default 'debtor'. */
  actor?: 'debtor' | 'system';
}

/**
 * The debtor declined electronic delivery: the notice goes by mail. Fixes the validation period
 * (if not already fixed) by the same rule, as of `now`, and writes an audit event that the mailing
 * process picks up.
 */
export async function requestMailedNotice(
  db: Db,
  where: MailRequest,
): Promise<{ validationPeriodEndsAt: Date; firstDelivery: boolean }> {
  return db.$transaction((tx) => recordMailedNoticeRequest(tx, where));
}

/** requestMailedNotice inside a caller's transaction. */
export async function recordMailedNoticeRequest(
  tx: Tx,
  where: MailRequest,
): Promise<{ validationPeriodEndsAt: Date; firstDelivery: boolean }> {
  const { endsAt, started } = await fixValidationPeriod(tx, where.accountId, where.now);
  await appendAudit(tx, {
    type: 'validation.notice.mail_requested',
    actor: where.actor ?? 'debtor',
    accountId: where.accountId,
    conversationId: where.conversationId,
    detail: { channel: where.channel, firstDelivery: started, validationPeriodEndsAt: endsAt.toISOString() },
  });
  return { validationPeriodEndsAt: endsAt, firstDelivery: started };
}

class AlreadyOnTheWay extends Error {}

/**
 * Reg F 1006.34(a): once the debtor has been told about the debt, the validation notice is due within
 * five days. When it has been neither delivered nor asked for by mail (the account has no validation
 * period yet) — the E-SIGN question was cut short, or the debtor left — this requests it by mail,
 * with actor 'system'. Says nothing to the debtor. Idempotent; returns true when it made the request.
 */
export async function ensureValidationNoticeOnTheWay(db: Db, where: Where & { now: Date }): Promise<boolean> {
  try {
    return await inTransaction(db, async (tx) => {
      const account = await tx.account.findUnique({ where: { id: where.accountId }, select: { validationPeriodEndsAt: true } });
      if (!account) throw new UnknownAccountError(where.accountId);
      if (account.validationPeriodEndsAt) return false;
      const { firstDelivery } = await recordMailedNoticeRequest(tx, { ...where, actor: 'system' });
      // The conditional update in fixValidationPeriod is the real guard: if another process
      // delivered or requested the notice since the read above, undo our request.
      if (!firstDelivery) throw new AlreadyOnTheWay();
      return true;
    });
  } catch (error) {
    if (error instanceof AlreadyOnTheWay) return false;
    throw error;
  }
}

// Looked up in place of a malformed token, so malformed and unknown tokens cost the same query.
const NO_SUCH_DIGEST = hashNoticeToken('not-a-token');

/**
 * The notice behind a token, with its account and creditor, or null for an unknown or malformed
 * token. Records `firstViewedAt` on the first view.
 */
export async function findNoticeByToken(db: Db, token: string, now: Date = new Date()): Promise<NoticeWithAccount | null> {
  const wellFormed = typeof token === 'string' && isWellFormedNoticeToken(token);
  const digest = wellFormed ? hashNoticeToken(token) : NO_SUCH_DIGEST;
  const notice = await db.notice.findUnique({ where: { token: digest }, include: { account: { include: { creditor: true } } } });
  if (!notice || !wellFormed) return null;
  if (notice.firstViewedAt === null) {
    await db.notice.updateMany({ where: { id: notice.id, firstViewedAt: null }, data: { firstViewedAt: now } });
    const viewed = await db.notice.findUnique({ where: { id: notice.id }, select: { firstViewedAt: true } });
    return { ...notice, firstViewedAt: viewed?.firstViewedAt ?? now };
  }
  return notice;
}
