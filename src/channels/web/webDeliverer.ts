/**
 * Delivers outbox messages (officer messages, receipts, …) to a website chat: the message is
 * appended to the Direct Line conversation as a bot message and pushed to its open streams;
 * a page that is closed sees it when it reconnects. Idempotent by outbox message id, so a retry
 * after a crash never shows the message twice.
 *
 * Rendered like the bot's own replies (src/replies/render.ts): a receipt is a card, lists are
 * lists, links are buttons. An officer's own words come from the officer — first name and the
 * team, with their own avatar (issue #16 item 2) — while notices about the handoff ("you are back
 * with our virtual assistant") come from the assistant.
 */
import type { Activity } from 'botbuilder';
import type { Db } from '../../db/database.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import type { OutboxDeliverer } from '../../outbox/outbox.ts';
import { renderReply, reply } from '../../replies/render.ts';
import { appendActivities, directLineConversationExists, DIRECT_LINE_BOT } from './activityStore.ts';
import { announceActivities } from './streamHub.ts';

/** What the chat shows for an officer: "Maria · Summit Recovery team" and the initial "M". */
export interface OfficerIdentity {
  firstName: string;
  initials: string;
  label: string;
}

/** "Summit Recovery Services" -> "Summit Recovery team". */
export function teamName(collectorName: string): string {
  const base = collectorName.replace(/[\s,]+(services|service|inc\.?|llc|agency|group|co\.?)$/i, '').trim();
  return `${base || collectorName} team`;
}

export function officerIdentity(officerName: string, collectorName: string): OfficerIdentity {
  const firstName = officerName.trim().split(/\s+/)[0] ?? officerName;
  return { firstName, initials: firstName.charAt(0).toUpperCase(), label: `${firstName} · ${teamName(collectorName)}` };
}

/** The officer whose words these are: the transcript row written with the outbox row (sendToDebtor). */
async function officerOf(db: Db, message: OutboxMessage): Promise<{ id: string; name: string } | null> {
  if (message.kind !== 'officer' || !message.conversationId) return null;
  const row = await db.message.findFirst({
    where: { conversationId: message.conversationId, author: 'officer', text: message.body, officerId: { not: null } },
    orderBy: { createdAt: 'desc' },
    select: { officerId: true },
  });
  if (!row?.officerId) return null;
  return db.officer.findUnique({ where: { id: row.officerId }, select: { id: true, name: true } });
}

export function webDeliverer(db: Db, options: { collectorName?: string } = {}): OutboxDeliverer {
  const collectorName = options.collectorName ?? '';
  return {
    channel: 'web',
    async deliver(message: OutboxMessage): Promise<{ providerRef?: string }> {
      if (message.channel !== 'web') throw new Error(`webDeliverer cannot deliver a ${message.channel} message`);
      const conversationId = message.to;
      // Thrown errors are retried by the worker: a missing conversation is reported plainly.
      if (!(await directLineConversationExists(db, conversationId))) {
        throw new Error('No website chat conversation with that id');
      }
      const conversation = message.conversationId
        ? await db.conversation.findUnique({ where: { id: message.conversationId }, select: { language: true } })
        : null;
      const officer = await officerOf(db, message);
      const identity = officer ? officerIdentity(officer.name, collectorName) : null;
      const rendered = renderReply(reply(message.body, message.kind === 'receipt' ? { card: 'receipt' } : {}), 'web', conversation?.language ?? 'en');
      const [stored] = await appendActivities(
        db,
        conversationId,
        [
          {
            ...rendered,
            type: 'message',
            channelId: 'directline',
            conversation: { id: conversationId } as Activity['conversation'],
            from: identity ? { id: `officer:${officer!.id}`, name: identity.label, role: 'bot' } : { ...DIRECT_LINE_BOT },
            channelData: { outboxKind: message.kind, ...(identity ? { officer: identity } : {}) },
          },
        ],
        { rowId: `outbox:${message.id}` },
      );
      await announceActivities(db, conversationId);
      return { providerRef: stored!.activity.id };
    },
  };
}
