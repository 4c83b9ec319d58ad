import type { Db, Tx } from '../db/database.ts';
import { readContactPreference, type ContactPreference } from '../domain/contactPreference.ts';

/**
 * Every stated contact preference in force on an account (DESIGN 18): what the consumer told the
 * creditor (the placement's inconvenient_times) and what the debtor told us in a chat (the nlu
 * branch's Account.contactPreferenceJson). The outbox honours all of them together.
 */
export async function preferencesInForce(db: Db | Tx, accountId: string | null): Promise<ContactPreference[]> {
  if (!accountId) return [];
  const account = await db.account.findUnique({ where: { id: accountId }, select: { contactPreferenceJson: true, placedContactPreferenceJson: true } });
  if (!account) return [];
  return [account.placedContactPreferenceJson, account.contactPreferenceJson].map(readContactPreference).filter((p): p is ContactPreference => p !== null);
}
