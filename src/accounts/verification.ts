import type { Db, Tx } from '../db/database.ts';
import type { Account } from '../db/generated/client.ts';
import { appendAudit } from '../audit.ts';
import { factorMatches } from '../identity/factors.ts';
import { nameKeyForms } from '../domain/names.ts';
import { afterFailedVerification, afterSuccessfulVerification, isVerificationLocked } from '../domain/verificationLock.ts';

/**
 * What the debtor told us. One of `accountNumber`, `fullName`, `phone` identifies them — or
 * `accountId`, the account an outreach email's chat link opened the conversation on (an account
 * number typed in the chat wins over it).
 */
export interface VerificationClaim {
  accountNumber?: string;
  accountId?: string;
  fullName?: string;
  /** E.164; by SMS the number the message came from. */
  phone?: string;
  /** ISO YYYY-MM-DD. */
  dob: string;
  zip?: string;
  ssnLast4?: string;
}

export type VerificationResult =
  /**
   * `accounts`: every account the claim matches — the same person on several placements (same
   * name or phone, date of birth and ZIP); `account` is the first of them.
   */
  | { ok: true; account: Account; accounts: Account[] }
  /**
   * Never says which factor failed, whether the identifier matched an account, nor whether an
   * account just locked: the answer the debtor gets may depend only on their own conversation
   * (issue 10 item 7). A lock shows only in that the right details fail until it ends.
   */
  | { ok: false };


/**
 * The forms an account number may be stored in: as given (upper case), and with or without the dash
 * between a letter prefix and its digits (the recognizer writes "a1044" and "A 1044" as "A-1044"), and
 * without the spaces of digits typed in groups ("5520 1198 3377").
 */
export function accountNumberForms(given: string): string[] {
  const typed = given.trim().toUpperCase();
  return [...new Set([typed, typed.replace(/^([A-Z]{1,4})-(?=\d)/, '$1'), typed.replace(/^([A-Z]{1,4})(?=\d)/, '$1-'), typed.replace(/ /g, '')])];
}

async function candidates(db: Db, claim: VerificationClaim): Promise<Account[]> {
  if (claim.accountNumber) {
    const account = await db.account.findFirst({ where: { accountNumber: { in: accountNumberForms(claim.accountNumber) } } });
    return account ? [account] : [];
  }
  if (claim.accountId) {
    const account = await db.account.findUnique({ where: { id: claim.accountId } });
    return account ? [account] : [];
  }
  if (claim.phone) return db.account.findMany({ where: { phone: claim.phone } });
  if (claim.fullName) {
    const keys = nameKeyForms(claim.fullName);
    return keys.length > 0 ? db.account.findMany({ where: { nameKey: { in: keys } } }) : [];
  }
  return [];
}

function factorsMatch(account: Account, claim: VerificationClaim, hashKey: string): boolean {
  const dobOk = factorMatches(hashKey, account.factorSalt, 'dob', claim.dob, account.dobHash);
  const zipOk = claim.zip !== undefined && claim.zip.slice(0, 5) === account.zip.slice(0, 5);
  const ssnOk = claim.ssnLast4 !== undefined && factorMatches(hashKey, account.factorSalt, 'ssnLast4', claim.ssnLast4, account.ssnLast4Hash);
  return dobOk && (zipOk || ssnOk);
}

/**
 * Checks a claim. Every account the identifier points to that is not locked is compared; every one
 * whose factors match is verified (one person may have several placements). A failure
 * counts against each of them, and the third failure in a row locks the account for 30 minutes
 * (across conversations and channels). A locked account answers like a wrong factor.
 *
 * Every failure writes one transaction with an audit event — for an identifier that matches no
 * account (accountId null) and for a locked account too — so an unknown account number costs the
 * same work as a known one and its answer comes back in comparable time.
 */
export async function verifyClaim(
  db: Db,
  claim: VerificationClaim,
  {
    hashKey,
    now,
    conversationId,
    channel,
    alsoOnSuccess,
  }: {
    hashKey: string;
    now: Date;
    conversationId?: string;
    channel: string;
    /** More writes that belong with a success, in its transaction (one commit on the turn's path). */
    alsoOnSuccess?: (tx: Tx, verified: Account[]) => Promise<void>;
  },
): Promise<VerificationResult> {
  const found = await candidates(db, claim);
  const open = found.filter((a) => !isVerificationLocked(a, now));
  const matches = open.filter((a) => factorsMatch(a, claim, hashKey));

  if (matches.length > 0) {
    await db.$transaction(async (tx) => {
      for (const account of matches) {
        await tx.account.update({ where: { id: account.id }, data: { ...afterSuccessfulVerification(), lastActivityAt: now } });
        await appendAudit(tx, { type: 'verification.succeeded', actor: 'debtor', accountId: account.id, conversationId, detail: { channel, by: claim.accountNumber ? 'account_number' : claim.accountId ? 'chat_link' : claim.phone ? 'phone' : 'name', accounts: matches.length } });
      }
      await alsoOnSuccess?.(tx, matches);
    });
    return { ok: true, account: matches[0]!, accounts: matches };
  }

  await db.$transaction(async (tx) => {
    for (const account of open) {
      const next = afterFailedVerification(account, now);
      await tx.account.update({ where: { id: account.id }, data: { failedVerifications: next.failedVerifications, verificationLockedUntil: next.verificationLockedUntil } });
      await appendAudit(tx, { type: next.lockedNow ? 'verification.locked' : 'verification.failed', actor: 'debtor', accountId: account.id, conversationId, detail: { channel } });
    }
    for (const account of found.filter((a) => !open.includes(a))) {
      await appendAudit(tx, { type: 'verification.failed', actor: 'debtor', accountId: account.id, conversationId, detail: { channel, locked: true } });
    }
    if (found.length === 0) await appendAudit(tx, { type: 'verification.failed', actor: 'debtor', accountId: null, conversationId, detail: { channel } });
  });
  return { ok: false };
}
