/**
 * A local fake of Twilio's Programmable Messaging REST API: `POST /2010-04-01/Accounts/:sid/Messages.json`
 * in the real wire format (HTTP Basic auth with the account SID and auth token, a form-encoded body
 * with To, From, Body; a 201 JSON Message resource, or Twilio's JSON error body), on 127.0.0.1 at a
 * random port. Point the real `twilio` client at `baseUrl` (TWILIO_API_BASE_URL).
 *
 * - Every request is recorded (path, headers, form fields, whether auth matched) before answering.
 * - `failNext(count, failure)` answers the next `count` message requests with an error
 *   (e.g. { status: 500 } or { status: 400, code: 21211, message: "The 'To' number … is not valid" }).
 * - `delayMs` holds every answer back (for concurrency tests).
 * - `hangAfterAccept(count)`: the next `count` messages are accepted (listed, counted) but never
 *   answered — the carrier took the text and the sender died waiting (crash tests).
 * - `GET …/Messages.json?To=&From=&PageSize=` lists accepted messages, newest first.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTwilioRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  accountSid: string;
  /** The form fields as sent. */
  form: Record<string, string>;
  authorized: boolean;
  /** The sid we answered with (only for accepted messages). */
  sid?: string;
}

export interface FakeTwilioFailure {
  status: number;
  code?: number;
  message?: string;
}

export interface FakeTwilio {
  /** e.g. http://127.0.0.1:54321 — pass as TWILIO_API_BASE_URL. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  requests: FakeTwilioRequest[];
  /** Accepted messages only. */
  readonly messages: FakeTwilioRequest[];
  failNext(count: number, failure: FakeTwilioFailure): void;
  hangAfterAccept(count: number): void;
  delayMs: number;
  close(): Promise<void>;
}

function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

function twilioError(status: number, code: number, message: string): string {
  return JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

export async function startFakeTwilio(options: { accountSid?: string; authToken?: string } = {}): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const requests: FakeTwilioRequest[] = [];
  const failures: FakeTwilioFailure[] = [];
  const state = { delayMs: 0, hang: 0 };
  const accepted: Array<Record<string, unknown>> = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(url.pathname);
        const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
        const record: FakeTwilioRequest = {
          method: req.method ?? '',
          path: url.pathname,
          headers: req.headers,
          accountSid: match?.[1] ?? '',
          form,
          authorized: req.headers.authorization === expectedAuth,
        };
        requests.push(record);
        if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
        const reply = (status: number, body: string) => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'twilio-request-id': `RQ${randomBytes(16).toString('hex')}` });
          res.end(body);
        };
        if (!match || (req.method !== 'POST' && req.method !== 'GET')) return reply(404, twilioError(404, 20404, 'The requested resource was not found'));
        if (!record.authorized || record.accountSid !== accountSid) return reply(401, twilioError(401, 20003, 'Authenticate'));
        if (req.method === 'GET') {
          const to = url.searchParams.get('To');
          const from = url.searchParams.get('From');
          const pageSize = Number(url.searchParams.get('PageSize') ?? 50);
          const list = accepted.filter((m) => (!to || m.to === to) && (!from || m.from === from)).reverse().slice(0, pageSize);
          const uri = `${url.pathname}${url.search}`;
          return reply(200, JSON.stringify({ messages: list, uri, first_page_uri: uri, next_page_uri: null, previous_page_uri: null, page: 0, page_size: pageSize, start: 0, end: Math.max(0, list.length - 1) }));
        }
        if (!form.To) return reply(400, twilioError(400, 21604, "A 'To' phone number is required."));
        if (!form.From && !form.MessagingServiceSid) return reply(400, twilioError(400, 21603, "A 'From' phone number is required."));
        if (!form.Body && !form.MediaUrl) return reply(400, twilioError(400, 21602, 'Message body is required.'));
        const failure = failures.shift();
        if (failure) return reply(failure.status, twilioError(failure.status, failure.code ?? (failure.status >= 500 ? 20500 : 21211), failure.message ?? 'Fake failure'));

        const sid = `SM${randomBytes(16).toString('hex')}`;
        record.sid = sid;
        const now = rfc2822(new Date());
        const resource = {
          account_sid: accountSid,
          api_version: '2010-04-01',
          body: form.Body,
          date_created: now,
          date_sent: null,
          date_updated: now,
          direction: 'outbound-api',
          error_code: null,
          error_message: null,
          from: form.From ?? null,
          messaging_service_sid: form.MessagingServiceSid ?? null,
          num_media: '0',
          num_segments: '1',
          price: null,
          price_unit: 'USD',
          sid,
          status: 'queued',
          subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
          to: form.To,
          uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
        };
        accepted.push(resource);
        if (state.hang > 0) {
          state.hang -= 1;
          return; // accepted, never answered
        }
        reply(201, JSON.stringify(resource));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    requests,
    get messages() {
      return requests.filter((r) => r.sid);
    },
    failNext(count, failure) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    hangAfterAccept(count) {
      state.hang += count;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
