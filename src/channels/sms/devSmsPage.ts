/**
 * GET /dev/sms — play the debtor's phone (console SMS provider only, never in production).
 *
 * A newcomer picks a demo phone number (from the accounts), types as the debtor, and sees the
 * thread: what the debtor sent (the stored transcript, so verification answers appear masked) and
 * every outbox text to that number with its status (pending, held until …, sent, cancelled, …),
 * refreshing every 1.5 seconds. Texts typed here are injected as if from Twilio but without the
 * signature check, so these routes exist only when SMS_PROVIDER=console and NODE_ENV is not
 * production:
 *
 *   GET  /dev/sms            the page
 *   GET  /dev/sms/app.js     its script (no inline script: the page's CSP is script-src 'self')
 *   GET  /dev/sms/phones     demo phone numbers  [{ phone, label, optedOut }]
 *   GET  /dev/sms/thread?phone=+1…               { phone, optedOut, messages: [...] }
 *   POST /dev/sms/inbound    { phone, text }  -> as an inbound text from that phone
 */
import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import type { Db } from '../../db/database.ts';
import { smsMessagesFor } from '../../messages/sms.ts';
import { processInboundSms } from './inbound.ts';
import { isE164, isSmsOptedOut, languageForMessage, smsConversationId } from './recipients.ts';
import { composeSmsParts } from './smsDeliverer.ts';
import { inboundDepsFrom, smsSenderFrom, type SmsRouteDeps } from './smsWebhook.ts';
import { CONSOLE_FROM_NUMBER, smsFromNumber } from './providers.ts';

export const DEV_SMS_PATH = '/dev/sms';

/** The dev page exists only with the console provider, outside production. */
export function devSmsPageEnabled(config: SmsRouteDeps['config']): boolean {
  return config.SMS_PROVIDER === 'console' && config.NODE_ENV !== 'production';
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
};

function send(res: restify.Response, status: number, contentType: string, body: string): void {
  const buffer = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': String(buffer.length) });
  res.end(buffer);
}

const json = (res: restify.Response, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

export interface ThreadMessage {
  at: string;
  direction: 'in' | 'out';
  /** Inbound: the stored (redacted, masked) text. Outbound: the parts as the phone gets them. */
  parts: string[];
  status?: string;
  kind?: string;
  botInitiated?: boolean;
  /** When a pending text is due (held for quiet hours or the weekly cap). */
  nextAttemptAt?: string;
  note?: string;
}

/** The SMS thread of one phone: inbound transcript messages and outbox texts, oldest first. */
export async function smsThread(db: Db, deps: SmsRouteDeps, phone: string): Promise<{ phone: string; optedOut: boolean; messages: ThreadMessage[] }> {
  const sender = smsSenderFrom(deps.config);
  const conversation = await db.conversation.findUnique({ where: { externalId: smsConversationId(phone) }, select: { id: true } });
  const inbound = conversation
    ? await db.message.findMany({ where: { conversationId: conversation.id, direction: 'in' }, orderBy: { createdAt: 'desc' }, take: 200 })
    : [];
  const outbox = await db.outboxMessage.findMany({ where: { channel: 'sms', to: phone }, orderBy: { createdAt: 'desc' }, take: 200 });
  const messages: ThreadMessage[] = inbound.map((m) => ({ at: m.createdAt.toISOString(), direction: 'in', parts: [m.text] }));
  for (const m of outbox) {
    const language = await languageForMessage(db, m);
    messages.push({
      at: m.createdAt.toISOString(),
      direction: 'out',
      parts: composeSmsParts(m.body, { botInitiated: m.botInitiated, footer: smsMessagesFor(language).footer(sender) }),
      status: m.status,
      kind: m.kind,
      botInitiated: m.botInitiated,
      nextAttemptAt: m.status === 'pending' ? m.nextAttemptAt.toISOString() : undefined,
      note: m.deliveryStatus?.startsWith('held:') ? m.deliveryStatus.slice(5).replace('_', ' ') : (m.lastError ?? undefined),
    });
  }
  messages.sort((a, b) => a.at.localeCompare(b.at) || (a.direction === 'in' ? -1 : 1));
  return { phone, optedOut: await isSmsOptedOut(db, phone), messages };
}

/** Registers the dev page when {@link devSmsPageEnabled}; returns whether it did. */
export function registerDevSmsPage(server: restify.Server, deps: SmsRouteDeps): boolean {
  if (!devSmsPageEnabled(deps.config)) return false;
  const { db, logger } = deps;
  const inbound = inboundDepsFrom(deps);
  const ourNumber = deps.config.TWILIO_FROM_NUMBER ? smsFromNumber(deps.config) : CONSOLE_FROM_NUMBER;

  server.get(DEV_SMS_PATH, async (_req: restify.Request, res: restify.Response) => send(res, 200, 'text/html; charset=utf-8', renderPage(deps.config.COLLECTOR_NAME)));
  server.get(`${DEV_SMS_PATH}/app.js`, async (_req: restify.Request, res: restify.Response) => send(res, 200, 'text/javascript; charset=utf-8', PAGE_SCRIPT));

  server.get(`${DEV_SMS_PATH}/phones`, async (_req: restify.Request, res: restify.Response) => {
    const accounts = await db.account.findMany({ where: { phone: { not: null } }, orderBy: { accountNumber: 'asc' }, take: 100, select: { accountNumber: true, firstName: true, lastName: true, phone: true, smsOptOut: true, timeZone: true } });
    json(res, 200, accounts.map((a) => ({ phone: a.phone, label: `${a.accountNumber} · ${a.firstName} ${a.lastName}${a.timeZone ? ` · ${a.timeZone}` : ''}`, optedOut: a.smsOptOut })));
  });

  server.get(`${DEV_SMS_PATH}/thread`, async (req: restify.Request, res: restify.Response) => {
    const phone = (new URL(req.url ?? '', 'http://localhost').searchParams.get('phone') ?? '').trim();
    if (!isE164(phone)) return json(res, 400, { error: 'phone must be an E.164 number such as +14045550101' });
    json(res, 200, await smsThread(db, deps, phone));
  });

  server.post(`${DEV_SMS_PATH}/inbound`, async (req: restify.Request, res: restify.Response) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const phone = typeof body.phone === 'string' ? body.phone.trim() : '';
    const text = typeof body.text === 'string' ? body.text : '';
    if (!isE164(phone)) return json(res, 400, { error: 'phone must be an E.164 number such as +14045550101' });
    if (!text.trim() || text.length > 1600) return json(res, 400, { error: 'text must be 1 to 1600 characters' });
    const messageSid = `SMdev${randomBytes(14).toString('hex')}`;
    const outcome = await processInboundSms(inbound, { messageSid, from: phone, to: ourNumber, body: text });
    logger.debug({ outcome }, 'dev sms injected');
    json(res, 200, { outcome, messageSid });
  });
  logger.info(`SMS dev page at ${DEV_SMS_PATH} (console provider: nothing is really sent)`);
  return true;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function renderPage(collectorName: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMS dev phone · ${escapeHtml(collectorName)}</title>
<style>
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #f3f4f6; color: #111827; }
  main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.35rem; margin: .5rem 0; }
  p.note { margin: 0 0 1rem; color: #374151; }
  label { font-weight: 600; display: block; margin-bottom: .25rem; }
  select, input, button { font: inherit; }
  select, input[type=text] { width: 100%; box-sizing: border-box; padding: .6rem; border: 2px solid #4b5563; border-radius: .4rem; background: #fff; color: #111827; }
  select:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  #thread { list-style: none; margin: 1rem 0; padding: .75rem; background: #fff; border: 1px solid #9ca3af; border-radius: .5rem; min-height: 16rem; max-height: 60vh; overflow-y: auto; }
  #thread li { margin: .5rem 0; display: flex; flex-direction: column; }
  #thread li.in { align-items: flex-end; }
  .bubble { max-width: 85%; padding: .5rem .75rem; border-radius: 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
  li.in .bubble { background: #1d4ed8; color: #fff; }
  li.out .bubble { background: #e5e7eb; color: #111827; }
  li.out .bubble + .bubble { margin-top: .25rem; }
  .meta { font-size: .8rem; color: #374151; margin-top: .15rem; }
  .status-cancelled .bubble, .status-failed .bubble { text-decoration: line-through; opacity: .75; }
  form { display: flex; gap: .5rem; align-items: flex-end; }
  form div { flex: 1; }
  button { padding: .6rem 1.1rem; border: 0; border-radius: .4rem; background: #1d4ed8; color: #fff; font-weight: 600; cursor: pointer; }
  button:disabled { background: #6b7280; cursor: wait; }
  #optout { font-weight: 600; color: #991b1b; }
  form + p.note { margin-top: .75rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<main>
  <h1>SMS dev phone</h1>
  <p class="note">Play a debtor texting ${escapeHtml(collectorName)}. Console provider: nothing is really sent. Replies appear once the outbox worker delivers them; bot-initiated texts may be held for quiet hours.</p>
  <label for="phone">Debtor's phone number</label>
  <select id="phone"></select>
  <p id="optout" role="status" hidden>This number has opted out: no texts will be sent to it. Text START to opt back in.</p>
  <h2 class="visually-hidden" id="thread-title">Conversation</h2>
  <ol id="thread" aria-labelledby="thread-title" aria-live="polite" aria-relevant="additions" tabindex="0"></ol>
  <form id="compose">
    <div>
      <label for="text">Text message</label>
      <input id="text" type="text" autocomplete="off" maxlength="1600" required>
    </div>
    <button type="submit" id="send">Send</button>
  </form>
  <p class="note">Try: hi · March 14 1985 · 30301 · HELP · STOP · START · agent</p>
</main>
<script src="${DEV_SMS_PATH}/app.js"></script>
</body>
</html>`;
}

const PAGE_SCRIPT = String.raw`'use strict';
(function () {
  var base = '${DEV_SMS_PATH}';
  var phoneSelect = document.getElementById('phone');
  var thread = document.getElementById('thread');
  var form = document.getElementById('compose');
  var input = document.getElementById('text');
  var button = document.getElementById('send');
  var optout = document.getElementById('optout');
  var lastRendered = '';

  function describe(m) {
    if (m.direction === 'in') return 'You';
    var parts = [m.botInitiated ? 'Bot-initiated' : 'Reply', m.status];
    if (m.status === 'pending' && m.nextAttemptAt) parts.push('due ' + new Date(m.nextAttemptAt).toLocaleString());
    if (m.note) parts.push(m.note);
    return parts.join(' · ');
  }

  function render(data) {
    var key = JSON.stringify(data);
    if (key === lastRendered) return;
    lastRendered = key;
    optout.hidden = !data.optedOut;
    var atBottom = thread.scrollTop + thread.clientHeight >= thread.scrollHeight - 8;
    thread.textContent = '';
    data.messages.forEach(function (m) {
      var li = document.createElement('li');
      li.className = m.direction + ' status-' + (m.status || 'received');
      m.parts.forEach(function (text) {
        var bubble = document.createElement('div');
        bubble.className = 'bubble';
        bubble.textContent = text;
        li.appendChild(bubble);
      });
      var meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = describe(m) + ' · ' + new Date(m.at).toLocaleTimeString();
      li.appendChild(meta);
      thread.appendChild(li);
    });
    if (atBottom) thread.scrollTop = thread.scrollHeight;
  }

  function refresh() {
    if (!phoneSelect.value) return Promise.resolve();
    return fetch(base + '/thread?phone=' + encodeURIComponent(phoneSelect.value))
      .then(function (r) { return r.json(); })
      .then(render)
      .catch(function () {});
  }

  fetch(base + '/phones').then(function (r) { return r.json(); }).then(function (phones) {
    phones.forEach(function (p) {
      var option = document.createElement('option');
      option.value = p.phone;
      option.textContent = p.phone + ' (' + p.label + ')';
      phoneSelect.appendChild(option);
    });
    var saved = sessionStorage.getItem('devSmsPhone');
    if (saved) phoneSelect.value = saved;
    refresh();
  });

  phoneSelect.addEventListener('change', function () {
    sessionStorage.setItem('devSmsPhone', phoneSelect.value);
    lastRendered = '';
    refresh();
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim() || !phoneSelect.value) return;
    button.disabled = true;
    fetch(base + '/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: phoneSelect.value, text: text })
    }).then(function () {
      input.value = '';
      return refresh();
    }).finally(function () {
      button.disabled = false;
      input.focus();
    });
  });

  setInterval(refresh, 1500);
})();
`;
