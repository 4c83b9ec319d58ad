/**
 * The account routes of the console API (any signed-in officer):
 *
 *   GET    /officer/api/accounts?q=                 search by account number, name, phone or email
 *   GET    /officer/api/accounts/:id                the account: figures, flags, plans, notes, follow-ups, conversations
 *   GET    /officer/api/accounts/:id/timeline       every conversation, payment, plan, dispute, notice, consent, note and audit event
 *   POST   /officer/api/accounts/:id/status         attorney / bankruptcy / deceased / military
 *   POST   /officer/api/accounts/:id/hardship       record (or clear) hardship: the bot uses the hardship limits
 *   POST   /officer/api/accounts/:id/notes          an internal note
 *   POST   /officer/api/accounts/:id/follow-ups     a promise to pay by a date, or a call-back
 *   POST   /officer/api/follow-ups/:id/close        done / cancelled
 */
import type restify from 'restify';
import { accountStatusSchema, recordAccountStatus } from './accountDecisions.ts';
import { accountPart, searchAccounts } from './accountViews.ts';
import { addNote, closeFollowUp, closeFollowUpSchema, followUpSchema, hardshipSchema, noteSchema, scheduleFollowUp, setHardship } from './accountWork.ts';
import { consoleRoute, idParam, parseBody, queryOf, type ConsoleHttpDeps } from './consoleHttp.ts';
import { ConsoleRefusal } from './refusal.ts';
import { accountTimeline } from './timeline.ts';

export function registerAccountRoutes(server: restify.Server, deps: ConsoleHttpDeps): void {
  const { db, now } = deps;
  const route = (handler: Parameters<typeof consoleRoute>[2]) => consoleRoute(deps, {}, handler);

  server.get(
    '/officer/api/accounts',
    route(async (req, res) => {
      const q = (queryOf(req).q ?? '').slice(0, 200);
      if (q.trim().length < 2) throw new ConsoleRefusal(400, 'Type at least 2 characters: an account number, a name, a phone number or an email address.');
      res.send(200, { query: q, accounts: await searchAccounts(db, q) });
    }),
  );

  server.get(
    '/officer/api/accounts/:id',
    route(async (req, res) => {
      const id = idParam(req);
      const account = await accountPart(db, id, now());
      if (!account) throw new ConsoleRefusal(404, 'There is no such account.');
      const [conversations, handoffs] = await Promise.all([
        db.conversation.findMany({ where: { accountId: id }, orderBy: { lastActivityAt: 'desc' }, select: { id: true, channel: true, holder: true, createdAt: true, lastActivityAt: true } }),
        db.handoff.findMany({ where: { accountId: id }, orderBy: { createdAt: 'desc' }, take: 50, select: { id: true, reason: true, status: true, outcome: true, createdAt: true, resolvedAt: true } }),
      ]);
      res.send(200, { account, conversations, handoffs });
    }),
  );

  server.get(
    '/officer/api/accounts/:id/timeline',
    route(async (req, res) => {
      const entries = await accountTimeline(db, idParam(req));
      if (!entries) throw new ConsoleRefusal(404, 'There is no such account.');
      res.send(200, { entries });
    }),
  );

  server.post(
    '/officer/api/accounts/:id/status',
    route(async (req, res, session) => {
      await recordAccountStatus(db, idParam(req), session.officer, parseBody(accountStatusSchema, req.body));
      res.send(200, { recorded: true });
    }),
  );

  server.post(
    '/officer/api/accounts/:id/hardship',
    route(async (req, res, session) => {
      res.send(200, await setHardship(db, idParam(req), session.officer, parseBody(hardshipSchema, req.body)));
    }),
  );

  server.post(
    '/officer/api/accounts/:id/notes',
    route(async (req, res, session) => {
      res.send(201, await addNote(db, idParam(req), session.officer, parseBody(noteSchema, req.body), now()));
    }),
  );

  server.post(
    '/officer/api/accounts/:id/follow-ups',
    route(async (req, res, session) => {
      res.send(201, await scheduleFollowUp(db, idParam(req), session.officer, parseBody(followUpSchema, req.body), now()));
    }),
  );

  server.post(
    '/officer/api/follow-ups/:id/close',
    route(async (req, res, session) => {
      await closeFollowUp(db, idParam(req), session.officer, parseBody(closeFollowUpSchema, req.body), now());
      res.send(200, { closed: true });
    }),
  );
}
