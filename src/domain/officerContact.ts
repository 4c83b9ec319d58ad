/**
 * What the officer side may send to the debtor of one conversation right now. Pure: no I/O.
 *
 * - SMS to a number that replied STOP: nothing at all (TCPA; DESIGN 5). Not even "an officer has
 *   joined": the only text an opted-out number gets is the one opt-out confirmation, already sent.
 * - A debtor who asked us to stop contacting them (12 CFR 1006.6(c); DESIGN 5) or who is represented
 *   by an attorney (1006.6(b)(2); DESIGN 6): nothing we start. When the debtor writes to us again
 *   after the request (asks for a person, asks a question), an answer to that message is allowed —
 *   a reply, within the reply window of their message — and nothing else.
 * - Otherwise anything (quiet hours and the weekly cap still apply to messages we start, in the outbox).
 *
 * The same rule covers the officer's own words and the notices the console sends on the officer's
 * behalf (joined, handed back, closed, an offer).
 */

export type ContactBlockCode = 'sms_opted_out' | 'cease' | 'attorney';

export interface ContactBlock {
  code: ContactBlockCode;
  /** When it was recorded, when known. */
  since: Date | null;
}

export interface ContactFacts {
  channel: string;
  /** SMS only: the number's last STOP/START was a STOP. */
  smsOptedOut: boolean;
  smsOptedOutAt: Date | null;
  /** The account's cease request, or null. */
  cease: { since: Date | null } | null;
  /** The account's attorney representation, or null. */
  attorney: { since: Date | null } | null;
  /** The debtor's last message in this conversation. */
  lastDebtorMessageAt: Date | null;
  now: Date;
  /** How long after the debtor's message ours still counts as a reply. */
  replyWindowMs: number;
}

export type ContactDecision =
  | { allowed: 'any'; blocks: [] }
  /** Only an answer to the debtor's own message, until `replyUntil`. */
  | { allowed: 'reply'; blocks: ContactBlock[]; replyUntil: Date }
  | { allowed: 'none'; blocks: ContactBlock[] };

export function decideContact(facts: ContactFacts): ContactDecision {
  const blocks: ContactBlock[] = [];
  if (facts.channel === 'sms' && facts.smsOptedOut) blocks.push({ code: 'sms_opted_out', since: facts.smsOptedOutAt });
  if (facts.cease) blocks.push({ code: 'cease', since: facts.cease.since });
  if (facts.attorney) blocks.push({ code: 'attorney', since: facts.attorney.since });
  if (blocks.length === 0) return { allowed: 'any', blocks: [] };
  if (blocks.some((b) => b.code === 'sms_opted_out')) return { allowed: 'none', blocks };

  const wrote = facts.lastDebtorMessageAt;
  // The debtor wrote again after every request (a request of unknown date counts as not yet answered).
  const wroteAfter = wrote !== null && blocks.every((b) => b.since !== null && wrote.getTime() > b.since.getTime());
  const replyUntil = wrote ? new Date(wrote.getTime() + facts.replyWindowMs) : null;
  if (wroteAfter && replyUntil && facts.now.getTime() <= replyUntil.getTime()) return { allowed: 'reply', blocks, replyUntil };
  return { allowed: 'none', blocks };
}
