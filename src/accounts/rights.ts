import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit.ts';

/**
 * Records of the debtor exercising a right or reporting a situation. Each one changes the account
 * so collection stops where the law says it must, and writes an audit event.
 */

interface Where {
  accountId: string;
  conversationId?: string | null;
  channel: string;
  /** Who recorded it: the debtor in a chat (default), or "officer:<id>" from the console. */
  actor?: string;
}

/** A dispute or an original-creditor request (Reg F 1006.38): collection pauses until an officer verifies. */
export async function recordDispute(db: Db, where: Where & { kind: 'dispute' | 'original_creditor'; words: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.dispute.create({ data: { accountId: where.accountId, kind: where.kind, words: where.words, channel: where.channel } });
    await tx.account.update({ where: { id: where.accountId }, data: { disputed: true } });
    await appendAudit(tx, {
      type: where.kind === 'dispute' ? 'dispute.recorded' : 'original_creditor.requested',
      actor: 'debtor',
      accountId: where.accountId,
      conversationId: where.conversationId,
      detail: { channel: where.channel },
    });
  });
}

/** "Stop contacting me" (1006.6(c)). */
export async function recordCease(db: Db, where: Where): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: where.accountId }, data: { ceaseCommunication: true } });
    await appendAudit(tx, { type: 'cease.recorded', actor: 'debtor', accountId: where.accountId, conversationId: where.conversationId, detail: { channel: where.channel } });
  });
}

/** Represented by an attorney (1006.6(b)(2)): contact goes through the attorney from now on. */
export async function recordAttorney(db: Db, where: Where & { name: string; contact: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.account.update({
      where: { id: where.accountId },
      data: { attorneyRepresented: true, attorneyName: where.name, attorneyContact: where.contact },
    });
    await appendAudit(tx, { type: 'attorney.recorded', actor: where.actor ?? 'debtor', accountId: where.accountId, conversationId: where.conversationId, detail: { channel: where.channel } });
  });
}

export const REPORTED_STATUSES = ['bankruptcy', 'deceased', 'military', 'identity_theft'] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

export function isReportedStatus(value: string): value is ReportedStatus {
  return (REPORTED_STATUSES as readonly string[]).includes(value);
}

const STATUS_FLAG = {
  bankruptcy: 'bankruptcy',
  deceased: 'deceased',
  military: 'activeMilitary',
  identity_theft: 'identityTheft',
} as const satisfies Record<ReportedStatus, string>;

/** Bankruptcy, death, active duty or identity theft: the flag stops collection until an officer decides. */
export async function recordReportedStatus(db: Db, where: Where & { status: ReportedStatus }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: where.accountId }, data: { [STATUS_FLAG[where.status]]: true } });
    await appendAudit(tx, { type: 'status.reported', actor: where.actor ?? 'debtor', accountId: where.accountId, conversationId: where.conversationId, detail: { status: where.status, channel: where.channel } });
  });
}

/** Hardship the debtor reported: an account flag, so every later conversation (and the officer) knows it. */
export async function recordHardship(db: Db, where: Where): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: where.accountId }, data: { hardship: true } });
    await appendAudit(tx, { type: 'hardship.reported', actor: 'debtor', accountId: where.accountId, conversationId: where.conversationId, detail: { channel: where.channel } });
  });
}

export type PauseReason = 'dispute' | 'cease' | 'attorney' | ReportedStatus;

/** Why the bot must not ask this account for payment, or null when it may. */
export function collectionPauseReason(account: {
  disputed: boolean;
  ceaseCommunication: boolean;
  attorneyRepresented: boolean;
  bankruptcy: boolean;
  deceased: boolean;
  activeMilitary: boolean;
  identityTheft: boolean;
}): PauseReason | null {
  if (account.disputed) return 'dispute';
  if (account.ceaseCommunication) return 'cease';
  if (account.attorneyRepresented) return 'attorney';
  if (account.bankruptcy) return 'bankruptcy';
  if (account.deceased) return 'deceased';
  if (account.activeMilitary) return 'military';
  if (account.identityTheft) return 'identity_theft';
  return null;
}
