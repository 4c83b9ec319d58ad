/**
 * The supervisor routes of the console API (officers get 403):
 *
 *   GET    /officer/api/reports                       the portfolio's figures (JSON)
 *   GET    /officer/api/reports.csv                   the same as CSV
 *   GET    /officer/api/reports/charts/:name          escalations.svg, aging.svg, collected.svg
 *   POST   /officer/api/placements                    placement CSV upload (NDJSON progress)
 *   GET    /officer/api/placements/guide              the columns: required, format, example
 *   GET    /officer/api/placements/template.csv       the header line, to fill in
 *   GET    /officer/api/placements/sample.csv         three fictional accounts in the format
 *   GET    /officer/api/admin/officers                console accounts
 *   POST   /officer/api/admin/officers                add one (a temporary password, shown once)
 *   POST   /officer/api/admin/officers/:id/disable    disable (sessions end at once)
 *   POST   /officer/api/admin/officers/:id/enable     enable again
 *   POST   /officer/api/admin/officers/:id/reset      a new temporary password (shown once)
 *   GET    /officer/api/admin/waiting-targets         waiting-time target per priority
 *   PUT    /officer/api/admin/waiting-targets         change them
 *   POST   /officer/api/admin/canned-replies          add a saved reply
 *   PUT    /officer/api/admin/canned-replies/:id      change one
 *   DELETE /officer/api/admin/canned-replies/:id      delete one
 */
import type restify from 'restify';
import { z } from 'zod';
import { appendAudit } from '../audit.ts';
import { importPlacements, PlacementFileError } from '../import/placements.ts';
import { cannedReplySchema, deleteCannedReply, saveCannedReply } from './cannedReplies.ts';
import { consoleRoute, idParam, parseBody, queryOf, type ConsoleHttpDeps } from './consoleHttp.ts';
import { createOfficer, listOfficers, newOfficerSchema, OfficerInputError, resetOfficerPassword, setOfficerDisabledById } from './officers.ts';
import { PLACEMENT_GUIDE, PLACEMENT_SAMPLE, PLACEMENT_TEMPLATE } from './placementGuide.ts';
import { ConsoleRefusal } from './refusal.ts';
import { agingChart, collectedChart, escalationsChart } from './reportCharts.ts';
import { reportCsv } from './reportCsv.ts';
import { buildReport, MAX_REPORT_RANGE_DAYS } from './reports.ts';
import { saveWaitingTargets, waitingTargets, waitingTargetsSchema } from './waitingTargets.ts';

export const PLACEMENT_UPLOAD_PATH = '/officer/api/placements';
/** Largest placement file accepted by the upload (about 100,000 rows). */
export const MAX_PLACEMENT_BYTES = 25 * 1024 * 1024;

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

const DISABLE_REFUSALS = {
  self: 'You cannot disable your own account. Ask another supervisor.',
} as const;

export function registerSupervisorRoutes(server: restify.Server, deps: ConsoleHttpDeps & { hashKey: string }): void {
  const { db, now } = deps;
  const route = (handler: Parameters<typeof consoleRoute>[2]) => consoleRoute(deps, { role: 'supervisor' }, handler);
  const csvDownload = (res: restify.Response, name: string, body: string) => {
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' });
    res.end(body);
  };

  server.get(
    '/officer/api/reports',
    route(async (req, res) => {
      res.send(200, await buildReport(db, reportRange(queryOf(req), now())));
    }),
  );

  server.get(
    '/officer/api/reports.csv',
    route(async (req, res) => {
      const range = reportRange(queryOf(req), now());
      const csv = reportCsv(await buildReport(db, range));
      csvDownload(res, `portfolio-report-${range.from.toISOString().slice(0, 10)}-to-${new Date(range.to.getTime() - 1).toISOString().slice(0, 10)}.csv`, csv);
    }),
  );

  server.get(
    '/officer/api/reports/charts/:name',
    route(async (req, res) => {
      const name = String(req.params.name);
      // Own keys only: "constructor" or "__proto__" must be a 404, not Object's (issue 10 fuzz).
      const chart = Object.hasOwn(CHARTS, name) ? CHARTS[name as keyof typeof CHARTS] : undefined;
      if (!chart) throw new ConsoleRefusal(404, `There is no chart named ${String(req.params.name)}.`);
      const svg = chart(await buildReport(db, reportRange(queryOf(req), now())));
      res.writeHead(200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
      res.end(svg);
    }),
  );

  server.get(
    '/officer/api/placements/guide',
    route(async (_req, res) => {
      res.send(200, { columns: PLACEMENT_GUIDE, maxBytes: MAX_PLACEMENT_BYTES });
    }),
  );
  server.get('/officer/api/placements/template.csv', route(async (_req, res) => csvDownload(res, 'placements-template.csv', PLACEMENT_TEMPLATE)));
  server.get('/officer/api/placements/sample.csv', route(async (_req, res) => csvDownload(res, 'placements-sample.csv', PLACEMENT_SAMPLE)));

  server.post(
    PLACEMENT_UPLOAD_PATH,
    route(async (req, res, session) => {
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

  server.get(
    '/officer/api/admin/officers',
    route(async (_req, res) => {
      res.send(200, { officers: await listOfficers(db) });
    }),
  );

  server.post(
    '/officer/api/admin/officers',
    route(async (req, res, session) => {
      const input = parseBody(newOfficerSchema, req.body);
      try {
        res.send(201, await createOfficer(db, input, session.officer.id));
      } catch (error) {
        if (error instanceof OfficerInputError) throw new ConsoleRefusal(409, error.message);
        throw error;
      }
    }),
  );

  for (const action of ['disable', 'enable'] as const) {
    server.post(
      `/officer/api/admin/officers/:id/${action}`,
      route(async (req, res, session) => {
        const result = await setOfficerDisabledById(db, idParam(req), action === 'disable', session.officer.id, now());
        if (!result) throw new ConsoleRefusal(404, 'There is no such console account.');
        if ('refused' in result) throw new ConsoleRefusal(409, DISABLE_REFUSALS[result.refused]);
        res.send(200, result);
      }),
    );
  }

  server.post(
    '/officer/api/admin/officers/:id/reset',
    route(async (req, res, session) => {
      const id = idParam(req);
      // It would sign this very session out before the temporary password could be read.
      if (id === session.officer.id) throw new ConsoleRefusal(409, 'You cannot reset your own password here. Ask another supervisor, or use npm run officer:add.');
      const result = await resetOfficerPassword(db, id, session.officer.id);
      if (!result) throw new ConsoleRefusal(404, 'There is no such console account.');
      res.send(200, result);
    }),
  );

  server.get(
    '/officer/api/admin/waiting-targets',
    route(async (_req, res) => {
      res.send(200, { targets: await waitingTargets(db) });
    }),
  );

  server.put(
    '/officer/api/admin/waiting-targets',
    route(async (req, res, session) => {
      res.send(200, { targets: await saveWaitingTargets(db, session.officer, parseBody(waitingTargetsSchema, req.body)) });
    }),
  );

  server.post(
    '/officer/api/admin/canned-replies',
    route(async (req, res, session) => {
      res.send(201, await saveCannedReply(db, session.officer, null, parseBody(cannedReplySchema, req.body)));
    }),
  );

  server.put(
    '/officer/api/admin/canned-replies/:id',
    route(async (req, res, session) => {
      res.send(200, await saveCannedReply(db, session.officer, idParam(req), parseBody(cannedReplySchema, req.body)));
    }),
  );

  server.del(
    '/officer/api/admin/canned-replies/:id',
    route(async (req, res, session) => {
      await deleteCannedReply(db, session.officer, idParam(req));
      res.send(200, { deleted: true });
    }),
  );
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
