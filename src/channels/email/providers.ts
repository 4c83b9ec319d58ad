/**
 * The email provider port and its two implementations, like SMS: SMTP through nodemailer (any
 * mail relay: the agency's server, Amazon SES, Postmark, SendGrid… all speak SMTP), and the
 * embedded console provider (stores in memory, sends nothing; the outbox row is the durable record
 * and /dev/email shows it).
 */
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { ConfigError, type Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';

export interface EmailSendRequest {
  to: string;
  /** "Name <address>" */
  from: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** The one-click opt-out (RFC 2369 List-Unsubscribe with RFC 8058 List-Unsubscribe-Post). */
  unsubscribeUrl: string;
  /** Our reference for the message (the outbox id), in an X- header for bounces and support. */
  reference: string;
}

export interface EmailProvider {
  readonly name: string;
  /** Hands one email over; resolves with its Message-ID. Throws {@link EmailSendError}. */
  send(request: EmailSendRequest): Promise<{ providerRef: string }>;
}

/**
 * A failed send. `bounced`: the receiving side refused the address for good (SMTP 5xx for the
 * recipient): recorded as a bounce, never retried. Other permanent failures are not retried either.
 */
export class EmailSendError extends Error {
  readonly permanent: boolean;
  readonly bounced: boolean;
  readonly code?: string;
  constructor(message: string, options: { permanent: boolean; bounced?: boolean; code?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'EmailSendError';
    this.permanent = options.permanent;
    this.bounced = options.bounced ?? false;
    this.code = options.code;
  }
}

/** The headers every email carries for its opt-out (RFC 2369, RFC 8058). */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

// -------------------------------------------------------------------------------------------------
// SMTP

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the start (port 465); false: STARTTLS when the server offers it, required when requireTls. */
  secure: boolean;
  requireTls?: boolean;
  user?: string;
  password?: string;
  /** Per-connection time limit (ms). */
  timeoutMs?: number;
  /** Test servers with self-signed certificates only. */
  allowSelfSigned?: boolean;
}

export class SmtpEmailProvider implements EmailProvider {
  readonly name = 'smtp';
  private readonly transport: Transporter;

  constructor(options: SmtpOptions) {
    const timeout = options.timeoutMs ?? 30_000;
    this.transport = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: options.requireTls ?? false,
      ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      ...(options.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    });
  }

  async send(request: EmailSendRequest): Promise<{ providerRef: string }> {
    try {
      const info = await this.transport.sendMail({
        from: request.from,
        to: request.to,
        ...(request.replyTo ? { replyTo: request.replyTo } : {}),
        subject: request.subject,
        text: request.text,
        html: request.html,
        headers: { ...unsubscribeHeaders(request.unsubscribeUrl), 'X-Outbox-Reference': request.reference },
      });
      if ((info.rejected ?? []).length > 0) throw new EmailSendError('smtp: the recipient was refused', { permanent: true, bounced: true, code: 'EENVELOPE' });
      return { providerRef: info.messageId };
    } catch (error) {
      throw toSendError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

function toSendError(error: unknown): EmailSendError {
  if (error instanceof EmailSendError) return error;
  const { responseCode, code, message } = error as { responseCode?: number; code?: string; message?: string };
  // 5xx about the recipient (mailbox unknown, domain refuses): a bounce. 4xx and connection
  // problems pass (greylisting, a busy relay): retried. Other 5xx (auth, policy) need a person.
  if (typeof responseCode === 'number' && responseCode >= 500) {
    const bounced = code === 'EENVELOPE';
    return new EmailSendError(`smtp ${responseCode}${code ? ` ${code}` : ''}`, { permanent: true, bounced, code, cause: error });
  }
  return new EmailSendError(`smtp send failed${code ? ` (${code})` : ''}: ${String(message ?? error).slice(0, 200)}`, { permanent: false, code, cause: error });
}

// -------------------------------------------------------------------------------------------------
// Console

export interface ConsoleSentEmail extends EmailSendRequest {
  providerRef: string;
  at: Date;
}

/** The embedded default: nothing leaves the machine. Logged by reference, never the address or the text. */
export class ConsoleEmailProvider implements EmailProvider {
  readonly name = 'console';
  readonly sent: ConsoleSentEmail[] = [];
  constructor(private readonly logger?: Logger) {}

  async send(request: EmailSendRequest): Promise<{ providerRef: string }> {
    const providerRef = `<console-${randomUUID()}@localhost>`;
    this.sent.push({ ...request, providerRef, at: new Date() });
    if (this.sent.length > 200) this.sent.splice(0, this.sent.length - 200);
    this.logger?.info({ provider: this.name, providerRef, reference: request.reference }, 'email stored (console provider, not sent)');
    return { providerRef };
  }
}

// -------------------------------------------------------------------------------------------------
// Configuration

/** One "Configuration error: …" line per missing variable when EMAIL_PROVIDER=smtp. */
export function emailConfigProblems(config: Config): string[] {
  if (config.EMAIL_PROVIDER !== 'smtp') return [];
  const required: Array<[keyof Config, string]> = [
    ['SMTP_HOST', 'the mail relay host name, such as smtp.example.com'],
    ['EMAIL_FROM', 'the sender, such as "Summit Recovery Services <notices@summit.example>"'],
    ['PUBLIC_URL', 'the public address the links in emails point to, such as https://chat.example.com'],
  ];
  return required
    .filter(([name]) => !config[name])
    .map(([name, expected]) => `Configuration error: ${name} is missing — expected ${expected} (required when EMAIL_PROVIDER=smtp)`);
}

export function createEmailProvider(config: Config, logger: Logger): EmailProvider {
  const problems = emailConfigProblems(config);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  if (config.EMAIL_PROVIDER === 'smtp') {
    return new SmtpEmailProvider({
      host: config.SMTP_HOST!,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      requireTls: !config.SMTP_SECURE && config.NODE_ENV === 'production',
      user: config.SMTP_USER,
      password: config.SMTP_PASSWORD,
    });
  }
  return new ConsoleEmailProvider(logger);
}

/** Our sender: EMAIL_FROM, or the collector's name at a placeholder address (console provider only). */
export function emailFrom(config: Config): string {
  return config.EMAIL_FROM ?? `"${config.COLLECTOR_NAME.replace(/["\\]/g, '')}" <notices@localhost>`;
}
