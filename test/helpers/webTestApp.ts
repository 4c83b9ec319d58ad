import type restify from 'restify';
import { buildBot } from '../../src/app.ts';
import { InProcessAdapter } from '../../src/bot/inProcessAdapter.ts';
import { registerDirectLineRoutes } from '../../src/channels/web/directLineRoutes.ts';
import { registerWebChatPage } from '../../src/channels/web/webChatPage.ts';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { createLogger } from '../../src/logger.ts';
import { startTestApp, type RunningApp } from './testApp.ts';

function hasRoute(server: restify.Server, method: string, path: string): boolean {
  const router = (server as unknown as { router: { getRoutes(): Record<string, { method: string; path: string }> } }).router;
  return Object.values(router.getRoutes()).some((route) => route.method === method && route.path === path);
}

/**
 * The whole service (startTestApp) with the demo accounts, plus the website chat: the Direct Line
 * endpoint and the chat page. When createApp already wires them (the composition root does), they
 * are used as wired; otherwise they are registered here, around the same bot and middleware.
 */
export async function startWebTestApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const running = await startTestApp(env);
  const { config, app } = running;
  const db = running.database.db;
  await seedDemoDataIfEmpty(db, config.IDENTITY_HASH_KEY);
  const server = app.http.server;
  const publicBaseUrl = () => app.services.publicBaseUrl;
  if (!hasRoute(server, 'POST', '/v3/directline/tokens/generate')) {
    const logger = createLogger('silent');
    const { bot, middleware } = buildBot({ config, db, logger });
    const adapter = new InProcessAdapter(middleware, (context) => bot.run(context));
    registerDirectLineRoutes(server, { db, adapter, config, logger, publicBaseUrl });
  }
  if (!hasRoute(server, 'GET', '/')) registerWebChatPage(server, { config, publicBaseUrl });
  return running;
}
