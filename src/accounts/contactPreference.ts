import { appendAudit } from '../audit.ts';
import type { Db } from '../db/database.ts';
import type { ContactPreference } from '../nlu/recognizer.ts';

/**
 * A time, place or channel the debtor said is inconvenient (Reg F 1006.6(b)(1)): stored on the
 * account as structured data (the latest statement wins) with an audit event. When nothing specific
 * could be read, only the audit event is written: the words are in the transcript for an officer.
 * Honouring it in outreach (the outbox) reads Account.contactPreferenceJson.
 */
export async function recordContactPreference(
  db: Db,
  where: { accountId: string; conversationId?: string | null; channel: string; now: Date },
  preference: ContactPreference | undefined,
): Promise<void> {
  await db.$transaction(async (tx) => {
    if (preference) {
      await tx.account.update({ where: { id: where.accountId }, data: { contactPreferenceJson: JSON.stringify(preference), contactPreferenceAt: where.now } });
    }
    await appendAudit(tx, {
      type: 'contact_preference.recorded',
      actor: 'debtor',
      accountId: where.accountId,
      conversationId: where.conversationId,
      detail: { channel: where.channel, understood: preference !== undefined, preference: preference ?? null },
    });
  });
}

/** The preference in force on an account, or null. */
export function contactPreferenceOf(account: { contactPreferenceJson: string | null }): ContactPreference | null {
  return account.contactPreferenceJson ? (JSON.parse(account.contactPreferenceJson) as ContactPreference) : null;
}
