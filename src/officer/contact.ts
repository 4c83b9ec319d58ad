/**
 * The safety rail of the console: reads the facts src/domain/officerContact.ts decides on, and
 * says why in words an officer can act on. Every message of the officer side — the officer's own,
 * and the joined / handed-back / closed notices and offers sent on the officer's behalf — asks here
 * first (see sendToDebtor's callers).
 */
import type { Db, Tx } from '../db/database.ts';
import { isSmsOptedOut, phoneOfSmsConversation } from '../channels/sms/recipients.ts';
import { decideContact, type ContactBlock, type ContactDecision } from '../domain/officerContact.ts';
import { REPLY_WINDOW_MS } from './debtorMessages.ts';

export interface ContactView {
  /** 'any': write freely; 'reply': only an answer to the debtor's own message; 'none': nothing. */
  allowed: ContactDecision['allowed'];
  /** Why, one entry per reason: a code, a sentence, and when it was recorded. */
  reasons: Array<{ code: ContactBlock['code']; message: string; since: string | null }>;
  /** 'reply': until when an answer is still a reply. */
  replyUntil: string | null;
}

interface ConversationFacts {
  id: string;
  channel: string;
  externalId: string;
  accountId: string | null;
}

const ACCOUNT_FLAGS = { id: true, ceaseCommunication: true, attorneyRepresented: true, attorneyName: true, attorneyContact: true } as const;

/** What may be sent to this conversation's debtor now, and why not. */
export async function contactPermission(db: Db | Tx, conversation: ConversationFacts, now: Date): Promise<ContactView> {
  const phone = conversation.channel === 'sms' ? phoneOfSmsConversation(conversation.externalId) : null;
  // An SMS thread not (yet) linked to an account speaks for every account with that phone.
  const accounts = conversation.accountId
    ? await db.account.findMany({ where: { id: conversation.accountId }, select: ACCOUNT_FLAGS })
    : phone
      ? await db.account.findMany({ where: { phone }, select: ACCOUNT_FLAGS })
      : [];
  const ids = accounts.map((a) => a.id);
  const latest = async (types: string[], where: Record<string, unknown>) =>
    (await db.auditEvent.findFirst({ where: { type: { in: types }, ...where }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { createdAt: true } }))?.createdAt ?? null;
  // A request made in this conversation before the debtor was verified is on no account: it queued
  // the conversation for an officer with that reason, which the audit trail keeps.
  const askedHere = (reason: 'cease' | 'attorney') => latest(['handoff.queued'], { conversationId: conversation.id, detailJson: { contains: `"reason":"${reason}"` } });
  const [ceasedHere, representedHere] = await Promise.all([askedHere('cease'), askedHere('attorney')]);
  const ceased = accounts.some((a) => a.ceaseCommunication);
  const represented = accounts.filter((a) => a.attorneyRepresented);
  const smsOptedOut = phone ? await isSmsOptedOut(db, phone) : false;
  const lastIn = await db.message.findFirst({ where: { conversationId: conversation.id, direction: 'in' }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });

  const decision = decideContact({
    channel: conversation.channel,
    smsOptedOut,
    smsOptedOutAt: smsOptedOut ? await latest(['sms.opt_out'], { OR: [{ conversationId: conversation.id }, { accountId: { in: ids } }] }) : null,
    cease: ceased || ceasedHere ? { since: later(ceased ? await latest(['cease.recorded'], { accountId: { in: ids } }) : null, ceasedHere) } : null,
    attorney: represented.length > 0 || representedHere ? { since: later(represented.length > 0 ? await latest(['attorney.recorded'], { accountId: { in: ids } }) : null, representedHere) } : null,
    lastDebtorMessageAt: lastIn?.createdAt ?? null,
    now,
    replyWindowMs: REPLY_WINDOW_MS,
  });
  const attorney = represented[0];
  return {
    allowed: decision.allowed,
    reasons: decision.blocks.map((b) => ({ code: b.code, message: blockSentence(b, decision.allowed, attorney), since: b.since?.toISOString() ?? null })),
    replyUntil: decision.allowed === 'reply' ? decision.replyUntil.toISOString() : null,
  };
}

/** The later of two moments (either may be unknown). */
function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function blockSentence(block: ContactBlock, allowed: ContactDecision['allowed'], attorney?: { attorneyName: string | null; attorneyContact: string | null }): string {
  const then =
    allowed === 'reply'
      ? ' They have written to us since: you may answer what they asked, and nothing more.'
      : ' Nothing may be sent — not even a note that you joined or left — unless they write to us again.';
  switch (block.code) {
    case 'sms_opted_out':
      return 'This phone number replied STOP: no text message of ours may go to it, not even a note that you joined or left. Reach the debtor by mail, or wait until they text START.';
    case 'cease':
      return `The debtor asked us to stop contacting them (12 CFR 1006.6(c)).${then}`;
    case 'attorney': {
      const who = attorney?.attorneyName ? ` (${attorney.attorneyName}${attorney.attorneyContact ? `, ${attorney.attorneyContact}` : ''})` : '';
      return `The debtor is represented by an attorney${who}: contact the attorney (12 CFR 1006.6(b)(2)).${then}`;
    }
  }
}

/** The refusal sentence for a message that may not go: the reasons, in one line. */
export function contactRefusal(view: ContactView): string {
  return `This message cannot be sent. ${view.reasons.map((r) => r.message).join(' ')}`;
}
