import { z } from 'zod';
import { POSTGRES_URL, SQLITE_URL } from './db/databaseUrl.ts';
import { parseOfficeHours } from './domain/officeHours.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Every environment variable the service reads. `.env.example` documents each one. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'expected development, production or test' }).default('development'),
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z
    .url({ message: 'expected an absolute URL such as https://chat.example.com' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** file:… = SQLite (one instance, migrated at start); postgres://… = PostgreSQL (any number of instances; `npm run db:migrate` per deploy). */
  DATABASE_URL: z
    .string()
    .refine((url) => SQLITE_URL.test(url) || POSTGRES_URL.test(url), {
      message: 'expected a SQLite URL such as file:./data/bot.db or a PostgreSQL URL such as postgres://user:password@host:5432/debtbot',
    })
    .default('file:./data/bot.db'),
  /** PostgreSQL: connections in each instance's pool. */
  DATABASE_POOL_SIZE: z.coerce.number({ message: 'expected a whole number of connections' }).int().min(1).max(200).default(10),
  /** PostgreSQL: connections each instance may hold for the per-conversation turn locks (one per turn in progress). */
  DATABASE_LOCK_CONNECTIONS: z.coerce.number({ message: 'expected a whole number of connections' }).int().min(1).max(500).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'expected one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  /** Key for the keyed hashes of identity factors (date of birth, SSN last 4). Required in production. */
  IDENTITY_HASH_KEY: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().min(32, { message: 'expected a secret of at least 32 characters' }).optional(),
  ),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { message: 'expected MultiTenant, SingleTenant or UserAssignedMSI' }).default('MultiTenant'),
  COLLECTOR_NAME: z.string().min(1).default('Summit Recovery Services'),
  COLLECTOR_ADDRESS: z.string().min(1).default('100 Main Street, Suite 200, Atlanta, GA 30301'),
  COLLECTOR_PHONE: z.string().min(1).default('+1 (800) 555-0100'),
  COLLECTOR_HOURS: z.string().min(1).default('Monday to Friday, 8am to 8pm Eastern'),
  /** COLLECTOR_HOURS in Spanish, for Spanish pages, notices and messages. */
  COLLECTOR_HOURS_ES: z.string().min(1).default('de lunes a viernes, de 8 a. m. a 8 p. m., hora del Este'),
  /**
   * When officers answer chats, for what the bot tells a debtor waiting for a person (outside these
   * hours: when the team is back, not a wait in minutes): "Mon-Fri 08:00-20:00 America/New_York",
   * or "always". Keep it in line with COLLECTOR_HOURS.
   */
  OFFICER_HOURS: z
    .string()
    .default('Mon-Fri 08:00-20:00 America/New_York')
    .transform((value, ctx) => {
      if (value.trim().toLowerCase() === 'always') return null;
      try {
        return parseOfficeHours(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Import the demo placement file when the database has no accounts. */
  DEMO_DATA: bool.default(true),
  /** A verified debtor must verify again after this many minutes without a message. */
  VERIFICATION_IDLE_MINUTES: z.coerce.number({ message: 'expected minutes' }).int().positive().default(15),
  /** Signs the website chat's Direct Line tokens (HMAC-SHA256). Required in production; the development default is public. */
  DIRECTLINE_SECRET: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().min(32, { message: 'expected a secret of at least 32 characters' }).default('dev-only-directline-secret-do-not-use-in-production'),
  ),
  /** SMS provider: console (embedded default: stores and logs, plus the /dev/sms page) or twilio (the real REST API). */
  SMS_PROVIDER: z.enum(['console', 'twilio'], { message: 'expected console or twilio' }).default('console'),
  /** Twilio account; required when SMS_PROVIDER=twilio. The auth token also checks inbound webhook signatures. */
  TWILIO_ACCOUNT_SID: optionalText,
  TWILIO_AUTH_TOKEN: optionalText,
  /** The number our texts come from, E.164. Required when SMS_PROVIDER=twilio. */
  TWILIO_FROM_NUMBER: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().regex(/^\+[1-9]\d{6,14}$/, { message: 'expected an E.164 phone number such as +14045550100' }).optional(),
  ),
  /** Where the twilio client sends REST requests; unset = https://api.twilio.com (tests point it at a fake server). */
  TWILIO_API_BASE_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.url({ message: 'expected an absolute URL such as http://127.0.0.1:4010' }).transform((url) => url.replace(/\/+$/, '')).optional(),
  ),
  /** Most bot-initiated SMS per account in any 7 days (replies to the debtor's own texts do not count). */
  SMS_WEEKLY_CAP: z.coerce.number({ message: 'expected a whole number of messages' }).int().min(0).default(7),
  /**
   * How long an outbox message or an installment claimed by one instance stays with it; after that
   * another instance takes the work over (the first one died). Must outlast one send or charge.
   */
  WORK_LEASE_SECONDS: z.coerce.number({ message: 'expected seconds' }).int().min(2).max(3600).default(300),
  /** How often the outbox worker looks for messages due (ms). */
  OUTBOX_INTERVAL_MS: z.coerce.number({ message: 'expected milliseconds' }).int().positive().default(1000),
  /** How often open website chat streams check the database for activities they were not told about (the fallback behind notifications). */
  DIRECTLINE_STREAM_POLL_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(100).max(600_000).default(3000),
  /** How often the officer console's live views (queue, open conversation) look for changes. */
  CONSOLE_LIVE_INTERVAL_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(100).max(60_000).default(1000),
  /** The help contact phone in the SMS HELP answer; unset = COLLECTOR_PHONE. */
  SMS_HELP_PHONE: optionalText,
  /** Email provider: console (embedded default: stores, plus the /dev/email page) or smtp (a real mail relay through nodemailer). */
  EMAIL_PROVIDER: z.enum(['console', 'smtp'], { message: 'expected console or smtp' }).default('console'),
  /** The mail relay; required when EMAIL_PROVIDER=smtp. */
  SMTP_HOST: optionalText,
  SMTP_PORT: z.coerce.number({ message: 'expected a port number' }).int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); false: STARTTLS (required in production). */
  SMTP_SECURE: bool.default(false),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  /** The sender of our emails, e.g. "Summit Recovery Services <notices@summit.example>"; required when EMAIL_PROVIDER=smtp. */
  EMAIL_FROM: optionalText,
  /** Where replies to our emails go (unset: EMAIL_FROM). */
  EMAIL_REPLY_TO: optionalText,
  /** Most emails we start per account in any 7 days. */
  EMAIL_WEEKLY_CAP: z.coerce.number({ message: 'expected a whole number of messages' }).int().min(0).default(7),
  /** Stripe secret key (sk_test_… or sk_live_…). Unset = the local demo checkout, which takes no real money (refused in production). */
  STRIPE_SECRET_KEY: optionalText,
  /** Signing secret of the Stripe webhook endpoint (whsec_…); required with STRIPE_SECRET_KEY. Demo mode: unset = a random secret per start. */
  STRIPE_WEBHOOK_SECRET: optionalText,
  /** Where the Stripe SDK sends API requests (tests point it at a local fake server); unset = api.stripe.com:443 over https. */
  STRIPE_HOST: optionalText,
  STRIPE_PORT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number({ message: 'expected a port number' }).int().min(1, { message: 'expected a port number' }).max(65535, { message: 'expected a port number' }).optional(),
  ),
  STRIPE_PROTOCOL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.enum(['https', 'http'], { message: 'expected https or http' }).optional(),
  ),
  /** Days before each installment's due date that the debtor gets a reminder; 0 = no reminders. */
  PAYMENT_REMINDER_DAYS: z.coerce.number({ message: 'expected days' }).int().min(0).max(30).default(3),
  /** Charge attempts per installment (the first one plus retries after soft declines) before it counts as missed. */
  INSTALLMENT_MAX_ATTEMPTS: z.coerce.number({ message: 'expected a whole number' }).int().min(1).max(10).default(3),
  /** Hours before a soft-declined installment is tried again; doubles with each retry. */
  INSTALLMENT_RETRY_HOURS: z.coerce.number({ message: 'expected hours' }).int().min(1).max(24 * 14).default(24),
  /** How often the installment scheduler looks for due installments, reminders and refunds. */
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number({ message: 'expected seconds' }).int().min(1).default(60),
  /** Turns of one conversation wait at most this long for the previous one before failing. */
  TURN_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().positive().default(30_000),
  /** Optional OpenAI-compatible language model for intent recognition; unset = deterministic recognizer only. */
  OPENAI_API_KEY: optionalText,
  /** Any OpenAI-compatible server (e.g. http://localhost:8000/v1); unset = api.openai.com. */
  OPENAI_BASE_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.url({ message: 'expected an absolute URL such as https://api.openai.com/v1' }).optional(),
  ),
  OPENAI_MODEL: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().min(1).default('gpt-4o-mini')),
  /** The language model gets this long per message before the deterministic result is used. */
  OPENAI_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().positive().default(4000),
});

export type Config = z.infer<typeof configSchema> & { IDENTITY_HASH_KEY: string };

/** A development-only key: production refuses to start without IDENTITY_HASH_KEY. */
export const DEV_IDENTITY_HASH_KEY = 'dev-only-identity-hash-key-do-not-use-in-production';

export class ConfigError extends Error {}

/**
 * Parses the environment once. A bad or missing value throws a ConfigError whose message is one
 * line per problem, naming the variable and what it expects.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const given = env[name];
      return `Configuration error: ${name} ${given === undefined ? 'is missing' : 'is invalid'} — ${issue.message}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const config = result.data;
  if (config.MICROSOFT_APP_ID && !config.MICROSOFT_APP_PASSWORD && config.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
    throw new ConfigError('Configuration error: MICROSOFT_APP_PASSWORD is missing — expected the app password (client secret) that goes with MICROSOFT_APP_ID');
  }
  if (!config.IDENTITY_HASH_KEY && config.NODE_ENV === 'production') {
    throw new ConfigError('Configuration error: IDENTITY_HASH_KEY is missing — expected a secret of at least 32 characters (required when NODE_ENV=production)');
  }
  return { ...config, IDENTITY_HASH_KEY: config.IDENTITY_HASH_KEY ?? DEV_IDENTITY_HASH_KEY };
}
