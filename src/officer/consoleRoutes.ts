/**
 * The officer console's HTTP API, under /officer/api. Every route but sign-in goes through
 * consoleRoute (session, role, CSRF); supervisor routes are in supervisorRoutes.ts, account routes
 * in accountRoutes.ts.
 *
 *   POST   /officer/api/session                       sign in (rate-limited)
 *   GET    /officer/api/session                       who am I (+ the CSRF token)
 *   DELETE /officer/api/session                       sign out
 *   POST   /officer/api/session/password              choose a new password (after a temporary one)
 *   GET    /officer/api/labels                        the words for every code the console shows
 *   GET    /officer/api/officers                      active officers (to assign work to)
 *   GET    /officer/api/canned-replies                saved replies
 *   GET    /officer/api/queue                         open escalations, due follow-ups, waiting-time targets
 *   GET    /officer/api/queue/events                  the same, live (server-sent events)
 *   GET    /officer/api/handoffs/:id                  one escalation: transcript, contact rail, account, audit
 *   GET    /officer/api/handoffs/:id/events           the same, live
 *   POST   /officer/api/handoffs/:id/accept           take it over
 *   POST   /officer/api/handoffs/:id/assign           assign to an officer (or nobody)
 *   POST   /officer/api/handoffs/:id/check            reply check of a draft
 *   POST   /officer/api/handoffs/:id/messages         send to the debtor
 *   POST   /officer/api/handoffs/:id/offer            offer terms agreed in the takeover (the bot takes the YES)
 *   POST   /officer/api/handoffs/:id/hand-back        back to the bot
 *   POST   /officer/api/handoffs/:id/resolve          close with an outcome
 *   POST   /officer/api/handoffs/:id/proposal         approve / counter / reject a plan proposal
 *   POST   /officer/api/disputes/:id/decision         verified / closed
 */
import type restify from 'restify';
import { z } from 'zod';
import { appendAudit } from '../audit.ts';
import { describeProblem } from '../http/describeProblem.ts';
import { coordinationOf } from '../db/coordination.ts';
import { registerAccountRoutes } from './accountRoutes.ts';
import { decideDispute, disputeDecisionSchema } from './accountDecisions.ts';
import { assignHandoff, assignSchema } from './assignment.ts';
import { listCannedReplies } from './cannedReplies.ts';
import { clearedSessionCookie, consoleRoute, crossSite, idParam, parseBody, sendError, sessionCookie, sessionToken, type ConsoleHttpDeps } from './consoleHttp.ts';
import { handoffView, queueView } from './handoffViews.ts';
import { LABELS } from './labels.ts';
import { EventStreams, PollingFeed } from './liveFeed.ts';
import { offerSchema, offerTerms } from './offers.ts';
import { changeOwnPassword, findActiveOfficerByEmail } from './officers.ts';
import { verifyAgainstNothing, verifyPassword } from './passwords.ts';
import { decideProposal, proposalDecisionSchema } from './proposals.ts';
import { ConsoleRefusal } from './refusal.ts';
import { createSession, endSession, findSession } from './sessions.ts';
import { registerSupervisorRoutes } from './supervisorRoutes.ts';
import { acceptHandoff, checkOfficerReply, handBack, officerMessageSchema, resolveHandoff, resolveSchema, sendOfficerMessage } from './takeover.ts';

export interface ConsoleRouteDeps extends ConsoleHttpDeps {
  hashKey: string;
  /** How often live views look for changes. */
  feedIntervalMs?: number;
}

const signInSchema = z.object({
  email: z.string({ error: 'Enter your email address.' }).trim().min(3, 'Enter your email address.').max(254),
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(1024),
});

const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(1024),
  newPassword: z.string({ error: 'Enter a new password.' }).min(1, 'Enter a new password.').max(1024, 'The password is too long: use at most 1,024 characters.'),
});

export interface ConsoleRoutes {
  /** Ends the live streams (at shutdown, so draining does not wait for them). */
  closeStreams(): void;
}

export function registerConsoleRoutes(server: restify.Server, deps: ConsoleRouteDeps): ConsoleRoutes {
  const { db, logger, now } = deps;
  const interval = deps.feedIntervalMs ?? 1000;
  const onFeedError = (error: unknown) => logger.warn({ err: error }, 'officer console live feed failed');
  // The heartbeat also re-checks the session; 15 s with the default 1 s polling.
  const streams = new EventStreams(Math.min(15_000, interval * 15));
  const queueFeed = new PollingFeed(() => queueView(db, now()), interval, onFeedError);
  const handoffFeeds = new Map<string, PollingFeed>();
  // Per address, and per address and email together: guessing is slow, and someone guessing from
  // elsewhere never locks the real officer out (a per-email limit alone did, issue 10 item 14).
  // Shared by every instance on the database: a guesser's requests reach any of them.
  const signInByAddress = coordinationOf(db).rateLimiter('officer-sign-in:address', 20, 20 / 900);
  const signInByAddressAndEmail = coordinationOf(db).rateLimiter('officer-sign-in:address-email', 5, 5 / 900);
  const route = (options: Parameters<typeof consoleRoute>[1], handler: Parameters<typeof consoleRoute>[2]) => consoleRoute(deps, options, handler);
  // A live stream outlives the request that opened it: it ends when the session does.
  const sessionStillValid = (req: restify.Request) => async () => {
    const token = sessionToken(req, deps.secureCookies);
    return token !== null && (await findSession(db, token, now())) !== null;
  };

  server.post('/officer/api/session', async (req: restify.Request, res: restify.Response) => {
    if (crossSite(req)) return sendError(res, 403, 'Sign in from the console page itself.');
    const body = signInSchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 400, describeProblem(body.error));
    const email = body.data.email.toLowerCase();
    const address = req.socket.remoteAddress ?? 'unknown';
    const limits = [
      { limit: await signInByAddressAndEmail.take(`${address}\n${email}`), from: 'for this email from this address' },
      { limit: await signInByAddress.take(address), from: 'from this address' },
    ];
    for (const { limit, from } of limits) {
      if (!limit.ok) {
        const seconds = limit.retryAfterSeconds;
        const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;
        const retryAt = new Date(now().getTime() + seconds * 1000).toISOString();
        res.setHeader('Retry-After', String(seconds));
        return sendError(res, 429, `Too many sign-in attempts ${from}. Try again in ${wait} (at ${retryAt.slice(11, 16)} UTC).`, { retryAfterSeconds: seconds, retryAt });
      }
    }
    const officer = await findActiveOfficerByEmail(db, email);
    const valid = officer ? await verifyPassword(body.data.password, officer.passwordHash) : await verifyAgainstNothing(body.data.password);
    if (!officer || !valid) {
      logger.warn({ officerId: officer?.id ?? null }, 'officer sign-in failed');
      await appendAudit(db, { type: 'officer.sign_in_failed', actor: 'system', detail: { officerId: officer?.id ?? null } });
      return sendError(res, 401, 'That email and password do not match an active console account.');
    }
    const session = await createSession(db, officer.id, now());
    await appendAudit(db, { type: 'officer.signed_in', actor: `officer:${officer.id}` });
    res.setHeader('Set-Cookie', sessionCookie(deps, session.token));
    res.setHeader('Cache-Control', 'no-store');
    res.send(200, {
      officer: { id: officer.id, email: officer.email, name: officer.name, role: officer.role },
      csrfToken: session.csrfToken,
      mustChangePassword: officer.mustChangePassword,
    });
  });

  server.get(
    '/officer/api/session',
    route({ beforePasswordChange: true }, async (_req, res, session) => {
      res.send(200, { officer: session.officer, csrfToken: session.csrfToken, mustChangePassword: session.mustChangePassword });
    }),
  );

  server.del(
    '/officer/api/session',
    route({ beforePasswordChange: true }, async (_req, res, session) => {
      await endSession(db, session.sessionId);
      res.setHeader('Set-Cookie', clearedSessionCookie(deps));
      res.send(200, { signedOut: true });
    }),
  );

  server.post(
    '/officer/api/session/password',
    route({ beforePasswordChange: true }, async (req, res, session) => {
      const body = parseBody(passwordChangeSchema, req.body);
      const problem = await changeOwnPassword(db, session.officer.id, session.sessionId, body.currentPassword, body.newPassword);
      if (problem) throw new ConsoleRefusal(422, problem);
      res.send(200, { changed: true });
    }),
  );

  server.get(
    '/officer/api/labels',
    route({ beforePasswordChange: true }, async (_req, res) => {
      res.send(200, LABELS);
    }),
  );

  server.get(
    '/officer/api/officers',
    route({}, async (_req, res) => {
      const officers = await db.officer.findMany({ where: { disabledAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true, role: true } });
      res.send(200, { officers });
    }),
  );

  server.get(
    '/officer/api/canned-replies',
    route({}, async (_req, res) => {
      res.send(200, { replies: await listCannedReplies(db) });
    }),
  );

  server.get(
    '/officer/api/queue',
    route({}, async (_req, res) => {
      res.send(200, { serverTime: now().toISOString(), ...(await queueView(db, now())) });
    }),
  );

  server.get(
    '/officer/api/queue/events',
    route({}, async (req, res) => {
      await streams.stream(req, res, queueFeed, 'queue', sessionStillValid(req));
    }),
  );

  server.get(
    '/officer/api/handoffs/:id',
    route({}, async (req, res) => {
      const view = await handoffView(db, idParam(req), now());
      if (!view) throw new ConsoleRefusal(404, 'There is no such escalation.');
      res.send(200, view);
    }),
  );

  server.get(
    '/officer/api/handoffs/:id/events',
    route({}, async (req, res) => {
      const id = idParam(req);
      if (!(await db.handoff.findUnique({ where: { id }, select: { id: true } }))) throw new ConsoleRefusal(404, 'There is no such escalation.');
      let feed = handoffFeeds.get(id);
      if (!feed) {
        feed = new PollingFeed(() => handoffView(db, id, now()), interval, onFeedError);
        handoffFeeds.set(id, feed);
      }
      const current = feed;
      // After the stream's own close handler has unsubscribed: forget a feed nobody watches.
      req.once('close', () =>
        setImmediate(() => {
          if (current.size === 0 && handoffFeeds.get(id) === current) handoffFeeds.delete(id);
        }),
      );
      await streams.stream(req, res, current, 'handoff', sessionStillValid(req));
    }),
  );

  server.post(
    '/officer/api/handoffs/:id/accept',
    route({}, async (req, res, session) => {
      res.send(200, { accepted: true, ...(await acceptHandoff(db, idParam(req), session.officer, now())) });
    }),
  );

  server.post(
    '/officer/api/handoffs/:id/assign',
    route({}, async (req, res, session) => {
      res.send(200, await assignHandoff(db, idParam(req), session.officer, parseBody(assignSchema, req.body)));
    }),
  );

  server.post(
    '/officer/api/handoffs/:id/offer',
    route({}, async (req, res, session) => {
      res.send(200, await offerTerms(db, idParam(req), session.officer, parseBody(offerSchema, req.body), now()));
    }),
  );

  server.post(
    '/officer/api/handoffs/:id/check',
    route({}, async (req, res, session) => {
      const { text } = parseBody(officerMessageSchema.pick({ text: true }), req.body);
      res.send(200, { warnings: await checkOfficerReply(db, idParam(req), session.officer, text, now()) });
    }),
  );

  server.post(
    '/officer/api/handoffs/:id/messages',
    route({}, async (req, res, session) => {
      const input = parseBody(officerMessageSchema, req.body);
      const result = await sendOfficerMessage(db, idParam(req), session.officer, input, now());
      if (!result.sent) {
        const error = result.blocked
          ? 'This message cannot be sent: edit it and check again.'
          : 'Check the warnings: edit the message, or send it anyway (the override is recorded).';
        throw new ConsoleRefusal(422, error, { warnings: result.warnings, blocked: result.blocked });
      }
      res.send(201, result);
    }),
  );

  server.post(
    '/officer/api/handoffs/:id/hand-back',
    route({}, async (req, res, session) => {
      res.send(200, { handedBack: true, ...(await handBack(db, idParam(req), session.officer, now())) });
    }),
  );

  server.post(
    '/officer/api/handoffs/:id/resolve',
    route({}, async (req, res, session) => {
      res.send(200, { resolved: true, ...(await resolveHandoff(db, idParam(req), session.officer, parseBody(resolveSchema, req.body), now())) });
    }),
  );

  server.post(
    '/officer/api/handoffs/:id/proposal',
    route({}, async (req, res, session) => {
      const decision = parseBody(proposalDecisionSchema, req.body);
      const result = await decideProposal(db, { handoffId: idParam(req), officerId: session.officer.id, decision, now: now() });
      if (!result.ok) throw new ConsoleRefusal(result.status ?? 409, result.message);
      res.send(200, result);
    }),
  );

  server.post(
    '/officer/api/disputes/:id/decision',
    route({}, async (req, res, session) => {
      res.send(200, await decideDispute(db, idParam(req), session.officer, parseBody(disputeDecisionSchema, req.body), now()));
    }),
  );

  registerAccountRoutes(server, deps);
  registerSupervisorRoutes(server, deps);

  return {
    closeStreams() {
      streams.closeAll();
      queueFeed.stop();
      for (const feed of handoffFeeds.values()) feed.stop();
    },
  };
}
