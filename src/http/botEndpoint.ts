/**
 * Who may use POST /api/messages (the Bot Framework endpoint), and which conversations it reaches.
 *
 * - Production without MICROSOFT_APP_ID: the endpoint is off (not registered). Without an app id
 *   nobody's token can be checked, and an open endpoint would let anyone speak as any debtor.
 * - Development and tests without an app id: open, for the Emulator, curl and the bench; replies
 *   may only go to a loopback service URL (no request to an address the caller picked elsewhere).
 * - With an app id: every request carries a Bot Framework token (the CloudAdapter checks it); the
 *   service URL must be the one in the token (channel tokens), or loopback for tokens that carry none
 *   (the Emulator's).
 *
 * In every mode the conversations of our own channels are out of reach: an SMS thread ("sms:+1…")
 * and a Direct Line conversation of our endpoint are answered 403 whatever channelId is claimed, and
 * without authentication our own channel ids ("sms", "directline") are refused too.
 */
import type { Middleware, TurnContext } from 'botbuilder';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { CONVERSATION_ID } from '../channels/web/tokens.ts';

export type BotEndpointMode = 'off' | 'open' | 'authenticated';

export function botEndpointMode(config: Pick<Config, 'NODE_ENV' | 'MICROSOFT_APP_ID'>): BotEndpointMode {
  if (config.MICROSOFT_APP_ID) return 'authenticated';
  return config.NODE_ENV === 'production' ? 'off' : 'open';
}

/** Channel ids our in-process adapter gives SMS and website-chat turns. */
const OWN_CHANNEL_IDS = new Set(['sms', 'directline']);
/** The prefix of SMS conversation ids (src/channels/sms/recipients.ts smsConversationId). */
const SMS_CONVERSATION_PREFIX = 'sms:';

export interface EndpointActivity {
  channelId?: unknown;
  serviceUrl?: unknown;
  conversation?: { id?: unknown } | null;
}

/** Why /api/messages must not run this activity (a sentence for the 403 body), or null. */
export async function ownChannelRefusal(db: Db, activity: EndpointActivity, mode: BotEndpointMode): Promise<string | null> {
  const conversationId = typeof activity.conversation?.id === 'string' ? activity.conversation.id : '';
  const channelId = typeof activity.channelId === 'string' ? activity.channelId.trim().toLowerCase() : '';
  if (conversationId.trim().toLowerCase().startsWith(SMS_CONVERSATION_PREFIX)) {
    return 'This conversation id is reserved for the SMS channel.';
  }
  if (mode !== 'authenticated' && OWN_CHANNEL_IDS.has(channelId)) {
    return `channelId "${channelId}" belongs to this server's own channels; use another channelId (e.g. "emulator" or "test").`;
  }
  // Only an id of the website chat's shape can be one of its conversations: no lookup for the others.
  if (CONVERSATION_ID.test(conversationId) && (await db.directLineConversation.findUnique({ where: { id: conversationId }, select: { id: true } }))) {
    return 'This conversation belongs to the website chat; continue it there.';
  }
  return null;
}

/** http(s) URL whose host is a literal loopback address or "localhost". */
export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** The `serviceurl` claim Bot Framework channel tokens carry. */
const SERVICE_URL_CLAIM = 'serviceurl';

interface ClaimsIdentityLike {
  claims?: Array<{ type: string; value: string }>;
}

/**
 * Authenticated mode: the CloudAdapter has checked the token; this makes sure replies only go where
 * the token says (botbuilder checks the claim for channel tokens, not for the Emulator's, which carry
 * none). Runs first in the CloudAdapter's middleware. A mismatch ends the turn unheard and without a
 * reply (an error would send the "technical problem" message to that very address).
 */
export class ServiceUrlGuard implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const identity = context.turnState.get(context.adapter.BotIdentityKey) as ClaimsIdentityLike | undefined;
    const claimed = identity?.claims?.find((claim) => claim.type === SERVICE_URL_CLAIM)?.value;
    const serviceUrl = context.activity.serviceUrl;
    if (claimed ? serviceUrl === claimed : isLoopbackUrl(serviceUrl)) return next();
    this.logger.warn({ channelId: context.activity.channelId, tokenHasServiceUrl: Boolean(claimed) }, '/api/messages activity ignored: its serviceUrl is not the one its token allows');
  }
}
