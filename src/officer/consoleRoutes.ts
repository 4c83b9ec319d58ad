/**
 * The officer console's HTTP API, under /officer/api. Every route but sign-in goes through
 * consoleRoute (session, role, CSRF); reports and placement upload are for supervisors.
 *
 *   POST   /officer/api/session                       sign in (rate-limited)
 *   GET    /officer/api/session                       who am I (+ the CSRF token)
 *   DELETE /officer/api/session                       sign out
 *   GET    /officer/api/queue                         open escalations
 *   GET    /officer/api/queue/events                  the same, live (server-sent events)
 *   GET    /officer/api/handoffs/:id                  one escalation: transcript, account, audit
 *   GET    /officer/api/handoffs/:id/events           the same, live
 *   POST   /officer/api/handoffs/:id/accept           take it over
 *   POST   /officer/api/handoffs/:id/check            reply check of a draft
 *   POST   /officer/api/handoffs/:id/messages         send to the debtor
 *   POST   /officer/api/handoffs/:id/hand-back        back to the bot
 *   POST   /officer/api/handoffs/:id/resolve          close with an outcome
 *   POST   /officer/api/handoffs/:id/proposal         approve / counter / reject a plan proposal
 *   POST   /officer/api/disputes/:id/decision         verified / closed
 *   POST   /officer/api/accounts/:id/status           attorney / bankruptcy / deceased / military
 *   GET    /officer/api/reports                       supervisor: the portfolio's figures (JSON)
 *   GET    /officer/api/reports.csv                   supervisor: the same as CSV
 *   GET    /officer/api/reports/charts/:name          supervisor: escalations.svg, aging.svg, collected.svg
 *   POST   /officer/api/placements                    supervisor: placement CSV upload (NDJSON progress)
 */
import type restify from 'restify';
import { z } from 'zod';
import { appendAudit } from '../audit.ts';
import { describeProblem } from '../http/describeProblem.ts';
import { coordinationOf } from '../db/coordination.ts';
import { importPlacements, PlacementFileError } from '../import/placements.ts';
import { accountStatusSchema, decideDispute, disputeDecisionSchema, recordAccountStatus } from './accountDecisions.ts';
import { clearedSessionCookie, consoleRoute, crossSite, parseBody, sendError, sessionCookie, sessionToken, type ConsoleHttpDeps } from './consoleHttp.ts';
import { handoffView, listQueue } from './handoffViews.ts';
import { EventStreams, PollingFeed } from './liveFeed.ts';
import { findActiveOfficerByEmail } from './officers.ts';
import { verifyAgainstNothing, verifyPassword } from './passwords.ts';
import { decideProposal, proposalDecisionSchema } from './proposals.ts';
import { ConsoleRefusal } from './refusal.ts';
import { agingChart, collectedChart, escalationsChart } from './reportCharts.ts';
import { reportCsv } from './reportCsv.ts';
import { buildReport, MAX_REPORT_RANGE_DAYS } from './reports.ts';
import { createSession, endSession, findSession } from './sessions.ts';
import { acceptHandoff, checkOfficerReply, handBack, officerMessageSchema, resolveHandoff, resolveSchema, sendOfficerMessage } from './takeover.ts';

export interface ConsoleRouteDeps extends ConsoleHttpDeps {
  hashKey: string;
  /** How often live views look for changes. */
  feedIntervalMs?: number;
}

export const PLACEMENT_UPLOAD_PATH = '/officer/api/placements';
/** Largest placement file accepted by the upload (about 100,000 rows). */
export const MAX_PLACEMENT_BYTES = 25 * 1024 * 1024;

const signInSchema = z.object({
  email: z.string({ error: 'Enter your email address.' }).trim().min(3, 'Enter your email address.').max(254),
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(1024),
});

const DAY_MS = 86_400_000;
const reportRangeSchema = z.object({
  from: z.iso.date({ message: 'from must be a date (YYYY-MM-DD)' }).optional(),
  to: z.iso.date({ message: 'to must be a date (YYYY-MM-DD)' }).optional(),
});

/** The report period: [from 00:00 UTC, to + 1 day) — the last 30 days by default. */
function reportRange(query: unknown, now: Date): { from: Date; to: Date; now: Date } {
  const parsed = parseBody(reportRangeSchema, query);
  const to = parsed.to ? new Date(`${parsed.to}T00:00:00Z`).getTime() + DAY_MS : now.getTime();
  const from = parsed.from ? new Date(`${parsed.from}T00:00:00Z`).getTime() : to - 30 * DAY_MS;
  if (from >= to) throw new ConsoleRefusal(400, 'from must be on or before to.');
  if (to - from > MAX_REPORT_RANGE_DAYS * DAY_MS) throw new ConsoleRefusal(400, `Choose a period of at most ${MAX_REPORT_RANGE_DAYS} days.`);
  return { from: new Date(from), to: new Date(to), now };
}

const CHARTS = { 'escalations.svg': escalationsChart, 'aging.svg': agingChart, 'collected.svg': collectedChart } as const;

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
  const queueFeed = new PollingFeed(() => listQueue(db), interval, onFeedError);
  const handoffFeeds = new Map<string, PollingFeed>();
  // Per address and per email: guessing is slow, and one attacker cannot lock a colleague out for long.
  // Shared by every instance on the database: a guesser's requests reach any of them.
  const signInByAddress = coordinationOf(db).rateLimiter('officer-sign-in:address', 20, 20 / 900);
  const signInByEmail = coordinationOf(db).rateLimiter('officer-sign-in:email', 5, 5 / 900);
  const route = (options: Parameters<typeof consoleRoute>[1], handler: Parameters<typeof consoleRoute>[2]) => consoleRoute(deps, options, handler);
  // A live stream outlives the request that opened it: it ends when the session does.
  const sessionStillValid = (req: restify.Request) => async () => {
    const token = sessionToken(req, deps.secureCookies);
    return token !== null && (await findSession(db, token, now())) !== null;
  };
  const idParam = (req: restify.Request): string => {
    const id = String(req.params.id ?? '');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new ConsoleRefusal(404, 'Not found.');
    return id;
  };

  server.post('/officer/api/session', async (req: restify.Request, res: restify.Response) => {
    if (crossSite(req)) return sendError(res, 403, 'Sign in from the console page itself.');
    const body = signInSchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 400, describeProblem(body.error));
    const email = body.data.email.toLowerCase();
    for (const limit of [await signInByAddress.take(req.socket.remoteAddress ?? 'unknown'), await signInByEmail.take(email)]) {
      if (!limit.ok) {
        res.setHeader('Retry-After', String(limit.retryAfterSeconds));
        return sendError(res, 429, `Too many sign-in attempts. Wait ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s) and try again.`);
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
    res.send(200, { officer: { id: officer.id, email: officer.email, name: officer.name, role: officer.role }, csrfToken: session.csrfToken });
  });

  server.get(
    '/officer/api/session',
    route({}, async (_req, res, session) => {
      res.send(200, { officer: session.officer, csrfToken: session.csrfToken });
    }),
  );

  server.del(
    '/officer/api/session',
    route({}, async (_req, res, session) => {
      await endSession(db, session.sessionId);
      res.setHeader('Set-Cookie', clearedSessionCookie(deps));
      res.send(200, { signedOut: true });
    }),
  );

  server.get(
    '/officer/api/queue',
    route({}, async (_req, res) => {
      res.send(200, { serverTime: now().toISOString(), items: await listQueue(db) });
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
      await acceptHandoff(db, idParam(req), session.officer, now());
      res.send(200, { accepted: true });
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
      await handBack(db, idParam(req), session.officer, now());
      res.send(200, { handedBack: true });
    }),
  );

  server.post(
    '/officer/api/handoffs/:id/resolve',
    route({}, async (req, res, session) => {
      await resolveHandoff(db, idParam(req), session.officer, parseBody(resolveSchema, req.body), now());
      res.send(200, { resolved: true });
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

  server.post(
    '/officer/api/accounts/:id/status',
    route({}, async (req, res, session) => {
      await recordAccountStatus(db, idParam(req), session.officer, parseBody(accountStatusSchema, req.body));
      res.send(200, { recorded: true });
    }),
  );

  server.get(
    '/officer/api/reports',
    route({ role: 'supervisor' }, async (req, res) => {
      res.send(200, await buildReport(db, reportRange(queryOf(req), now())));
    }),
  );

  server.get(
    '/officer/api/reports.csv',
    route({ role: 'supervisor' }, async (req, res) => {
      const range = reportRange(queryOf(req), now());
      const csv = reportCsv(await buildReport(db, range));
      const name = `portfolio-report-${range.from.toISOString().slice(0, 10)}-to-${new Date(range.to.getTime() - 1).toISOString().slice(0, 10)}.csv`;
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' });
      res.end(csv);
    }),
  );

  server.get(
    '/officer/api/reports/charts/:name',
    route({ role: 'supervisor' }, async (req, res) => {
      const chart = CHARTS[String(req.params.name) as keyof typeof CHARTS];
      if (!chart) throw new ConsoleRefusal(404, `There is no chart named ${String(req.params.name)}.`);
      const svg = chart(await buildReport(db, reportRange(queryOf(req), now())));
      res.writeHead(200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
      res.end(svg);
    }),
  );

  server.post(
    PLACEMENT_UPLOAD_PATH,
    route({ role: 'supervisor' }, async (req, res, session) => {
      const csvText = await readBody(req, MAX_PLACEMENT_BYTES);
      // Progress and the final report are streamed as JSON lines, so a large file shows progress.
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
      const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
      let lastProgress = 0;
      try {
        const report = await importPlacements(db, csvText, {
          hashKey: deps.hashKey,
          now: now(),
          onProgress: (done, total) => {
            if (done === total || Date.now() - lastProgress > 250) {
              lastProgress = Date.now();
              line({ type: 'progress', done, total });
            }
          },
        });
        await appendAudit(db, {
          type: 'placement.uploaded',
          actor: `officer:${session.officer.id}`,
          detail: { imported: report.imported, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length, bytes: Buffer.byteLength(csvText) },
        });
        line({ type: 'report', ...report });
      } catch (error) {
        if (!(error instanceof PlacementFileError)) throw error;
        line({ type: 'refused', error: error.message, ...(error.line ? { line: error.line } : {}) });
      }
      res.end();
    }),
  );

  return {
    closeStreams() {
      streams.closeAll();
      queueFeed.stop();
      for (const feed of handoffFeeds.values()) feed.stop();
    },
  };
}

/** The query string as an object (restify's own query parser is not installed). */
function queryOf(req: restify.Request): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(req.getQuery()));
}

/** Reads a request body as UTF-8 text, refusing more than `limit` bytes. */
async function readBody(req: restify.Request, limit: number): Promise<string> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^text\/(csv|plain)\b/i.test(type)) throw new ConsoleRefusal(400, 'Upload the placement file as text/csv.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ConsoleRefusal(422, `The file is larger than ${Math.round(limit / 1024 / 1024)} MB: split it into smaller files.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim().length === 0) throw new ConsoleRefusal(400, 'The file is empty.');
  return text;
}

