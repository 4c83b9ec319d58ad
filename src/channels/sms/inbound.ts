/**
 * What happens to one inbound text, wherever it came from (the Twilio webhook after its signature
 * check, or the dev page): idempotent by MessageSid, keywords before the bot, otherwise a bot turn
 * whose replies go to the outbox. Nothing here answers inline: every text we send goes through the
 * outbox, where the opt-out is enforced.
 */
import type { Activity } from 'botbuilder';
import { appendAudit } from '../../audit.ts';
import type { InProcessAdapter } from '../../bot/inProcessAdapter.ts';
import { turnKey } from '../../bot/turnCommit.ts';
import { turnStoreFor } from '../../storage/turnStore.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { classifyKeyword, isSpanishKeyword, type SmsKeyword } from '../../domain/smsText.ts';
import { messagesFor, type CollectorInfo } from '../../messages/catalogue.ts';
import { smsMessagesFor, type SmsSender } from '../../messages/sms.ts';
import { enqueueMessage } from '../../outbox/outbox.ts';
import { OPT_OUT_CONFIRMATION_KEY_PREFIX, isE164, isSmsOptedOut, languageForPhone, smsConversationId } from './recipients.ts';

export interface InboundSms {
  /** Twilio's MessageSid (SM…/MM…): the idempotency key. */
  messageSid: string;
  /** The debtor's E.164 phone. */
  from: string;
  /** Our number. */
  to: string;
  body: string;
}

export interface InboundDeps {
  db: Db;
  logger: Logger;
  /** Runs bot turns in this process (same middleware and bot as /api/messages). */
  adapter: InProcessAdapter;
  sender: SmsSender;
  collector: CollectorInfo;
}

export type InboundOutcome = 'duplicate' | 'ignored' | 'turn' | SmsKeyword;

const REPLY_KEY_PREFIX = 'sms:reply:';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/** Marks the MessageSid processed; false when it already was (a replay). */
async function claimMessageSid(db: Db | Tx, messageSid: string): Promise<boolean> {
  try {
    await db.processedEvent.create({ data: { id: `sms:${messageSid}`, source: 'sms' } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

class Replay extends Error {}

export async function processInboundSms(deps: InboundDeps, sms: InboundSms): Promise<InboundOutcome> {
  const { db, logger } = deps;
  if (!sms.messageSid || !isE164(sms.from)) {
    logger.warn({ hasSid: Boolean(sms.messageSid) }, 'inbound sms without a MessageSid or an E.164 sender ignored');
    return 'ignored';
  }
  const keyword = classifyKeyword(sms.body);
  const conversation = await turnStoreFor(db).ensureConversation(smsConversationId(sms.from), 'sms');
  if (keyword) {
    try {
      await db.$transaction((tx) => applyKeyword(tx, deps, sms, keyword, conversation.id));
    } catch (error) {
      if (error instanceof Replay) return 'duplicate';
      throw error;
    }
    logger.info({ conversationId: conversation.id, keyword }, 'sms keyword applied');
    return keyword;
  }

  // The MessageSid is recorded in the turn's own commit, with its state, transcript and reply: a
  // replay (Twilio retrying, a double submit) runs no second turn, and a crash mid-turn leaves it
  // unrecorded, so Twilio's retry is processed (src/bot/turnCommit.ts).
  const language = await languageForPhone(db, sms.from);
  const activity: Partial<Activity> = {
    type: 'message',
    id: sms.messageSid,
    channelId: 'sms',
    serviceUrl: 'sms://in-process',
    conversation: { id: smsConversationId(sms.from), isGroup: false, conversationType: 'personal', name: 'sms' },
    from: { id: sms.from, name: 'debtor', role: 'user' },
    recipient: { id: sms.to || 'bot', name: 'bot', role: 'bot' },
    locale: language === 'es' ? 'es-US' : 'en-US',
    text: sms.body,
  };
  const enqueueReply = async (store: Db | Tx, replies: Partial<Activity>[]) => {
    const texts = replies.filter((r) => (r.type ?? 'message') === 'message' && typeof r.text === 'string' && r.text.trim()).map((r) => r.text!.trim());
    if (texts.length === 0) return;
    const record = await store.conversation.findUnique({ where: { id: conversation.id }, select: { accountId: true } });
    await enqueueMessage(store, {
      channel: 'sms',
      to: sms.from,
      conversationId: conversation.id,
      accountId: record?.accountId ?? null,
      kind: 'reply',
      body: texts.join('\n\n'),
      botInitiated: false,
      dedupeKey: `${REPLY_KEY_PREFIX}${sms.messageSid}`,
    });
  };
  try {
    const turn = await deps.adapter.runChannelTurn(activity, { key: turnKey('sms', sms.messageSid), onCommit: (tx, _context, replies) => enqueueReply(tx, replies) });
    if (turn.duplicate) return 'duplicate';
    // The turn failed at its commit: its error answer still goes out.
    if (!turn.committed) await enqueueReply(db, turn.replies);
  } catch (error) {
    logger.error({ err: error, conversationId: conversation.id }, 'sms turn failed');
    await enqueueReply(db, [{ type: 'message', text: messagesFor(language).technicalProblem(deps.collector) }]);
  }
  return 'turn';
}

/** STOP / START / HELP, in one transaction with the MessageSid claim, the audit event and the reply. */
async function applyKeyword(tx: Tx, deps: InboundDeps, sms: InboundSms, keyword: SmsKeyword, conversationId: string): Promise<void> {
  if (!(await claimMessageSid(tx, sms.messageSid))) throw new Replay();
  const accounts = await tx.account.findMany({ where: { phone: sms.from }, select: { id: true } });
  const text = smsMessagesFor(isSpanishKeyword(sms.body) ? 'es' : await languageForPhone(tx, sms.from));
  const wasOptedOut = await isSmsOptedOut(tx, sms.from);
  const singleAccountId = accounts.length === 1 ? accounts[0]!.id : null;
  const audit = async (type: 'sms.opt_out' | 'sms.opt_in') => {
    const detail = { channel: 'sms', keyword: sms.body.trim().toUpperCase().slice(0, 20) };
    if (accounts.length === 0) await appendAudit(tx, { type, actor: 'debtor', conversationId, detail });
    for (const account of accounts) await appendAudit(tx, { type, actor: 'debtor', accountId: account.id, conversationId, detail });
  };
  let reply: string | null = null;
  let dedupeKey = `${REPLY_KEY_PREFIX}${sms.messageSid}`;

  if (keyword === 'opt_out') {
    await tx.account.updateMany({ where: { phone: sms.from }, data: { smsOptOut: true } });
    await audit('sms.opt_out');
    // Nothing queued earlier goes out any more (the worker enforces it too).
    await tx.outboxMessage.updateMany({
      where: { channel: 'sms', to: sms.from, status: { in: ['pending', 'held'] }, NOT: { kind: 'receipt', botInitiated: false } },
      data: { status: 'cancelled', lastError: 'recipient opted out of SMS', deliveryStatus: 'cancelled' },
    });
    // One confirmation, only when this STOP changed something.
    if (!wasOptedOut) {
      reply = text.optOutConfirmed(deps.sender);
      dedupeKey = `${OPT_OUT_CONFIRMATION_KEY_PREFIX}${sms.messageSid}`;
    }
  } else if (keyword === 'opt_in') {
    await tx.account.updateMany({ where: { phone: sms.from }, data: { smsOptOut: false } });
    await audit('sms.opt_in');
    reply = text.optInConfirmed(deps.sender);
  } else if (!wasOptedOut) {
    reply = text.help(deps.sender);
  }

  const now = new Date();
  await tx.message.createMany({
    data: [
      { conversationId, direction: 'in', author: 'debtor', text: sms.body.trim(), createdAt: now },
      ...(reply ? [{ conversationId, direction: 'out', author: 'bot', text: reply, createdAt: now }] : []),
    ],
  });
  if (reply) {
    await enqueueMessage(tx, { channel: 'sms', to: sms.from, conversationId, accountId: singleAccountId, kind: 'reply', body: reply, botInitiated: false, dedupeKey });
  }
}
