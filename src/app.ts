import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type TurnContext,
} from 'botbuilder';
import { MainDialog } from '../dialogs/mainDialog.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Logger } from './logger.ts';
import { DebtBot } from './bot/debtBot.ts';
import { KeyedLock, TurnLockMiddleware } from './bot/turnLock.ts';
import { TurnLoggingMiddleware } from './bot/turnLogging.ts';
import { languageOf } from './bot/language.ts';
import { messagesFor, type CollectorInfo } from './messages/catalogue.ts';
import { PrismaStorage } from './storage/prismaStorage.ts';
import { createHttpServer, type HttpServer } from './http/server.ts';
import { registerNoticeRoutes } from './notices/noticeRoutes.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
}

export interface App {
  http: HttpServer;
  adapter: CloudAdapter;
  bot: DebtBot;
}

export function collectorFrom(config: Config): CollectorInfo {
  return { name: config.COLLECTOR_NAME, phone: config.COLLECTOR_PHONE, hours: config.COLLECTOR_HOURS };
}

/** Wires services, the bot and the adapter into an HTTP server (not yet listening). */
export function createApp({ config, db, logger }: AppDeps): App {
  const collector = collectorFrom(config);
  const conversationState = new ConversationState(new PrismaStorage(db));
  const bot = new DebtBot(conversationState, new MainDialog(collector));

  // No app id: the endpoint is unauthenticated (local Web Chat, tests, Emulator). With one, every
  // request must carry a valid Bot Framework token, so the bot can also sit behind Azure Bot Service.
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  });
  const adapter = new CloudAdapter(auth);
  adapter.use(new TurnLoggingMiddleware(logger));
  adapter.use(new TurnLockMiddleware(new KeyedLock(), config.TURN_TIMEOUT_MS));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, conversationId: context.activity.conversation?.id }, 'unhandled turn error');
    try {
      await context.sendActivity(messagesFor(languageOf(context)).technicalProblem(collector));
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not tell the debtor about the error');
    }
  };

  const http = createHttpServer({ db, logger, adapter, bot, routes: [(s) => registerNoticeRoutes(s, { db, collector })] });
  return { http, adapter, bot };
}
