import { randomUUID } from 'node:crypto';
import {
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type Middleware,
  type ResourceResponse,
} from 'botbuilder';
import type { Tx } from '../db/database.ts';
import { TURN_COMMITTED, TURN_DUPLICATE, TURN_KEY, TURN_ON_COMMIT, type OnCommit } from './turnCommit.ts';

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

  /** Runs one turn for `activity` (no idempotency key) and returns the activities the bot sent in it. */
  async runTurn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    return (await this.runChannelTurn(activity, {})).replies;
  }

  /**
   * Runs one turn of our own channels. `key` makes it idempotent (a replay of the same inbound
   * activity does not run: `duplicate`); `onCommit` makes the channel's own writes (stored
   * activities, the SMS reply) in the turn's commit transaction, with the replies. `committed` is
   * false when the turn failed before or at its commit (the replies then hold the error answer).
   */
  async runChannelTurn(
    activity: Partial<Activity>,
    options: { key?: string; onCommit?: (tx: Tx, context: TurnContext, replies: Partial<Activity>[]) => Promise<void> },
  ): Promise<{ replies: Partial<Activity>[]; duplicate: boolean; committed: boolean }> {
    const context = new TurnContext(this, { id: randomUUID(), timestamp: new Date(), ...activity } as Activity);
    const replies: Partial<Activity>[] = [];
    context.turnState.set(REPLIES, replies);
    context.turnState.set(TURN_KEY, options.key ?? null);
    const onCommit = options.onCommit;
    if (onCommit) context.turnState.set(TURN_ON_COMMIT, ((tx, ctx) => onCommit(tx, ctx, replies)) satisfies OnCommit);
    await this.runMiddleware(context, this.logic);
    return { replies, duplicate: context.turnState.get(TURN_DUPLICATE) === true, committed: context.turnState.get(TURN_COMMITTED) === true };
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
