/**
 * A Direct Line 3.0-compatible endpoint under /v3/directline, backed by our database, so the
 * official Web Chat UI talks to this server with no Azure in between.
 *
 *   POST /v3/directline/tokens/generate              a token (and id) for a new conversation
 *   POST /v3/directline/tokens/refresh               a fresh token for the same conversation
 *   POST /v3/directline/conversations                start (or resume) the token's conversation
 *   GET  /v3/directline/conversations/:id            reconnect: a fresh token and stream URL
 *   POST /v3/directline/conversations/:id/activities the debtor's message: runs a bot turn
 *   GET  /v3/directline/conversations/:id/activities polling: activities after ?watermark=
 *   WS   /v3/directline/conversations/:id/stream     {activities, watermark} frames, live
 *
 * Tokens are signed, expire, and are bound to one conversation: a token for conversation A never
 * reads, posts to or streams conversation B (403). Each stored activity has the next sequence
 * number of its conversation, which is the watermark. The debtor's message is stored as Web Chat
 * shows it after the turn: card numbers removed, identity factors masked in verification turns.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity } from 'botbuilder';
import type restify from 'restify';
import { WebSocketServer } from 'ws';
import type { InProcessAdapter } from '../../bot/inProcessAdapter.ts';
import { REWRITTEN_DEBTOR_MESSAGES } from '../../bot/services.ts';
import { turnKey } from '../../bot/turnCommit.ts';
import { storedDebtorText } from '../../bot/transcriptMiddleware.ts';
import { LockTimeoutError, turnLockKey } from '../../bot/turnLock.ts';
import { coordinationOf } from '../../db/coordination.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { maskIdentityFactors, redactCardNumbers } from '../../domain/redaction.ts';
import type { Logger } from '../../logger.ts';
import {
  activitiesAfter,
  activityIdForClientId,
  appendActivities,
  appendActivitiesIn,
  rewriteUserText,
  directLineConversationExists,
  DIRECT_LINE_BOT,
  ensureDirectLineConversation,
  type NewActivity,
} from './activityStore.ts';
import { describeProblem } from '../../http/describeProblem.ts';
import { postActivitySchema, startBodySchema, watermarkSchema, type PostedActivity } from './schemas.ts';
import { announceActivities, streamHubFor } from './streamHub.ts';
import { CONVERSATION_ID, DirectLineTokens, newConversationId, newUserId, type TokenClaims, type TokenScope } from './tokens.ts';

export { webDeliverer } from './webDeliverer.ts';

/** The development default of DIRECTLINE_SECRET (src/config.ts); refused in production. */
export const DEV_DIRECTLINE_SECRET = 'dev-only-directline-secret-do-not-use-in-production';

export interface DirectLineOptions {
  /** Conversation token lifetime (default 30 minutes: Web Chat refreshes every 15). */
  tokenLifetimeSeconds?: number;
  /** How long a stream URL may be used to open its WebSocket (default 2 minutes). */
  streamTokenLifetimeSeconds?: number;
  /** Debtor messages per conversation: a burst of `capacity`, then `perSecond` (default 10, then 1/s). */
  postRate?: { capacity: number; perSecond: number };
  /** New conversations per client address (default a burst of 60, then 1/s). */
  generateRate?: { capacity: number; perSecond: number };
  /** Check open streams against the database this often: the fallback for a missed notification (default 3 s). */
  streamCatchUpMs?: number;
  now?: () => Date;
}

export interface DirectLineDeps {
  db: Db;
  adapter: InProcessAdapter;
  config: Config;
  logger: Logger;
  /** The address browsers reach this server at (stream URLs are built from it). */
  publicBaseUrl: () => string;
  options?: DirectLineOptions;
}

const BASE = '/v3/directline';
const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

/** Direct Line's error shape: `{ error: { code, message } }`. */
function sendError(res: restify.Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

function setCommonHeaders(res: restify.Response): void {
  // Bearer tokens, not cookies: any site may embed the chat (see the README's snippet).
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Expose-Headers', 'Retry-After');
  // Responses carry tokens and conversation text.
  res.header('Cache-Control', 'no-store');
  res.header('X-Content-Type-Options', 'nosniff');
}

/**
 * The debtor's message as stored when its turn never reached the transcript middleware (it failed
 * first): never a card, and every factor masked, to be safe.
 */
function maskedTextOf(text: string): string {
  return maskIdentityFactors(redactCardNumbers(text).text).replace(/\d/g, '•');
}

const STORED_REPLY_TYPES = new Set(['message', 'event', 'endOfConversation']);

/** A bot reply as stored: the fields Web Chat renders, with our ids and addresses. */
function replyToStore(reply: Partial<Activity>, conversationId: string, userId: string): NewActivity | null {
  if (!reply.type || !STORED_REPLY_TYPES.has(reply.type)) return null;
  const stored: NewActivity = {
    type: reply.type,
    channelId: 'directline',
    conversation: { id: conversationId } as Activity['conversation'],
    from: { ...DIRECT_LINE_BOT },
    recipient: { id: userId, role: 'user' } as Activity['recipient'],
    timestamp: reply.timestamp ?? new Date(),
  };
  if (typeof reply.text === 'string') stored.text = redactCardNumbers(reply.text).text;
  for (const key of ['textFormat', 'attachments', 'attachmentLayout', 'suggestedActions', 'inputHint', 'speak', 'summary', 'locale', 'name', 'value', 'entities'] as const) {
    if (reply[key] !== undefined) (stored as Record<string, unknown>)[key] = reply[key];
  }
  return stored;
}

/** Registers the Direct Line routes and the WebSocket stream on `server`. Call once per server. */
export function registerDirectLineRoutes(server: restify.Server, deps: DirectLineDeps): void {
  const { db, adapter, config, logger } = deps;
  const options = deps.options ?? {};
  if (config.NODE_ENV === 'production' && config.DIRECTLINE_SECRET === DEV_DIRECTLINE_SECRET) {
    throw new Error('DIRECTLINE_SECRET is missing — expected a secret of at least 32 characters (required when NODE_ENV=production)');
  }
  if (config.DIRECTLINE_SECRET === DEV_DIRECTLINE_SECRET && config.NODE_ENV === 'development') {
    logger.warn('DIRECTLINE_SECRET is not set: website chat tokens are signed with the public development key.');
  }
  const now = options.now ?? (() => new Date());
  const tokens = new DirectLineTokens(config.DIRECTLINE_SECRET, options.tokenLifetimeSeconds, options.streamTokenLifetimeSeconds, now);
  const coordination = coordinationOf(db);
  // Shared by every instance on the database (a client's requests reach any of them).
  const postLimiter = coordination.rateLimiter('directline:post', options.postRate?.capacity ?? 10, options.postRate?.perSecond ?? 1);
  const generateLimiter = coordination.rateLimiter('directline:generate', options.generateRate?.capacity ?? 60, options.generateRate?.perSecond ?? 1);
  const hub = streamHubFor(db, { logger, catchUpMs: options.streamCatchUpMs });
  // Replies are stored after the turn, so the debtor's message and the bot's answer are stored
  // together, in turn order, in the turn's own commit; the conversation's turn lock (every instance
  // on the database, the same key the bot's TurnLockMiddleware takes again, re-entrantly) is held
  // around the turn and its storing, so two turns of one conversation never interleave there.

  function streamUrlOf(claims: TokenClaims, watermark?: number): string {
    const { token } = tokens.issue(claims.conv, claims.user, 'stream');
    const base = deps.publicBaseUrl().replace(/^http/, 'ws');
    const query = new URLSearchParams(watermark !== undefined ? { watermark: String(watermark), t: token } : { t: token });
    return `${base}${BASE}/conversations/${claims.conv}/stream?${query}`;
  }

  function conversationResponse(claims: TokenClaims, watermark?: number) {
    const fresh = tokens.issue(claims.conv, claims.user);
    return { conversationId: claims.conv, token: fresh.token, expires_in: fresh.expiresIn, streamUrl: streamUrlOf(claims, watermark) };
  }

  /** Checks the bearer token (and that it belongs to `conversationId`); answers 401/403 if not. */
  function authorize(req: restify.Request, res: restify.Response, conversationId?: string, scope: TokenScope = 'conversation'): TokenClaims | null {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      sendError(res, 401, 'Unauthorized', 'An "Authorization: Bearer <token>" header is required.');
      return null;
    }
    const check = tokens.verify(match[1]!, scope);
    if (!check.ok) {
      const message = check.reason === 'expired' ? 'The token has expired. Start a new conversation.' : 'The token is not valid.';
      sendError(res, 403, check.reason === 'expired' ? 'TokenExpired' : 'BadToken', message);
      return null;
    }
    if (conversationId !== undefined && check.claims.conv !== conversationId) {
      sendError(res, 403, 'BadToken', 'The token is not valid for this conversation.');
      return null;
    }
    return check.claims;
  }

  function isObjectBody(body: unknown): boolean {
    return body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body));
  }

  function parseWatermark(req: restify.Request, res: restify.Response): number | null {
    const raw = new URLSearchParams(req.getQuery() as string).get('watermark') ?? undefined;
    const parsed = watermarkSchema.safeParse(raw);
    if (!parsed.success) {
      sendError(res, 400, 'BadArgument', describeProblem(parsed.error));
      return null;
    }
    return parsed.data;
  }

  /**
   * Runs a turn and stores `[echo?, ...replies]` in the turn's own commit (with its state and
   * transcript), under the conversation's lock; returns the stored ids. With `key`, a replay of the
   * same activity runs no turn and stores nothing (`duplicate`). The echo is the debtor's message as
   * the turn left it: card numbers removed, a verification answer masked.
   */
  async function runAndStore(
    conversationId: string,
    turn: Partial<Activity>,
    echo: ((text: string) => NewActivity) | null,
    userId: string,
    key?: string,
  ): Promise<{ ids: string[]; duplicate: boolean }> {
    return coordination.withLock(
      turnLockKey(conversationId),
      async () => {
        let ids: string[] = [];
        const toStore = (text: string, replies: Partial<Activity>[]): NewActivity[] => [
          ...(echo ? [echo(text)] : []),
          ...replies.map((reply) => replyToStore(reply, conversationId, userId)).filter((a): a is NewActivity => a !== null),
        ];
        const options = { repliesToFirst: echo !== null };
        const result = await adapter.runChannelTurn(
          { ...turn, id: randomUUID() },
          {
            key,
            onCommit: async (tx, context, replies) => {
              const rewritten = (context.turnState.get(REWRITTEN_DEBTOR_MESSAGES) ?? []) as Array<{ old: string; text: string }>;
              for (const message of rewritten) await rewriteUserText(tx, conversationId, message.old, message.text);
              ids = (await appendActivitiesIn(tx, conversationId, toStore(storedDebtorText(context), replies), options)).map((s) => s.activity.id);
            },
          },
        );
        if (result.duplicate) return { ids: [], duplicate: true };
        // The turn failed before or at its commit: the message and the error answer are still shown.
        if (!result.committed) ids = (await appendActivities(db, conversationId, toStore(maskedTextOf(turn.text ?? ''), result.replies), options)).map((s) => s.activity.id);
        await announceActivities(db, conversationId);
        return { ids, duplicate: false };
      },
      config.TURN_TIMEOUT_MS,
    );
  }

  /** Creates the token's conversation if needed; it gets the bot's greeting once (even after a crash). */
  async function openConversation(claims: TokenClaims, locale: string | undefined): Promise<boolean> {
    const { created } = await ensureDirectLineConversation(db, claims.conv);
    await runAndStore(
      claims.conv,
      {
        type: 'conversationUpdate',
        channelId: 'directline',
        serviceUrl: `${deps.publicBaseUrl()}${BASE}`,
        conversation: { id: claims.conv } as Activity['conversation'],
        from: { id: claims.user, role: 'user' } as Activity['from'],
        recipient: { ...DIRECT_LINE_BOT },
        membersAdded: [{ id: claims.user, name: '' }],
        ...(locale ? { locale } : {}),
        // Opened from an outreach email's chat link: the bot checks the link (src/outreach/chatStart.ts).
        ...(claims.start ? { channelData: { start: claims.start } } : {}),
      },
      null,
      claims.user,
      turnKey('directline', claims.conv, 'start'),
    );
    return created;
  }

  function turnFailed(res: restify.Response, error: unknown, conversationId: string): void {
    if (error instanceof LockTimeoutError) {
      res.header('Retry-After', '2');
      sendError(res, 503, 'ServiceError', 'The previous message is still being answered. Please send this one again.');
      return;
    }
    logger.error({ err: error, conversationId }, 'Direct Line turn failed');
    sendError(res, 502, 'BotError', 'The assistant could not answer just now. Please try again.');
  }

  server.opts(`${BASE}/*`, async (_req: restify.Request, res: restify.Response) => {
    setCommonHeaders(res);
    res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    // Web Chat sends x-requested-with and x-ms-bot-agent on its Direct Line calls (item 8 of issue 10).
    res.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent, x-requested-with');
    res.header('Access-Control-Max-Age', '600');
    res.send(204);
  });

  server.post(`${BASE}/tokens/generate`, async (req: restify.Request, res: restify.Response) => {
    setCommonHeaders(res);
    if (!isObjectBody(req.body)) return sendError(res, 400, 'BadArgument', 'Expected a JSON object body (Content-Type: application/json).');
    const body = startBodySchema.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadArgument', describeProblem(body.error));
    const limit = await generateLimiter.take(req.socket.remoteAddress ?? 'unknown');
    if (!limit.ok) {
      res.header('Retry-After', String(limit.retryAfterSeconds));
      return sendError(res, 429, 'TooManyRequests', 'Too many new conversations from this address. Please wait a moment.');
    }
    const conversationId = newConversationId();
    const issued = tokens.issue(conversationId, body.data.user?.id ?? newUserId(), 'conversation', { start: body.data.start });
    res.send(200, { conversationId, token: issued.token, expires_in: issued.expiresIn });
  });

  server.post(`${BASE}/tokens/refresh`, async (req: restify.Request, res: restify.Response) => {
    setCommonHeaders(res);
    const claims = authorize(req, res);
    if (!claims) return;
    const issued = tokens.issue(claims.conv, claims.user);
    res.send(200, { conversationId: claims.conv, token: issued.token, expires_in: issued.expiresIn });
  });

  server.post(`${BASE}/conversations`, async (req: restify.Request, res: restify.Response) => {
    setCommonHeaders(res);
    const claims = authorize(req, res);
    if (!claims) return;
    if (!isObjectBody(req.body)) return sendError(res, 400, 'BadArgument', 'Expected a JSON object body (Content-Type: application/json).');
    const body = startBodySchema.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadArgument', describeProblem(body.error));
    let created: boolean;
    try {
      created = await openConversation(claims, body.data.locale);
    } catch (error) {
      return turnFailed(res, error, claims.conv);
    }
    res.send(created ? 201 : 200, conversationResponse(claims));
  });

  server.get(`${BASE}/conversations/:conversationId`, async (req: restify.Request, res: restify.Response) => {
    setCommonHeaders(res);
    const claims = authorize(req, res, String(req.params.conversationId));
    if (!claims) return;
    const watermark = parseWatermark(req, res);
    if (watermark === null) return;
    try {
      // A page that stored its conversation id before the conversation was started resumes it too.
      await openConversation(claims, undefined);
    } catch (error) {
      return turnFailed(res, error, claims.conv);
    }
    res.send(200, conversationResponse(claims, watermark));
  });

  server.post(`${BASE}/conversations/:conversationId/activities`, async (req: restify.Request, res: restify.Response) => {
    setCommonHeaders(res);
    const claims = authorize(req, res, String(req.params.conversationId));
    if (!claims) return;
    if (req.body === undefined || !isObjectBody(req.body)) return sendError(res, 400, 'BadArgument', 'Expected a JSON activity (Content-Type: application/json).');
    const parsed = postActivitySchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'BadArgument', describeProblem(parsed.error));
    if (!(await directLineConversationExists(db, claims.conv))) return sendError(res, 404, 'BadArgument', 'The conversation has not been started.');
    const limit = await postLimiter.take(claims.conv);
    if (!limit.ok) {
      res.header('Retry-After', String(limit.retryAfterSeconds));
      return sendError(res, 429, 'TooManyRequests', 'Messages are arriving too fast. Please wait a moment.');
    }
    const posted: PostedActivity = parsed.data;
    const receivedAt = now();
    const from = { id: claims.user, role: 'user', ...(posted.from?.name ? { name: posted.from.name } : {}) } as Activity['from'];
    const conversation = { id: claims.conv } as Activity['conversation'];
    const clientActivityID = posted.channelData?.clientActivityID;
    const common = {
      type: posted.type,
      channelId: 'directline',
      conversation,
      from,
      recipient: { ...DIRECT_LINE_BOT },
      ...(posted.locale ? { locale: posted.locale } : {}),
      ...(clientActivityID ? { channelData: { clientActivityID } } : {}),
      ...(posted.type === 'event' ? { name: posted.name, value: posted.value } : {}),
    };
    let outcome: { ids: string[]; duplicate: boolean };
    try {
      outcome = await runAndStore(
        claims.conv,
        { ...common, ...(posted.type === 'message' ? { text: posted.text } : {}), serviceUrl: `${deps.publicBaseUrl()}${BASE}`, timestamp: receivedAt },
        (text) => ({ ...common, ...(posted.type === 'message' ? { text } : {}), timestamp: receivedAt }),
        claims.user,
        // Web Chat re-sends a message with the same clientActivityID: it is answered once.
        clientActivityID ? turnKey('directline', claims.conv, clientActivityID) : undefined,
      );
    } catch (error) {
      return turnFailed(res, error, claims.conv);
    }
    if (outcome.duplicate) {
      const id = clientActivityID ? await activityIdForClientId(db, claims.conv, clientActivityID) : undefined;
      res.send(200, { id: id ?? '' });
      return;
    }
    res.send(200, { id: outcome.ids[0] });
  });

  server.get(`${BASE}/conversations/:conversationId/activities`, async (req: restify.Request, res: restify.Response) => {
    setCommonHeaders(res);
    const claims = authorize(req, res, String(req.params.conversationId));
    if (!claims) return;
    const watermark = parseWatermark(req, res);
    if (watermark === null) return;
    if (!(await directLineConversationExists(db, claims.conv))) return sendError(res, 404, 'BadArgument', 'The conversation has not been started.');
    const batch = await activitiesAfter(db, claims.conv, watermark, 100);
    const last = batch.length > 0 ? batch[batch.length - 1]!.seq : watermark;
    res.send(200, { activities: batch.map((b) => b.activity), watermark: String(last) });
  });

  // The WebSocket stream. Upgrades are not restify requests: they are answered here, on the
  // underlying HTTP server.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const httpServer = server.server;

  function refuseUpgrade(socket: Duplex, status: number, message: string): void {
    const body = JSON.stringify({ error: { code: status === 403 ? 'BadToken' : 'BadArgument', message } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\n\r\n${body}`,
    );
  }

  async function acceptStream(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, query: URLSearchParams): Promise<void> {
    const check = tokens.verify(query.get('t') ?? '', 'stream');
    if (!check.ok) return refuseUpgrade(socket, 403, check.reason === 'expired' ? 'The stream URL has expired.' : 'The stream token is not valid.');
    if (check.claims.conv !== conversationId) return refuseUpgrade(socket, 403, 'The token is not valid for this conversation.');
    const watermark = watermarkSchema.safeParse(query.get('watermark') ?? undefined);
    if (!watermark.success) return refuseUpgrade(socket, 400, describeProblem(watermark.error));
    if (!(await directLineConversationExists(db, conversationId))) return refuseUpgrade(socket, 404, 'The conversation has not been started.');
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      hub.add(ws, conversationId, watermark.data);
    });
  }

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match || !CONVERSATION_ID.test(match[1]!)) {
      // Another feature may serve its own WebSocket; with nobody else listening, say no now.
      if (httpServer.listenerCount('upgrade') === 1) refuseUpgrade(socket, 404, 'Not found');
      return;
    }
    socket.on('error', () => socket.destroy());
    acceptStream(req, socket, head, match[1]!, url.searchParams).catch((error: unknown) => {
      logger.error({ err: error }, 'Direct Line stream could not be opened');
      if (!socket.destroyed) refuseUpgrade(socket, 500, 'The stream could not be opened.');
    });
  });

  // Open streams would keep the HTTP server from closing (and draining would wait them out):
  // they are closed as the server starts closing ("going away"); Web Chat reconnects.
  const close = httpServer.close.bind(httpServer);
  httpServer.close = ((callback?: (error?: Error) => void) => {
    hub.closeAll();
    wss.close();
    return close(callback);
  }) as typeof httpServer.close;
}
