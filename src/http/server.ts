import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { isDatabaseReachable, type Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { activityProblem } from './activitySchema.ts';
import { refuseUndecodableBodies, wellFormedBody } from './bodyGuard.ts';
import { isLoopbackUrl, ownChannelRefusal, type BotEndpointMode } from './botEndpoint.ts';

export interface HttpServer {
  server: restify.Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting requests, waits for in-flight ones (turns) to finish, up to `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

interface HttpDeps {
  db: Db;
  logger: Logger;
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** Feature routes, registered after the built-in ones (e.g. the validation notice pages). */
  routes?: Array<(server: restify.Server) => void>;
  /** Paths whose handlers read the request body themselves (large uploads): the body parser skips them. */
  streamedBodyPaths?: string[];
  /** POST /api/messages: off, open (no app id, development) or authenticated (see botEndpoint.ts). Default open. */
  botEndpoint?: BotEndpointMode;
}

export function createHttpServer({ db, logger, adapter, bot, routes = [], streamedBodyPaths = [], botEndpoint = 'open' }: HttpDeps): HttpServer {
  const server = restify.createServer({ name: 'debt-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;
  const idleWaiters: Array<() => void> = [];

  server.pre((req, res, next) => {
    if (draining) {
      res.setHeader('Connection', 'close');
      res.send(503, { error: 'The server is restarting. Please retry in a few seconds.' });
      return next(false);
    }
    inFlight += 1;
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = performance.now();
    res.once('close', () => {
      inFlight -= 1;
      logger.debug({ requestId, method: req.method, path: req.getPath(), status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
      if (inFlight === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
    });
    return next();
  });
  server.pre(refuseUndecodableBodies);
  const streamed = new Set(streamedBodyPaths);
  for (const parse of restify.plugins.bodyParser({ mapParams: false, maxBodySize: 512 * 1024 })) {
    server.use((req, res, next) => (streamed.has(req.getPath()) ? next() : parse(req, res, next)));
  }
  server.use(wellFormedBody);

  if (botEndpoint !== 'off') {
    server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
      const problem = activityProblem(req.body);
      if (problem) {
        res.send(400, { error: problem });
        return;
      }
      const refusal = await ownChannelRefusal(db, req.body as object, botEndpoint);
      if (refusal) {
        res.send(403, { error: refusal });
        return;
      }
      if (botEndpoint === 'open' && !isLoopbackUrl((req.body as { serviceUrl?: unknown }).serviceUrl)) {
        res.send(400, { error: 'Without MICROSOFT_APP_ID, serviceUrl must be a loopback address such as http://127.0.0.1:9 (replies are only sent there).' });
        return;
      }
      await adapter.process(req, res, (context) => bot.run(context));
    });
  }

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const reachable = await isDatabaseReachable(db);
    res.send(reachable ? 200 : 503, { status: reachable ? 'ok' : 'degraded', database: reachable ? 'reachable' : 'unreachable' });
  });

  for (const register of routes) register(server);

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      });
    },
    async drain(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const idle = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          logger.warn({ inFlight }, 'shutdown timed out waiting for in-flight requests');
          server.server.closeAllConnections();
          resolve();
        }, timeoutMs);
      });
      await Promise.race([Promise.all([idle, closed]), timeout]);
      clearTimeout(timer);
    },
  };
}
