/**
 * A local fake of the Stripe API endpoints we use, in the real wire format (form-encoded requests
 * with bracketed keys, JSON responses, Stripe-style errors), on 127.0.0.1 at a random port. Point
 * the real `stripe` SDK at it with host/port/protocol (see `env`).
 *
 * Endpoints: POST /v1/customers, POST + GET /v1/checkout/sessions, POST + GET /v1/payment_intents,
 * POST /v1/refunds. Idempotency-Key semantics like Stripe: the same key with the same request
 * replays the first response (header Idempotent-Replayed: true); with a different request it is an
 * idempotency_error. Requests this API version rejects are rejected (payment_method_types on create
 * calls; confirm without return_url unless redirects are disallowed).
 *
 * Off-session outcomes follow Stripe's test payment methods (pm_card_visa succeeds,
 * pm_card_chargeDeclinedInsufficientFunds soft-declines, pm_card_chargeDeclinedStolenCard /
 * LostCard / ExpiredCard hard-decline, pm_card_authenticationRequired needs authentication), or a
 * failure queued with failNext(): card_declined (any decline code), authentication_required,
 * server_error (500, nothing created), drop_response (the charge happens, the response is lost),
 * processing (accepted, not final).
 * Every request is recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export type FakeFailure =
  | { kind: 'card_declined'; declineCode: string }
  | { kind: 'authentication_required' }
  | { kind: 'server_error' }
  /** The charge happens, the response is lost — and so are the next `replays` replays of its key. */
  | { kind: 'drop_response'; replays?: number }
  /** Accepted but not final (like a bank debit): status 'processing'; the outcome comes by webhook. */
  | { kind: 'processing' };

export interface FakeStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  body: Record<string, any>;
  rawBody: string;
  status: number;
  replayed: boolean;
}

type Obj = Record<string, any>;

export interface FakeStripe {
  baseUrl: string;
  port: number;
  secretKey: string;
  webhookSecret: string;
  /** Pass to loadConfig to point the app's StripeGateway here. */
  env: Record<string, string>;
  requests: FakeStripeRequest[];
  customers: Map<string, Obj>;
  sessions: Map<string, Obj>;
  paymentIntents: Map<string, Obj>;
  refunds: Map<string, Obj>;
  /** Holds every response back this long (to make concurrent clients overlap). */
  latencyMs: number;
  /** Queues failures for the next POST /v1/payment_intents calls (new requests only, not replays). */
  failNext(...failures: FakeFailure[]): void;
  /** The debtor pays on the hosted page: the session completes and its PaymentIntent succeeds. */
  completeSession(sessionId: string, options?: { paymentMethod?: string; paymentStatus?: 'paid' | 'unpaid' }): { session: Obj; paymentIntent: Obj };
  /** A Stripe event JSON body for `object`. */
  event(type: string, object: Obj, id?: string): { id: string; payload: string };
  /** The Stripe-Signature header for a body (with the fake's webhook secret unless given). */
  sign(payload: string, options?: { secret?: string; timestamp?: number }): string;
  /** PaymentIntents that moved money. */
  charges(): Obj[];
  close(): Promise<void>;
}

/** Parses Stripe's form encoding: a[b][0][c]=v → { a: { b: [ { c: 'v' } ] } }. */
export function parseStripeForm(raw: string): Obj {
  const root: Obj = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Obj = root;
    path.forEach((segment, i) => {
      if (i === path.length - 1) node[segment] = value;
      else node = node[segment] ??= {};
    });
  }
  const arrays = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const obj = value as Obj;
    const keys = Object.keys(obj);
    const converted = Object.fromEntries(keys.map((k) => [k, arrays(obj[k])]));
    if (keys.length > 0 && keys.every((k, i) => String(i) === k)) return keys.map((k) => converted[k]);
    return converted;
  };
  return arrays(root) as Obj;
}

const DECLINES: Record<string, { code: string; decline_code?: string } | 'authentication_required'> = {
  pm_card_authenticationRequired: 'authentication_required',
  pm_card_chargeDeclined: { code: 'card_declined', decline_code: 'generic_decline' },
  pm_card_chargeDeclinedInsufficientFunds: { code: 'card_declined', decline_code: 'insufficient_funds' },
  pm_card_chargeDeclinedStolenCard: { code: 'card_declined', decline_code: 'stolen_card' },
  pm_card_chargeDeclinedLostCard: { code: 'card_declined', decline_code: 'lost_card' },
  pm_card_chargeDeclinedExpiredCard: { code: 'expired_card' },
};

function invalid(message: string, param?: string, code?: string): { status: number; body: Obj } {
  return { status: 400, body: { error: { type: 'invalid_request_error', message, ...(param ? { param } : {}), ...(code ? { code } : {}) } } };
}

export async function startFakeStripe(options: { secretKey?: string; webhookSecret?: string } = {}): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? 'sk_test_fake_key_for_tests';
  const webhookSecret = options.webhookSecret ?? 'whsec_fake_secret_for_tests';
  const requests: FakeStripeRequest[] = [];
  const customers = new Map<string, Obj>();
  const sessions = new Map<string, Obj>();
  const paymentIntents = new Map<string, Obj>();
  const refunds = new Map<string, Obj>();
  const idempotent = new Map<string, { fingerprint: string; status: number; body: Obj }>();
  const failures: FakeFailure[] = [];
  const droppedReplays = new Map<string, number>();
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_fake${String(++counter).padStart(6, '0')}`;
  const created = () => Math.floor(Date.now() / 1000);

  function newIntent(fields: Obj): Obj {
    const intent = {
      id: nextId('pi'),
      object: 'payment_intent',
      amount: fields.amount,
      amount_received: fields.status === 'succeeded' ? fields.amount : 0,
      currency: fields.currency,
      customer: fields.customer ?? null,
      payment_method: fields.payment_method ?? null,
      status: fields.status,
      metadata: fields.metadata ?? {},
      description: fields.description ?? null,
      setup_future_usage: fields.setup_future_usage ?? null,
      latest_charge: fields.status === 'succeeded' ? nextId('ch') : null,
      last_payment_error: fields.last_payment_error ?? null,
      livemode: false,
      created: created(),
    };
    paymentIntents.set(intent.id, intent);
    return intent;
  }

  function createPaymentIntent(body: Obj): { status: number; body: Obj; drop?: boolean; dropReplays?: number } {
    if ('payment_method_types' in body) return invalid('Received unknown parameter: payment_method_types', 'payment_method_types');
    const amount = Number(body.amount);
    if (!Number.isInteger(amount) || amount <= 0) return invalid('Invalid positive integer', 'amount');
    if (typeof body.currency !== 'string' || !/^[a-z]{3}$/.test(body.currency)) return invalid('Invalid currency', 'currency');
    if (body.customer && !customers.has(body.customer)) return { status: 400, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such customer: '${body.customer}'`, param: 'customer' } } };
    if (body.off_session === 'true' && body.confirm !== 'true') return invalid('off_session can only be used when confirm=true', 'off_session');
    if (body.confirm === 'true') {
      if (!body.payment_method) return invalid('You must provide a payment_method to confirm', 'payment_method');
      if (!body.return_url && body.automatic_payment_methods?.allow_redirects !== 'never') {
        return invalid(
          "A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never`.",
        );
      }
    }
    const failure = failures.shift();
    if (failure?.kind === 'server_error') return { status: 500, body: { error: { type: 'api_error', message: 'An unknown error occurred' } } };
    const fields = { amount, currency: body.currency, customer: body.customer, payment_method: body.payment_method, metadata: body.metadata, description: body.description };
    const decline: (typeof DECLINES)[string] | undefined =
      failure?.kind === 'authentication_required' ? 'authentication_required'
      : failure?.kind === 'card_declined' ? { code: 'card_declined', decline_code: failure.declineCode }
      : DECLINES[String(body.payment_method)];
    if (decline) {
      const error =
        decline === 'authentication_required'
          ? { type: 'card_error', code: 'authentication_required', decline_code: 'authentication_required', message: 'Your card was declined. This transaction requires authentication.' }
          : { type: 'card_error', ...decline, message: 'Your card was declined.' };
      const intent = newIntent({ ...fields, status: 'requires_payment_method', last_payment_error: error });
      return { status: 402, body: { error: { ...error, payment_intent: intent, payment_method: { id: body.payment_method, object: 'payment_method' } } } };
    }
    const intent = newIntent({ ...fields, status: failure?.kind === 'processing' ? 'processing' : 'succeeded' });
    return { status: 200, body: intent, drop: failure?.kind === 'drop_response', dropReplays: failure?.kind === 'drop_response' ? (failure.replays ?? 0) : 0 };
  }

  function createSession(body: Obj): { status: number; body: Obj } {
    if ('payment_method_types' in body) return invalid('Received unknown parameter: payment_method_types', 'payment_method_types');
    if (!['payment', 'setup', 'subscription'].includes(body.mode)) return invalid('Missing required param: mode.', 'mode');
    if (!body.success_url) return invalid('Missing required param: success_url.', 'success_url');
    if (body.customer && !customers.has(body.customer)) return { status: 400, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such customer: '${body.customer}'`, param: 'customer' } } };
    const items: Obj[] = Array.isArray(body.line_items) ? body.line_items : [];
    if (body.mode === 'payment' && items.length === 0) return invalid('line_items is required in payment mode', 'line_items');
    let total = 0;
    for (const item of items) {
      const unit = Number(item.price_data?.unit_amount);
      const quantity = Number(item.quantity);
      if (!Number.isInteger(unit) || unit < 0 || !Number.isInteger(quantity) || quantity < 1) return invalid('Invalid line item', 'line_items');
      if (!item.price_data?.product_data?.name) return invalid('Missing product name', 'line_items');
      if (item.price_data.currency !== items[0]?.price_data?.currency) return invalid('Line items must share one currency', 'line_items');
      total += unit * quantity;
    }
    const sfu = body.payment_intent_data?.setup_future_usage;
    if (sfu !== undefined && !['on_session', 'off_session'].includes(sfu)) return invalid('Invalid setup_future_usage', 'payment_intent_data[setup_future_usage]');
    const id = nextId('cs_test');
    const session = {
      id,
      object: 'checkout.session',
      mode: body.mode,
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: total,
      amount_total: total,
      currency: items[0]?.price_data?.currency ?? null,
      customer: body.customer ?? null,
      client_reference_id: body.client_reference_id ?? null,
      metadata: body.metadata ?? {},
      locale: body.locale ?? null,
      submit_type: body.submit_type ?? null,
      success_url: body.success_url,
      cancel_url: body.cancel_url ?? null,
      payment_intent: null,
      url: `https://checkout.stripe.test/c/pay/${id}`,
      livemode: false,
      created: created(),
      expires_at: created() + 24 * 3600,
    };
    sessions.set(id, { ...session, _lineItems: items, _paymentIntentData: body.payment_intent_data ?? {} });
    return { status: 200, body: session };
  }

  function publicSession(stored: Obj): Obj {
    const { _lineItems, _paymentIntentData, ...session } = stored;
    return session;
  }

  function createRefund(body: Obj): { status: number; body: Obj } {
    const intent = paymentIntents.get(body.payment_intent);
    if (!intent) return { status: 400, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${body.payment_intent}'`, param: 'payment_intent' } } };
    if ([...refunds.values()].some((r) => r.payment_intent === intent.id)) {
      return { status: 400, body: { error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' } } };
    }
    const refund = { id: nextId('re'), object: 'refund', amount: intent.amount_received, currency: intent.currency, payment_intent: intent.id, reason: body.reason ?? null, status: 'succeeded', created: created() };
    refunds.set(refund.id, refund);
    return { status: 200, body: refund };
  }

  function route(method: string, path: string, body: Obj): { status: number; body: Obj; drop?: boolean; dropReplays?: number } {
    if (method === 'POST' && path === '/v1/customers') {
      const customer = { id: nextId('cus'), object: 'customer', metadata: body.metadata ?? {}, email: body.email ?? null, name: body.name ?? null, livemode: false, created: created() };
      customers.set(customer.id, customer);
      return { status: 200, body: customer };
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(body);
    if (method === 'POST' && path === '/v1/payment_intents') return createPaymentIntent(body);
    if (method === 'POST' && path === '/v1/refunds') return createRefund(body);
    const session = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && session) {
      const stored = sessions.get(decodeURIComponent(session[1] ?? ''));
      return stored ? { status: 200, body: publicSession(stored) } : { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such checkout.session' } } };
    }
    const intent = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === 'GET' && intent) {
      const stored = paymentIntents.get(decodeURIComponent(intent[1] ?? ''));
      return stored ? { status: 200, body: stored } : { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent' } } };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` } } };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      const body = method === 'GET' ? parseStripeForm(url.search.slice(1)) : parseStripeForm(rawBody);
      const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const stripeVersion = (req.headers['stripe-version'] as string | undefined) ?? null;
      const record: FakeStripeRequest = { method, path: url.pathname, idempotencyKey, stripeVersion, body, rawBody, status: 0, replayed: false };
      requests.push(record);
      const reply = (status: number, json: Obj, headers: Record<string, string> = {}) => {
        record.status = status;
        const text = JSON.stringify(json);
        if (fake.latencyMs > 0) {
          setTimeout(() => {
            if (res.destroyed) return;
            res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'request-id': `req_fake_${counter}`, ...headers });
            res.end(text);
          }, fake.latencyMs);
          return;
        }
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'request-id': `req_fake_${counter}`, ...headers });
        res.end(text);
      };
      if (req.headers.authorization !== `Bearer ${secretKey}`) {
        reply(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
        return;
      }
      const fingerprint = `${method} ${url.pathname} ${rawBody}`;
      if (method === 'POST' && idempotencyKey) {
        const saved = idempotent.get(idempotencyKey);
        if (saved) {
          if (saved.fingerprint !== fingerprint) {
            reply(400, { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.` } });
            return;
          }
          record.replayed = true;
          const drops = droppedReplays.get(idempotencyKey) ?? 0;
          if (drops > 0) {
            droppedReplays.set(idempotencyKey, drops - 1);
            record.status = -1;
            res.socket?.destroy();
            return;
          }
          reply(saved.status, saved.body, { 'idempotent-replayed': 'true', 'idempotency-key': idempotencyKey });
          return;
        }
      }
      const result = route(method, url.pathname, body);
      if (method === 'POST' && idempotencyKey && result.status !== 500) idempotent.set(idempotencyKey, { fingerprint, status: result.status, body: result.body });
      if (result.drop) {
        if (idempotencyKey && result.dropReplays) droppedReplays.set(idempotencyKey, result.dropReplays);
        record.status = -1;
        res.socket?.destroy();
        return;
      }
      reply(result.status, result.body, result.status === 500 ? { 'stripe-should-retry': 'false' } : {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeStripe = {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    latencyMs: 0,
    secretKey,
    webhookSecret,
    env: { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_HOST: '127.0.0.1', STRIPE_PORT: String(port), STRIPE_PROTOCOL: 'http' },
    requests,
    customers,
    sessions,
    paymentIntents,
    refunds,
    failNext(...more) {
      failures.push(...more);
    },
    completeSession(sessionId, opts = {}) {
      const stored = sessions.get(sessionId);
      if (!stored) throw new Error(`no session ${sessionId}`);
      const data = stored._paymentIntentData as Obj;
      let customer = stored.customer as string | null;
      if (!customer && data.setup_future_usage) {
        customer = nextId('cus');
        customers.set(customer, { id: customer, object: 'customer', metadata: {}, livemode: false, created: created() });
      }
      const paid = (opts.paymentStatus ?? 'paid') === 'paid';
      const intent = newIntent({
        amount: stored.amount_total,
        currency: stored.currency,
        customer,
        payment_method: opts.paymentMethod ?? 'pm_card_visa',
        metadata: data.metadata ?? {},
        description: data.description,
        setup_future_usage: data.setup_future_usage,
        status: paid ? 'succeeded' : 'processing',
      });
      Object.assign(stored, { status: 'complete', payment_status: paid ? 'paid' : 'unpaid', payment_intent: intent.id, customer, url: null });
      return { session: publicSession(stored), paymentIntent: { ...intent } };
    },
    event(type, object, id) {
      const eventId = id ?? nextId('evt');
      const payload = JSON.stringify({
        id: eventId,
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: created(),
        data: { object },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      });
      return { id: eventId, payload };
    },
    sign(payload, opts = {}) {
      return Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? webhookSecret, ...(opts.timestamp ? { timestamp: opts.timestamp } : {}) });
    },
    charges() {
      return [...paymentIntents.values()].filter((pi) => pi.status === 'succeeded');
    },
    close() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return fake;
}
