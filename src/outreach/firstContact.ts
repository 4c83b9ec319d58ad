/**
 * What happens when a campaign message has left (the outbox worker's after-send step): the first
 * communication we started is recorded on the account, and the validation notice is on its way at
 * once (Reg F 1006.34(a): in the first communication or within five days of it). An email that
 * carried the notice has already recorded it delivered (src/channels/email/emailDeliverer.ts);
 * otherwise — a text, or an email the law does not allow the notice in — a mailed notice is
 * requested now. The notice sweep (src/notices/noticeSweep.ts) checks every first contact again, in
 * case this step never ran (a crash right after the send).
 */
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/database.ts';
import type { OutboxMessage } from '../db/generated/client.ts';
import { ensureValidationNoticeOnTheWay } from '../notices/notices.ts';

export async function recordOutreachSent(db: Db, message: Pick<OutboxMessage, 'id' | 'kind' | 'channel' | 'accountId'>, now: Date): Promise<void> {
  if (message.kind !== 'outreach' || !message.accountId) return;
  const accountId = message.accountId;
  await db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({ where: { id: accountId, firstContactAt: null }, data: { firstContactAt: now } });
    if (count === 1) await appendAudit(tx, { type: 'outreach.first_contact', actor: 'system', accountId, detail: { channel: message.channel, outboxId: message.id } });
  });
  await ensureValidationNoticeOnTheWay(db, { accountId, channel: message.channel, now });
}
