/**
 * POST /api/sms — Twilio's inbound-message webhook (application/x-www-form-urlencoded: From, To,
 * Body, MessageSid, …).
 *
 * - The X-Twilio-Signature is checked with the twilio package's validateRequest against the
 *   CONFIGURED address PUBLIC_URL + "/api/sms" (plus the request's own query string, if any) —
 *   never an address rebuilt from Host / X-Forwarded-* headers, which the caller controls. A
 *   missing or wrong signature, or no TWILIO_AUTH_TOKEN / PUBLIC_URL configured, answers 403 and
 *   changes nothing.
 * - The signed parameters are read from the raw form body (restify's bodyParser keeps it in
 *   req.rawBody; mapParams is off), so repeated or bracketed keys are validated exactly as sent.
 * - Then {@link processInboundSms}: a replayed MessageSid is ignored; STOP/START/HELP are handled
 *   before the bot; anything else is a bot turn whose replies go to the outbox.
 * - The answer is always an empty TwiML <Response/>: texts go out through the REST API from the
 *   outbox, never inline.
 */
import type restify from 'restify';
import twilio from 'twilio';
import type { InProcessAdapter } from '../../bot/inProcessAdapter.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { collectorFromSettings, type CollectorInfo } from '../../messages/catalogue.ts';
import type { SmsSender } from '../../messages/sms.ts';
import { processInboundSms, type InboundDeps } from './inbound.ts';

export const SMS_WEBHOOK_PATH = '/api/sms';
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export interface SmsRouteDeps {
  config: Config;
  db: Db;
  logger: Logger;
  /** Runs SMS turns: `new InProcessAdapter(parts.middleware, (context) => parts.bot.run(context))` from buildBot. */
  adapter: InProcessAdapter;
}

/** Collector facts the SMS texts use (COLLECTOR_NAME, SMS_HELP_PHONE or COLLECTOR_PHONE, SMS_WEEKLY_CAP). */
export function smsSenderFrom(config: Config): SmsSender {
  return { name: config.COLLECTOR_NAME, helpPhone: config.SMS_HELP_PHONE ?? config.COLLECTOR_PHONE, weeklyCap: config.SMS_WEEKLY_CAP };
}

export function collectorInfoFrom(config: Config): CollectorInfo {
  return collectorFromSettings(config);
}

export function inboundDepsFrom(deps: SmsRouteDeps): InboundDeps {
  return { db: deps.db, logger: deps.logger, adapter: deps.adapter, sender: smsSenderFrom(deps.config), collector: collectorInfoFrom(deps.config) };
}

/** The form parameters of a urlencoded body, as Twilio signed them (a repeated key gives an array). */
export function formParams(rawBody: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawBody)) {
    const existing = params[key];
    if (existing === undefined) params[key] = value;
    else params[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return params;
}

function sendTwiml(res: restify.Response, status: number, body: string): void {
  const buffer = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': status === 200 ? 'text/xml; charset=utf-8' : 'text/plain; charset=utf-8', 'Content-Length': String(buffer.length), 'Cache-Control': 'no-store' });
  res.end(buffer);
}

function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

export function registerSmsRoutes(server: restify.Server, deps: SmsRouteDeps): void {
  const { config, logger } = deps;
  const inbound = inboundDepsFrom(deps);
  let warnedUnconfigured = false;

  server.post(SMS_WEBHOOK_PATH, async (req: restify.Request, res: restify.Response) => {
    const authToken = config.TWILIO_AUTH_TOKEN;
    if (!authToken || !config.PUBLIC_URL) {
      if (!warnedUnconfigured) {
        warnedUnconfigured = true;
        logger.warn('POST /api/sms refused: set TWILIO_AUTH_TOKEN and PUBLIC_URL to accept signed Twilio webhooks');
      }
      sendTwiml(res, 403, 'Forbidden');
      return;
    }
    const isForm = req.getContentType() === 'application/x-www-form-urlencoded';
    const raw = (req as restify.Request & { rawBody?: unknown }).rawBody;
    const params = isForm && typeof raw === 'string' ? formParams(raw) : {};
    const signature = req.header('x-twilio-signature') ?? '';
    const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : '';
    const url = `${config.PUBLIC_URL}${SMS_WEBHOOK_PATH}${query}`;
    if (!isForm || !signature || !twilio.validateRequest(authToken, signature, url, params)) {
      logger.warn({ hasSignature: Boolean(signature) }, 'POST /api/sms refused: missing or invalid X-Twilio-Signature');
      sendTwiml(res, 403, 'Forbidden');
      return;
    }
    const outcome = await processInboundSms(inbound, {
      messageSid: single(params.MessageSid) || single(params.SmsSid),
      from: single(params.From).trim(),
      to: single(params.To).trim(),
      body: single(params.Body),
    });
    logger.info({ outcome }, 'inbound sms');
    sendTwiml(res, 200, EMPTY_TWIML);
  });
}
