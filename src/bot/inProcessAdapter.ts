import { randomUUID } from 'node:crypto';
import {
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type Middleware,
  type ResourceResponse,
} from 'botbuilder';

const REPLIES = Symbol('replies');

/**
 * Runs turns for our own channels (the Direct Line endpoint, the SMS webhook) inside this process:
 * the same middleware and bot as /api/messages, with the replies handed back to the caller instead
 * of posted to a Bot Framework service URL.
 */
export class InProcessAdapter extends BotAdapter {
  constructor(
    middleware: Middleware[],
    private readonly logic: (context: TurnContext) => Promise<void>,
  ) {
    super();
    middleware.forEach((m) => this.use(m));
  }

  /** Runs one turn for `activity` and returns the activities the bot sent in it. */
  async runTurn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const context = new TurnContext(this, { id: randomUUID(), timestamp: new Date(), ...activity } as Activity);
    const replies: Partial<Activity>[] = [];
    context.turnState.set(REPLIES, replies);
    await this.runMiddleware(context, this.logic);
    return replies;
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = context.turnState.get(REPLIES) as Partial<Activity>[] | undefined;
    if (!replies) throw new Error('sendActivities outside a turn of this adapter');
    return activities.map((activity) => {
      const id = randomUUID();
      if (activity.type !== 'delay') replies.push({ ...activity, id, timestamp: new Date() });
      return { id };
    });
  }

  override async updateActivity(): Promise<void> {
    throw new Error('updating a sent activity is not supported on our own channels');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('deleting a sent activity is not supported on our own channels');
  }

  override async continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    throw new Error('proactive messages go through the outbox (src/outbox), not continueConversation');
  }
}
