import { randomUUID } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import { loggableConversationId, type Logger } from '../logger.ts';
import { CONVERSATION_RECORD } from './services.ts';

/** One log line per turn with a turn id — never the message text, never a phone number. */
export class TurnLoggingMiddleware implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const started = performance.now();
    const log = this.logger.child({
      turnId: randomUUID(),
      conversationId: loggableConversationId(context.activity.conversation?.id),
      channelId: context.activity.channelId,
    });
    context.turnState.set('logger', log);
    let replies = 0;
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      replies += activities.length;
      return sendNext();
    });
    try {
      await next();
      log.info({ conversation: context.turnState.get(CONVERSATION_RECORD), activityType: context.activity.type, replies, ms: Math.round(performance.now() - started) }, 'turn');
    } catch (error) {
      log.error({ err: error, conversation: context.turnState.get(CONVERSATION_RECORD), activityType: context.activity.type }, 'turn failed');
      throw error;
    }
  }
}
