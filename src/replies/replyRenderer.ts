/**
 * Installs the reply renderer (render.ts) on a turn: every message the dialogs send is rendered
 * for the turn's channel on its way out — after the transcript and the "never twice in a row"
 * tracker have seen the catalogue text, so the record keeps the words, not the buttons.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { channelOf } from '../bot/services.ts';
import type { Session } from '../bot/session.ts';
import { hintsOf, renderReply, resolveNumberedChoice, type RenderChannel } from './render.ts';

export function renderChannelOf(context: TurnContext): RenderChannel {
  const channel = channelOf(context);
  return channel === 'web' || channel === 'sms' ? channel : 'other';
}

/**
 * On SMS, a reply that is only a number picks one of the choices offered last turn: the message
 * is read as that choice's words. The offer lasts one turn.
 */
export function applyNumberedChoice(context: TurnContext, session: Session): void {
  const offered = session.smsChoices;
  delete session.smsChoices;
  if (context.activity.type !== 'message' || renderChannelOf(context) !== 'sms' || typeof context.activity.text !== 'string') return;
  const chosen = resolveNumberedChoice(context.activity.text, offered);
  if (chosen !== null) context.activity.text = chosen;
}

export function installReplyRenderer(context: TurnContext, session: Session): void {
  const channel = renderChannelOf(context);
  context.onSendActivities(async (_ctx, activities: Partial<Activity>[], next) => {
    for (let i = 0; i < activities.length; i++) {
      const activity = activities[i]!;
      const choices = hintsOf(activity).choices;
      if (activity.type === 'message' && channel === 'sms') session.smsChoices = choices?.length ? choices.map((c) => c.value) : undefined;
      activities[i] = renderReply(activity, channel, session.language);
    }
    return next();
  });
}
