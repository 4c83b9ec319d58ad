/**
 * Hostile HTTP requests for the fuzz suite, generated from a seed: the same seed gives the same
 * requests. Every request is one a server must refuse or answer without changing anything — a bad
 * body, a bad encoding, a forged credential, a path or query no route expects — so the suite can
 * assert that the database is unchanged afterwards. Where a real credential is used (a Direct Line
 * token, an officer session, a Twilio signature), the body is invalid by construction.
 */
import twilio from 'twilio';
import type { Rng } from '../domain/random.ts';

export interface Route {
  method: string;
  /** restify path pattern: ":param" and "*" are filled in. */
  path: string;
}

export interface FuzzContext {
  /** A started Direct Line conversation and a token for it. */
  directLine: { conversationId: string; token: string };
  /** A signed-in supervisor: the session cookie and its CSRF token. */
  officer: { cookie: string; csrf: string };
  twilio: { authToken: string; publicUrl: string };
  /** Origin of the service (for same-origin console requests). */
  origin: string;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What it is, for the failure message. */
  label: string;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function randomString(rng: Rng, length: number, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

function randomBytes(rng: Rng, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(rng() * 256);
  return out;
}

/** Strings no input should survive: control characters, lone surrogates, direction overrides, injections. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff x \ud83d',
  '\u202e\u2066evil\u2069',
  '\r\n\r\nHTTP/1.1 200 OK\r\n',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  "' OR '1'='1' --",
  '"; DROP TABLE Account; --',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\u00ff\u00fe',
  '🙂'.repeat(500),
  'A'.repeat(70_000),
  '4265 4591 5417 4437',
];

const PATH_VALUES = ['x', '0', '-1', '..', '%2e%2e', '..%2f..%2fetc%2fpasswd', '%00', '%zz', '%', 'a'.repeat(3000), '%F0%9F%99%82', '%E2%80%AE', '%3Cscript%3E', "'", '%22', 'null', 'undefined', '__proto__', 'constructor', 'a/b/c', '.', '~', '%C0%AF', '%ED%A0%80'];

const QUERIES = [
  '',
  '?watermark=-1',
  '?watermark=99999999999999999999',
  '?watermark=abc',
  '?watermark=1&watermark=2',
  '?watermark[]=1',
  '?%zz=%zz',
  '?t=garbage&watermark=0',
  '?from=2026-13-45&to=x',
  '?from=1900-01-01&to=2999-01-01',
  '?phone=%2B1&x=1',
  '?phone=%00',
  '?__proto__[x]=1',
  `?${'a=b&'.repeat(2000)}`,
  `?q=${'%41'.repeat(3000)}`,
];

/** JSON bodies that are invalid for every route that takes one (or not JSON at all). */
function hostileBody(rng: Rng): { body: string | Buffer; type?: string; label: string } {
  const choice = Math.floor(rng() * 16);
  switch (choice) {
    case 0:
      return { body: randomBytes(rng, 1 + Math.floor(rng() * 2000)), type: 'application/json', label: 'random bytes as JSON' };
    case 1:
      return { body: '{"type":"message","text":"unterminated', type: 'application/json', label: 'truncated JSON' };
    case 2:
      return { body: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, type: 'application/json', label: 'deeply nested JSON' };
    case 3:
      return { body: JSON.stringify({ pad: 'x'.repeat(600 * 1024) }), type: 'application/json', label: 'oversized JSON' };
    case 4:
      return { body: pick(rng, ['null', '1', '"x"', 'true', '[]', '[1,2,3]', '1e309', 'NaN', '-0', '{}']), type: 'application/json', label: 'a JSON primitive' };
    case 5:
      return { body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"type":"__proto__"}', type: 'application/json', label: 'prototype pollution' };
    case 6:
      return { body: Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x22, 0x00]), type: 'application/json; charset=utf-16', label: 'UTF-16 claimed' };
    case 7:
      return { body: Buffer.from('{"text":"\xc3\x28\xa0\xa1\xe2\x28\xa1"}', 'latin1'), type: 'application/json', label: 'invalid UTF-8 in JSON' };
    case 8:
      return { body: JSON.stringify({ type: pick(rng, NASTY_STRINGS), text: pick(rng, NASTY_STRINGS).slice(0, 100), conversation: pick(rng, [null, 1, [], 'x']) }), type: 'application/json', label: 'wrong field types' };
    case 9:
      return { body: '{"a":1,"a":2,"type":"message","type":"event"}', type: 'application/json', label: 'duplicate keys' };
    case 10:
      return { body: 'email=x&password=y&' + 'k=v&'.repeat(5000), type: 'application/x-www-form-urlencoded', label: 'a large form' };
    case 11:
      return { body: pick(rng, NASTY_STRINGS), type: 'text/plain', label: 'text' };
    case 12:
      return { body: '--b\r\nContent-Disposition: form-data; name="f"; filename="x.csv"\r\n\r\nx\r\n--b--\r\n', type: 'multipart/form-data; boundary=b', label: 'multipart' };
    case 13:
      return { body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', type: 'application/xml', label: 'XML entity' };
    case 14:
      return { body: JSON.stringify({ text: '\ud800'.repeat(10) + '\u0000', type: 'message' }).replace(/"type":"message"/, '"type":"message","attachments":[{}]'), type: 'application/json', label: 'surrogates with an attachment' };
    default:
      return { body: JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))), type: 'application/json', label: 'many keys' };
  }
}

/** Direct Line activities that the schema refuses (sent with a real token). */
const INVALID_ACTIVITIES: unknown[] = [
  { type: 'message' },
  { type: 'message', text: '   ' },
  { type: 'message', text: 'x'.repeat(2001) },
  { type: 'message', text: 'hi', attachments: [{ contentType: 'text/html', content: '<img src=x>' }] },
  { type: 'message', text: 'hi', locale: '../../etc' },
  { type: 'message', text: 5 },
  { type: 'typing' },
  { type: 'conversationUpdate', membersAdded: [{ id: 'x' }] },
  { type: 'event', name: '' },
  { type: 'event', name: 'x', value: 'v'.repeat(5000) },
  { type: 'message', text: 'hi', channelData: { clientActivityID: 'c'.repeat(101) } },
  { type: 'message', text: 'hi', from: { id: 'x'.repeat(101) } },
  { type: ['message'] },
  [],
];

/** Twilio form parameters that never run a turn: no MessageSid, or a sender that is not E.164. */
function invalidSmsParams(rng: Rng): Record<string, string> {
  const from = pick(rng, ['', 'abc', '+', '+0123456789', '12025550123', '+1 404 555 0101', '+1404555010199999', '\u0000', '+١٤٠٤٥٥٥٠١٠١']);
  const params: Record<string, string> = { AccountSid: 'AC0', To: '+14045550100', From: from, Body: pick(rng, NASTY_STRINGS).slice(0, 200) };
  if (rng() < 0.5) params.MessageSid = `SM${randomString(rng, 32, '0123456789abcdef')}`;
  return params;
}

const AUTHORIZATIONS = [
  undefined,
  '',
  'Bearer',
  'Bearer garbage',
  'Basic YWRtaW46YWRtaW4=',
  'Bearer eyJhbGciOiJub25lIn0.eyJjb252IjoieCJ9.',
  'Bearer eyJhbGciOiJIUzI1NiJ9.eyJjb252IjoieCIsInNjb3BlIjoiY29udmVyc2F0aW9uIiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJl',
  `Bearer ${'a'.repeat(8000)}`,
  'Bearer \u00ff\u00fe',
];

function fillPath(rng: Rng, route: Route, context: FuzzContext): string {
  const useRealConversation = route.path.includes(':conversationId') && rng() < 0.5;
  return route.path
    .replace(/:conversationId/g, () => (useRealConversation ? context.directLine.conversationId : pick(rng, PATH_VALUES)))
    .replace(/:[A-Za-z]+/g, () => (rng() < 0.3 ? randomString(rng, 25) : pick(rng, PATH_VALUES)))
    .replace(/\*/g, () => (rng() < 0.4 ? randomString(rng, 22) : pick(rng, PATH_VALUES)));
}

/** One hostile request for `route`. */
export function fuzzRequest(rng: Rng, route: Route, context: FuzzContext): FuzzRequest {
  const path = fillPath(rng, route, context) + (rng() < 0.5 ? pick(rng, QUERIES) : '');
  const headers: Record<string, string> = {};
  let method = route.method;
  let body: string | Buffer | undefined;
  const labels: string[] = [];

  // Sometimes another method than the route's, or a body where none belongs.
  if (rng() < 0.08) {
    method = pick(rng, ['PUT', 'PATCH', 'DELETE', 'TRACE', 'OPTIONS', 'GET', 'POST']);
    labels.push(`method ${method}`);
  }
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && method !== 'TRACE' && !(method === 'DELETE' && route.path === '/officer/api/session')) {
    const officerRoute = route.path.startsWith('/officer/api/');
    const directLineActivity = route.path.endsWith('/activities') && path.includes(context.directLine.conversationId);
    if (directLineActivity && rng() < 0.6) {
      body = JSON.stringify(pick(rng, INVALID_ACTIVITIES));
      headers['content-type'] = 'application/json';
      headers.authorization = `Bearer ${context.directLine.token}`;
      labels.push('invalid activity with a real token');
    } else if (route.path === '/api/sms' && rng() < 0.6) {
      const params = invalidSmsParams(rng);
      body = new URLSearchParams(params).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['x-twilio-signature'] = rng() < 0.7 ? twilio.getExpectedTwilioSignature(context.twilio.authToken, `${context.twilio.publicUrl}${path.slice(path.indexOf('/api/sms'))}`, params) : randomString(rng, 28);
      labels.push('signed SMS that cannot run a turn');
    } else if (officerRoute && route.path !== '/officer/api/session' && rng() < 0.5) {
      const hostile = hostileBody(rng);
      body = hostile.body;
      if (hostile.type) headers['content-type'] = hostile.type;
      headers.cookie = context.officer.cookie;
      headers['x-csrf-token'] = context.officer.csrf;
      headers.origin = context.origin;
      labels.push(`signed-in supervisor, ${hostile.label}`);
    } else if (route.path === '/dev/sms/inbound' && rng() < 0.5) {
      body = JSON.stringify({ phone: pick(rng, ['', '+1', 'abc', '+0404555', '404-555-0101']), text: pick(rng, NASTY_STRINGS) });
      headers['content-type'] = 'application/json';
      labels.push('dev SMS from an invalid phone');
    } else if (route.path === '/officer/api/session' && rng() < 0.5) {
      body = JSON.stringify(pick(rng, [{}, { email: 'x' }, { email: 'a@b.c' }, { email: 'a@b.c', password: '' }, { email: 'x'.repeat(300), password: 'p' }, { email: 'a@b.c', password: 'p'.repeat(1025) }, { email: 5, password: [] }]));
      headers['content-type'] = 'application/json';
      labels.push('sign-in body the schema refuses');
    } else {
      const hostile = hostileBody(rng);
      body = hostile.body;
      if (hostile.type) headers['content-type'] = hostile.type;
      labels.push(hostile.label);
    }
  }

  // Reads with real credentials reach further (a stream is cut after its headers by the runner).
  if (method === 'GET' && route.path.startsWith('/officer/api/') && rng() < 0.4) {
    headers.cookie = context.officer.cookie;
    labels.push('signed-in supervisor');
  }
  if (route.path.startsWith('/v3/directline/') && !headers.authorization && rng() < 0.5) {
    headers.authorization = `Bearer ${context.directLine.token}`;
    labels.push('real token');
  }

  // Hostile headers on top.
  const auth = pick(rng, AUTHORIZATIONS);
  if (auth !== undefined && !headers.authorization) headers.authorization = auth;
  if (rng() < 0.2 && !headers.cookie) headers.cookie = pick(rng, ['__Host-officer_session=forged', 'officer_session=' + 'x'.repeat(4000), `${context.officer.cookie}x`, '=;=;;', '\u00ff']);
  if (rng() < 0.15 && !headers['x-csrf-token']) headers['x-csrf-token'] = randomString(rng, 43);
  if (rng() < 0.15 && !headers.origin) headers.origin = pick(rng, ['https://evil.example', 'null', 'file://', context.origin]);
  if (rng() < 0.1) headers['content-encoding'] = pick(rng, ['gzip', 'deflate', 'br', 'identity, gzip', 'x-unknown']);
  if (rng() < 0.1) headers['stripe-signature'] = pick(rng, ['t=1,v1=abc', 't=x', randomString(rng, 200), '']);
  if (rng() < 0.1) headers['if-none-match'] = pick(rng, ['*', '"x"', 'W/"' + 'x'.repeat(2000) + '"']);
  if (rng() < 0.1) headers['accept-encoding'] = pick(rng, ['gzip;q=0', '*', 'br, zstd', '']);
  if (rng() < 0.05) headers['x-forwarded-for'] = pick(rng, ['127.0.0.1', '::1, 10.0.0.1', 'not an address']);
  // Cookies and CSRF tokens are only real together on requests whose body is invalid (above).
  if (headers['x-csrf-token'] === context.officer.csrf && body === undefined) delete headers['x-csrf-token'];

  return { method, path, headers, body, label: `${method} ${route.path}: ${labels.join(', ') || 'no body'}` };
}

/** Paths no route has. */
export function strayRequest(rng: Rng): FuzzRequest {
  const path = pick(rng, ['/', '/api', '/api/messages/x', '/v3/directline', '/v3/directline/conversations', '/officer/api', '/officer/api/unknown', '/.env', '/admin', '//', '/%2e%2e/etc/passwd', '/pay', '/notices', `/${randomString(rng, 2000)}`, '/healthz/x', '/webchat/../package.json']) + (rng() < 0.3 ? pick(rng, QUERIES) : '');
  const method = pick(rng, ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
  const hostile = hostileBody(rng);
  const withBody = method !== 'GET' && method !== 'OPTIONS';
  return { method, path, headers: withBody && hostile.type ? { 'content-type': hostile.type } : {}, body: withBody ? hostile.body : undefined, label: `${method} ${path.slice(0, 60)} (no such route)` };
}
