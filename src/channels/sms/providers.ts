/**
 * The SMS provider port and its two implementations: the real Twilio REST client, and the embedded
 * console provider (stores and logs that it "sent", never sends). The port is deliberately small —
 * one `send` — so another carrier can be added: Twilio's messaging policy forbids third-party debt
 * collection over SMS in the US and Canada.
 */
import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import { ConfigError, type Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';

export interface SmsSendRequest {
  /** E.164 recipient. */
  to: string;
  /** E.164 sender (our number). */
  from: string;
  /** One part, final text (footer and numbering included). */
  body: string;
}

export interface SmsProvider {
  /** "twilio", "console", … (recorded in logs, never with the body or the number). */
  readonly name: string;
  /** Hands one text to the carrier; resolves with the carrier's id for it. Throws {@link SmsSendError}. */
  send(request: SmsSendRequest): Promise<{ providerRef: string }>;
  /**
   * The carrier's id of this exact text if the carrier already accepted it at or after `since`, or
   * null. Asked before sending again a part whose answer was never recorded (the process died while
   * the carrier held it), so an accepted part is never sent twice. Optional: without it, such a part
   * is sent again.
   */
  findAccepted?(request: SmsSendRequest, since: Date): Promise<{ providerRef: string } | null>;
}

/** A failed send. `permanent` failures (invalid number, unsubscribed recipient, …) are not retried. */
export class SmsSendError extends Error {
  readonly permanent: boolean;
  readonly status?: number;
  readonly code?: string;
  constructor(message: string, options: { permanent: boolean; status?: number; code?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'SmsSendError';
    this.permanent = options.permanent;
    this.status = options.status;
    this.code = options.code;
  }
}

// -------------------------------------------------------------------------------------------------
// Twilio

export interface TwilioProviderOptions {
  accountSid: string;
  authToken: string;
  /**
   * Where REST requests go instead of https://api.twilio.com (a fake server in tests, a proxy).
   * The twilio client has no base-URL option, but takes a custom `httpClient`: ours is twilio's own
   * RequestClient with the scheme, host and port of each request URI replaced.
   */
  apiBaseUrl?: string;
  /** Per-request time limit (ms). */
  timeoutMs?: number;
}

/** twilio's RequestClient, re-targeted at another base URL; everything else is the SDK's own code path. */
class RebasedRequestClient extends twilio.RequestClient {
  private readonly base: URL;
  constructor(baseUrl: string, options: ConstructorParameters<typeof twilio.RequestClient>[0]) {
    super(options);
    this.base = new URL(baseUrl);
  }
  override request<TData>(opts: Parameters<twilio.RequestClient['request']>[0] & { data?: TData }) {
    const original = new URL(opts.uri);
    const basePath = this.base.pathname.replace(/\/+$/, '');
    const uri = new URL(`${basePath}${original.pathname}${original.search}`, this.base.origin).href;
    return super.request<TData>({ ...opts, uri });
  }
}

/** Twilio error codes that mean "never deliverable as addressed": do not retry. */
const PERMANENT_TWILIO_CODES = new Set([21211, 21214, 21408, 21610, 21612, 21614, 21617, 30003, 30004, 30005, 30006]);

export class TwilioSmsProvider implements SmsProvider {
  readonly name = 'twilio';
  private readonly client: twilio.Twilio;

  constructor(options: TwilioProviderOptions) {
    const timeout = options.timeoutMs ?? 15_000;
    this.client = twilio(options.accountSid, options.authToken, {
      timeout,
      ...(options.apiBaseUrl ? { httpClient: new RebasedRequestClient(options.apiBaseUrl, { timeout }) } : {}),
    });
  }

  async send(request: SmsSendRequest): Promise<{ providerRef: string }> {
    try {
      const message = await this.client.messages.create({ to: request.to, from: request.from, body: request.body });
      return { providerRef: message.sid };
    } catch (error) {
      throw toSendError(error);
    }
  }

  /** Twilio's message list for this sender and recipient (newest first), matched on the exact body. */
  async findAccepted(request: SmsSendRequest, since: Date): Promise<{ providerRef: string } | null> {
    try {
      const messages = await this.client.messages.list({ to: request.to, from: request.from, limit: 50 });
      const match = messages.find((m) => m.body === request.body && m.dateCreated.getTime() >= since.getTime());
      return match ? { providerRef: match.sid } : null;
    } catch (error) {
      throw toSendError(error);
    }
  }
}

function toSendError(error: unknown): SmsSendError {
  if (error instanceof twilio.RestException) {
    const status = error.status;
    const code = error.code;
    // 4xx is about this request (bad number, unsubscribed, …) except auth, timeouts and rate limits.
    const permanent = (code !== undefined && PERMANENT_TWILIO_CODES.has(code)) || (status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status));
    return new SmsSendError(`twilio ${status}${code ? ` ${code}` : ''}: ${error.message}`, { permanent, status, code: code === undefined ? undefined : String(code), cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SmsSendError(`twilio request failed: ${message}`, { permanent: false, cause: error });
}

// -------------------------------------------------------------------------------------------------
// Console

export interface ConsoleSentMessage extends SmsSendRequest {
  providerRef: string;
  at: Date;
}

/**
 * The embedded default: nothing leaves the machine. Each text is kept in memory (the most recent
 * 500, for tests and the dev page) and logged by reference — never its body or the phone number.
 * The outbox row itself is the durable record.
 */
export class ConsoleSmsProvider implements SmsProvider {
  readonly name = 'console';
  readonly sent: ConsoleSentMessage[] = [];
  constructor(private readonly logger?: Logger) {}

  async send(request: SmsSendRequest): Promise<{ providerRef: string }> {
    const providerRef = `console-${randomUUID()}`;
    this.sent.push({ ...request, providerRef, at: new Date() });
    if (this.sent.length > 500) this.sent.splice(0, this.sent.length - 500);
    this.logger?.info({ provider: this.name, providerRef, length: request.body.length }, 'sms stored (console provider, not sent)');
    return { providerRef };
  }

  async findAccepted(request: SmsSendRequest, since: Date): Promise<{ providerRef: string } | null> {
    const match = [...this.sent].reverse().find((m) => m.to === request.to && m.from === request.from && m.body === request.body && m.at.getTime() >= since.getTime());
    return match ? { providerRef: match.providerRef } : null;
  }
}

// -------------------------------------------------------------------------------------------------
// Configuration

/** The sender number used when none is configured (console provider only). */
export const CONSOLE_FROM_NUMBER = '+15005550006';

/**
 * Cross-variable SMS configuration problems, one "Configuration error: …" line each (the same form
 * as loadConfig's). With SMS_PROVIDER=twilio the Twilio variables and PUBLIC_URL are required.
 */
export function smsConfigProblems(config: Config): string[] {
  if (config.SMS_PROVIDER !== 'twilio') return [];
  const required: Array<[keyof Config, string]> = [
    ['TWILIO_ACCOUNT_SID', 'the Twilio account SID (AC…)'],
    ['TWILIO_AUTH_TOKEN', 'the Twilio auth token (it also checks inbound webhook signatures)'],
    ['TWILIO_FROM_NUMBER', 'the E.164 number texts come from, such as +14045550100'],
    ['PUBLIC_URL', 'the public address Twilio calls, such as https://chat.example.com (webhook signatures are checked against it)'],
  ];
  return required
    .filter(([name]) => !config[name])
    .map(([name, expected]) => `Configuration error: ${name} is missing — expected ${expected} (required when SMS_PROVIDER=twilio)`);
}

/** The SMS provider the configuration asks for. Throws ConfigError when SMS_PROVIDER=twilio is incomplete. */
export function createSmsProvider(config: Config, logger: Logger): SmsProvider {
  const problems = smsConfigProblems(config);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  if (config.SMS_PROVIDER === 'twilio') {
    return new TwilioSmsProvider({ accountSid: config.TWILIO_ACCOUNT_SID!, authToken: config.TWILIO_AUTH_TOKEN!, apiBaseUrl: config.TWILIO_API_BASE_URL });
  }
  return new ConsoleSmsProvider(logger);
}

/** Our sending number. */
export function smsFromNumber(config: Config): string {
  return config.TWILIO_FROM_NUMBER ?? CONSOLE_FROM_NUMBER;
}
