import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { MainDialog } from '../dialogs/mainDialog.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { loggableConversationId, type Logger } from './logger.ts';
import { DebtBot } from './bot/debtBot.ts';
import { TurnLockMiddleware } from './bot/turnLock.ts';
import { coordinationOf } from './db/coordination.ts';
import { TurnLoggingMiddleware } from './bot/turnLogging.ts';
import { languageOf } from './bot/language.ts';
import { collectorFromSettings, messagesFor, type CollectorInfo } from './messages/catalogue.ts';
import { TurnCommitMiddleware, TurnDeferredStorage } from './bot/turnCommit.ts';
import { journaledDb } from './bot/turnJournal.ts';
import { currentTurnUnit } from './bot/turnUnit.ts';
import { CONVERSATION_RECORD, type ConversationServices } from './bot/services.ts';
import type { Session } from './bot/session.ts';
import { TranscriptMiddleware } from './bot/transcriptMiddleware.ts';
import { DeterministicRecognizer } from './nlu/deterministicRecognizer.ts';
import { createRecognizer } from './nlu/createRecognizer.ts';
import { createHttpServer, type HttpServer } from './http/server.ts';
import { botEndpointMode, ServiceUrlGuard } from './http/botEndpoint.ts';
import { registerNoticeRoutes } from './notices/noticeRoutes.ts';
import { InProcessAdapter } from './bot/inProcessAdapter.ts';
import {
  createPaymentGateway,
  InstallmentScheduler,
  paymentSettingsFrom,
  registerPaymentRoutes,
  type PaymentGateway,
} from './payments/index.ts';
import { registerSmsRoutes, smsSenderFrom, type SmsRouteDeps } from './channels/sms/smsWebhook.ts';
import { registerDevSmsPage } from './channels/sms/devSmsPage.ts';
import { OutboxWorker } from './channels/sms/outboxWorker.ts';
import { createSmsProvider, smsFromNumber } from './channels/sms/providers.ts';
import { SmsDeliverer } from './channels/sms/smsDeliverer.ts';
import { registerDirectLineRoutes } from './channels/web/directLineRoutes.ts';
import { registerWebChatPage } from './channels/web/webChatPage.ts';
import { webDeliverer } from './channels/web/webDeliverer.ts';
import { registerConsoleRoutes, type ConsoleRoutes } from './officer/consoleRoutes.ts';
import { PLACEMENT_UPLOAD_PATH } from './officer/supervisorRoutes.ts';
import { registerConsolePage } from './officer/consolePage.ts';
import { NoticeSweep } from './notices/noticeSweep.ts';
import { registerRecordRoutes } from './record/recordPage.ts';
import { EmailDeliverer } from './channels/email/emailDeliverer.ts';
import { registerEmailRoutes } from './channels/email/emailRoutes.ts';
import { createEmailProvider, emailFrom, type EmailProvider } from './channels/email/providers.ts';
import { registerCampaignRoutes } from './officer/campaignRoutes.ts';
import { recordOutreachSent } from './outreach/firstContact.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
}

export interface App {
  http: HttpServer;
  adapter: CloudAdapter;
  /** Runs turns for our own channels (SMS, Direct Line). */
  inProcess: InProcessAdapter;
  /** Stripe, or the local demo checkout when no key is configured. */
  gateway: PaymentGateway;
  /** Charges due installments; started by the composition root. */
  scheduler: InstallmentScheduler;
  /** Delivers the outbox (SMS through the provider, web into Direct Line); started by the composition root. */
  outboxWorker: OutboxWorker;
  /** The email provider (console: the stored emails, shown in the console's email outbox). */
  emailProvider: EmailProvider;
  /** Requests a mailed validation notice for debtors who left before answering E-SIGN; started by the composition root. */
  noticeSweep: NoticeSweep;
  bot: DebtBot;
  services: ConversationServices;
  /** The officer console's API (its live streams end at shutdown). */
  console: ConsoleRoutes;
  /** Starts listening; links the bot sends use PUBLIC_URL, or the address it listens on. */
  listen(port: number, host: string): Promise<string>;
}

export function collectorFrom(config: Config): CollectorInfo {
  return collectorFromSettings(config);
}

export interface BotParts {
  bot: DebtBot;
  services: ConversationServices;
  /**
   * Turn middleware in order: logging, one turn at a time per conversation, the turn as one unit
   * of work (replays skipped, one commit at the end), redaction + transcript.
   */
  middleware: Middleware[];
  /** Logs a failed turn and tells the debtor (the adapters' onTurnError). */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

/** The bot and its services, independent of the adapter (tests drive it with a TestAdapter). */
export function buildBot({ config, db, logger, now = () => new Date() }: AppDeps & { now?: () => Date }): BotParts {
  // State is saved in the turn's commit (TurnDeferredStorage), conditional on the eTag the turn read:
  // the turn lock serializes a conversation's turns on every instance, and a stale save fails loudly.
  const conversationState = new ConversationState(new TurnDeferredStorage(db));
  const deterministic = new DeterministicRecognizer();
  const collector = collectorFrom(config);
  const onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, conversationId: loggableConversationId(context.activity.conversation?.id), conversation: context.turnState.get(CONVERSATION_RECORD) }, 'unhandled turn error');
    try {
      await context.sendActivity(messagesFor(languageOf(context)).technicalProblem(collector));
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not tell the debtor about the error');
    }
  };
  const services: ConversationServices = {
    // Writes of a keyed turn are journaled, so a re-run after a crash does not repeat them.
    db: journaledDb(db),
    recognizer: createRecognizer(config, logger, deterministic),
    localRecognizer: deterministic,
    collector,
    hashKey: config.IDENTITY_HASH_KEY,
    publicBaseUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`,
    verificationIdleMs: config.VERIFICATION_IDLE_MINUTES * 60_000,
    officeHours: config.OFFICER_HOURS,
    // One instant per turn (a re-run after a crash keeps the first attempt's).
    now: () => currentTurnUnit()?.now ?? now(),
    session: conversationState.createProperty<Session>('session'),
  };
  const mainDialog = new MainDialog(services, conversationState.createProperty<DialogState>('dialogState'));
  return {
    bot: new DebtBot(conversationState, mainDialog),
    services,
    middleware: [
      new TurnLoggingMiddleware(logger),
      new TurnLockMiddleware(coordinationOf(db), config.TURN_TIMEOUT_MS),
      new TurnCommitMiddleware(db, onTurnError, now),
      new TranscriptMiddleware(db),
    ],
    onTurnError,
  };
}

/** Wires the bot into the Bot Framework adapter and an HTTP server (not yet listening). */
export function createApp(deps: AppDeps): App {
  const { config, db, logger } = deps;
  const collector = collectorFrom(config);
  const { bot, services, middleware, onTurnError } = buildBot(deps);

  // No app id: /api/messages is off in production and open in development (Emulator, curl, bench).
  // With one, every request must carry a valid Bot Framework token, so the bot can also sit behind
  // Azure Bot Service. Our own channels' conversations are never reachable there (http/botEndpoint.ts).
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  });
  const adapter = new CloudAdapter(auth);
  const botEndpoint = botEndpointMode(config);
  if (botEndpoint === 'authenticated') adapter.use(new ServiceUrlGuard(logger));
  middleware.forEach((m) => adapter.use(m));
  // Our own channels (SMS, Direct Line) run turns in-process through the same middleware and bot.
  const inProcess = new InProcessAdapter(middleware, (context) => bot.run(context));
  adapter.onTurnError = onTurnError;
  inProcess.onTurnError = onTurnError;
  const smsDeps: SmsRouteDeps = { config, db, logger, adapter: inProcess };

  const publicBaseUrl = () => services.publicBaseUrl;
  const gateway = createPaymentGateway(config, { db, logger, publicBaseUrl });
  const paymentSettings = paymentSettingsFrom(config);
  const scheduler = new InstallmentScheduler({ db, gateway, logger, collector, publicBaseUrl, settings: paymentSettings });
  const emailProvider = createEmailProvider(config, logger);
  const emailDeliverer = new EmailDeliverer({
    db,
    provider: emailProvider,
    from: emailFrom(config),
    replyTo: config.EMAIL_REPLY_TO,
    collector,
    linkKey: config.IDENTITY_HASH_KEY,
    publicBaseUrl,
    logger,
  });
  // Receipts, reminders, officer messages, SMS replies and campaign texts and emails leave through one outbox.
  const outboxWorker = new OutboxWorker({
    db,
    logger,
    deliverers: {
      sms: new SmsDeliverer({ db, provider: createSmsProvider(config, logger), from: smsFromNumber(config), sender: smsSenderFrom(config), logger }),
      web: webDeliverer(db, { collectorName: config.COLLECTOR_NAME }),
      email: emailDeliverer,
    },
    smsWeeklyCap: config.SMS_WEEKLY_CAP,
    emailWeeklyCap: config.EMAIL_WEEKLY_CAP,
    afterSend: (message, at) => recordOutreachSent(db, message, at),
    intervalMs: config.OUTBOX_INTERVAL_MS,
    leaseMs: config.WORK_LEASE_SECONDS * 1000,
  });

  const noticeSweep = new NoticeSweep({ db, logger });
  let consoleRoutes: ConsoleRoutes | undefined;
  const http = createHttpServer({
    db,
    logger,
    adapter,
    bot,
    streamedBodyPaths: [PLACEMENT_UPLOAD_PATH],
    botEndpoint,
    routes: [
      (s) => registerNoticeRoutes(s, { db, collector }),
      (s) => registerRecordRoutes(s, { db, key: config.IDENTITY_HASH_KEY }),
      (s) => registerEmailRoutes(s, { db, logger, collector, linkKey: config.IDENTITY_HASH_KEY }),
      (s) => registerSmsRoutes(s, smsDeps),
      (s) => void registerDevSmsPage(s, smsDeps),
      (s) => registerPaymentRoutes(s, { db, logger, gateway, collector, publicBaseUrl, settings: paymentSettings }),
      (s) => registerDirectLineRoutes(s, { db, adapter: inProcess, config, logger, publicBaseUrl, options: { streamCatchUpMs: config.DIRECTLINE_STREAM_POLL_MS } }),
      (s) => registerWebChatPage(s, { config, publicBaseUrl }),
      (s) => registerConsolePage(s),
      (s) => {
        consoleRoutes = registerConsoleRoutes(s, {
          db,
          logger,
          hashKey: config.IDENTITY_HASH_KEY,
          secureCookies: (config.PUBLIC_URL ?? '').startsWith('https:'),
          now: () => new Date(),
          feedIntervalMs: config.CONSOLE_LIVE_INTERVAL_MS,
        });
      },
      (s) =>
        registerCampaignRoutes(s, {
          db,
          logger,
          secureCookies: (config.PUBLIC_URL ?? '').startsWith('https:'),
          now: () => new Date(),
          words: () => ({ collector, sender: smsSenderFrom(config), publicBaseUrl: publicBaseUrl() }),
          composeEmail: (message) => emailDeliverer.compose(message),
        }),
    ],
  });
  return {
    http,
    adapter,
    inProcess,
    bot,
    gateway,
    scheduler,
    outboxWorker,
    noticeSweep,
    emailProvider,
    services,
    console: consoleRoutes!,
    async listen(port, host) {
      const url = await http.listen(port, host);
      services.publicBaseUrl = config.PUBLIC_URL ?? url;
      return url;
    },
  };
}
