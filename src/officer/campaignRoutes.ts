/**
 * The supervisor's outreach routes of the console API (officers get 403):
 *
 *   GET  /officer/api/campaigns                 campaigns, newest first, with live figures
 *   GET  /officer/api/campaigns/options         what a selection can filter on (creditors, aging buckets)
 *   POST /officer/api/campaigns/preview         { filter, channels } -> what each debtor would receive
 *   POST /officer/api/campaigns                 { name, filter, channels } -> launch
 *   GET  /officer/api/campaigns/:id             one campaign's figures
 *   POST /officer/api/campaigns/:id/pause       nothing more leaves until resumed
 *   POST /officer/api/campaigns/:id/resume
 *   GET  /officer/api/email-outbox              the latest emails, as the debtor gets them (console email outbox)
 */
import type restify from 'restify';
import { z } from 'zod';
import type { OutboxMessage } from '../db/generated/client.ts';
import { AGING_BUCKETS } from '../domain/aging.ts';
import type { ComposedEmail } from '../channels/email/compose.ts';
import { campaignFigures } from '../outreach/campaignProgress.ts';
import {
  campaignChannelsSchema,
  CampaignError,
  campaignFilterSchema,
  launchCampaign,
  launchSchema,
  previewCampaign,
  setCampaignStatus,
  type CampaignWords,
} from '../outreach/campaigns.ts';
import { consoleRoute, idParam, parseBody, type ConsoleHttpDeps } from './consoleHttp.ts';
import { ConsoleRefusal } from './refusal.ts';

export interface CampaignRouteDeps extends ConsoleHttpDeps {
  words: () => CampaignWords;
  /** The email an outbox row is sent as (EmailDeliverer.compose). */
  composeEmail: (message: OutboxMessage) => Promise<{ email: ComposedEmail }>;
}

const previewSchema = z.object({ filter: campaignFilterSchema, channels: campaignChannelsSchema });

const refusal = (error: unknown): never => {
  if (error instanceof CampaignError) throw new ConsoleRefusal(error.status, error.message);
  throw error;
};

export function registerCampaignRoutes(server: restify.Server, deps: CampaignRouteDeps): void {
  const { db, now } = deps;
  const route = (handler: Parameters<typeof consoleRoute>[2]) => consoleRoute(deps, { role: 'supervisor' }, handler);

  server.get(
    '/officer/api/campaigns',
    route(async (_req, res) => {
      const campaigns = await db.campaign.findMany({ orderBy: { launchedAt: 'desc' }, take: 50, select: { id: true } });
      const figures = [];
      for (const c of campaigns) figures.push(await campaignFigures(db, c.id));
      res.send(200, { campaigns: figures.filter(Boolean) });
    }),
  );

  server.get(
    '/officer/api/campaigns/options',
    route(async (_req, res) => {
      const creditors = await db.creditor.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
      res.send(200, { creditors, agingBuckets: AGING_BUCKETS });
    }),
  );

  server.post(
    '/officer/api/campaigns/preview',
    route(async (req, res) => {
      const input = parseBody(previewSchema, req.body);
      res.send(200, await previewCampaign(db, input, deps.words(), now()));
    }),
  );

  server.post(
    '/officer/api/campaigns',
    route(async (req, res, session) => {
      const input = parseBody(launchSchema, req.body);
      const launched = await launchCampaign(db, input, session.officer.id, deps.words(), now()).catch(refusal);
      res.send(201, launched);
    }),
  );

  server.get(
    '/officer/api/campaigns/:id',
    route(async (req, res) => {
      const figures = await campaignFigures(db, idParam(req));
      if (!figures) throw new ConsoleRefusal(404, 'There is no such campaign.');
      res.send(200, figures);
    }),
  );

  for (const action of ['pause', 'resume'] as const) {
    server.post(
      `/officer/api/campaigns/:id/${action}`,
      route(async (req, res, session) => {
        const id = idParam(req);
        await setCampaignStatus(db, id, action === 'pause' ? 'paused' : 'running', session.officer.id, now()).catch(refusal);
        res.send(200, await campaignFigures(db, id));
      }),
    );
  }

  server.get(
    '/officer/api/email-outbox',
    route(async (_req, res) => {
      const rows = await db.outboxMessage.findMany({ where: { channel: 'email' }, orderBy: { createdAt: 'desc' }, take: 50 });
      const emails = [];
      for (const row of rows) {
        const { email } = await deps.composeEmail(row);
        emails.push({
          id: row.id,
          to: row.to,
          kind: row.kind,
          status: row.status,
          note: row.deliveryStatus?.startsWith('held:') ? row.deliveryStatus.slice(5).replaceAll('_', ' ') : (row.lastError ?? null),
          createdAt: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
          nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
          subject: email.subject,
          text: email.text,
        });
      }
      res.send(200, { emails });
    }),
  );
}
