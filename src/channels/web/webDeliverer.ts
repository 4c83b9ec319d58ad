/**
 * Delivers outbox messages (officer messages, receipts, …) to a website chat: the message is
 * appended to the Direct Line conversation as a bot message and pushed to its open streams;
 * a page that is closed sees it when it reconnects. Idempotent by outbox message id, so a retry
 * after a crash never shows the message twice.
 */
import type { Activity } from 'botbuilder';
import type { Db } from '../../db/database.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import type { OutboxDeliverer } from '../../outbox/outbox.ts';
import { appendActivities, directLineConversationExists, DIRECT_LINE_BOT } from './activityStore.ts';
import { streamHubFor } from './streamHub.ts';

export function webDeliverer(db: Db): OutboxDeliverer {
  return {
    channel: 'web',
    async deliver(message: OutboxMessage): Promise<{ providerRef?: string }> {
      if (message.channel !== 'web') throw new Error(`webDeliverer cannot deliver a ${message.channel} message`);
      const conversationId = message.to;
      // Thrown errors are retried by the worker: a missing conversation is reported plainly.
      if (!(await directLineConversationExists(db, conversationId))) {
        throw new Error('No website chat conversation with that id');
      }
      const [stored] = await appendActivities(
        db,
        conversationId,
        [
          {
            type: 'message',
            text: message.body,
            channelId: 'directline',
            conversation: { id: conversationId } as Activity['conversation'],
            from: { ...DIRECT_LINE_BOT },
            channelData: { outboxKind: message.kind },
          },
        ],
        { rowId: `outbox:${message.id}` },
      );
      streamHubFor(db).notify(conversationId);
      return { providerRef: stored!.activity.id };
    },
  };
}
