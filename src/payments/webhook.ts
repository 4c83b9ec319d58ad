/**
 * POST /webhooks/stripe — Stripe's events (and the demo checkout's, which are built the same way).
 *
 * The Stripe-Signature header is verified over the exact raw body (restify's bodyParser keeps the
 * unparsed text in req.rawBody); anything unsigned, tampered with, signed with another secret or too
 * old is answered 400 and changes nothing. Each event is applied exactly once: its id is inserted
 * into ProcessedEvent ("stripe:<event id>") in the same transaction as its effect. Events can arrive
 * in any order: payments are keyed by their PaymentIntent, so checkout.session.completed and
 * payment_intent.succeeded for the same payment record it once, whichever comes first.
 */
import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import type Stripe from 'stripe';
import { z } from 'zod';
import { appendAudit } from '../audit.ts';
import type { Db, Tx } from '../db/database.ts';
import { queueHandoffIn } from '../handoff/queue.ts';
import type { Logger } from '../logger.ts';
import { classifyDecline, WebhookSignatureError, type PaymentGateway } from './gateway.ts';
import {
  applyOffSessionFailure,
  applySucceededPayment,
  asPayLinkPurpose,
  conversationRowId,
  notifyPaymentFailed,
  parsePaymentMetadata,
  recordPendingPayment,
  type LedgerContext,
  type ParsedMetadata,
} from './ledger.ts';
import type { PaymentSettings } from './settings.ts';
import { onceInTransaction } from '../db/transactions.ts';

export interface WebhookDeps {
  db: Db;
  gateway: PaymentGateway;
  logger: Logger;
  ledger: LedgerContext;
  settings: Pick<PaymentSettings, 'maxAttempts' | 'retryBaseMs'>;
  now?: () => Date;
}

export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored';

const ref = z
  .union([z.string(), z.object({ id: z.string() })])
  .nullish()
  .transform((v) => (v == null ? null : typeof v === 'string' ? v : v.id));
const metadata = z.record(z.string(), z.string()).nullish();
const paymentError = z
  .object({ code: z.string().nullish(), decline_code: z.string().nullish(), advice_code: z.string().nullish() })
  .nullish();

const sessionSchema = z.object({
  id: z.string(),
  mode: z.string().nullish(),
  payment_status: z.string().nullish(),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  customer: ref,
  payment_intent: ref,
  metadata,
});
const intentSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  amount_received: z.number().int().nullish(),
  currency: z.string(),
  status: z.string().nullish(),
  customer: ref,
  payment_method: ref,
  metadata,
  last_payment_error: paymentError,
});
const disputeSchema = z.object({
  id: z.string(),
  amount: z.number().int().nullish(),
  currency: z.string().nullish(),
  reason: z.string().nullish(),
  status: z.string().nullish(),
  payment_intent: ref,
  charge: ref,
});

/** Applies one verified event. Throws on a database failure (the caller answers 500, Stripe retries). */
export async function processStripeEvent(deps: WebhookDeps, event: Stripe.Event): Promise<WebhookOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  const eventId = `stripe:${event.id}`;
  const object: unknown = event.data.object;
  const log = deps.logger.child({ eventId: event.id, eventType: event.type });

  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed': {
      const parsed = sessionSchema.safeParse(object);
      const meta = parsed.success ? parsePaymentMetadata(parsed.data.metadata) : null;
      if (!parsed.success || !meta || parsed.data.mode !== 'payment') return 'ignored';
      const session = parsed.data;
      if (event.type === 'checkout.session.async_payment_failed') {
        return outcome(await onceInTransaction(deps.db, eventId, 'stripe', (tx) => checkoutFailed(tx, deps, session, meta, now)));
      }
      if (event.type === 'checkout.session.completed' && session.payment_status === 'unpaid' && session.payment_intent && session.amount_total != null && session.currency) {
        // A delayed payment method: async_payment_succeeded / _failed follows.
        const pending = { provider: deps.gateway.provider, providerRef: session.payment_intent, amount: session.amount_total, currency: session.currency, metadata: meta };
        return outcome(await onceInTransaction(deps.db, eventId, 'stripe', (tx) => recordPendingPayment(tx, pending)));
      }
      if (session.payment_status !== 'paid' || session.amount_total == null || !session.currency) return 'ignored';
      if (await alreadyProcessed(deps.db, eventId)) return 'duplicate';
      // The session does not carry the card; the PaymentIntent does (payment_intent.succeeded also brings it).
      let card = { customerId: session.customer, paymentMethodId: null as string | null };
      if (meta.saveCard === 'true' && session.payment_intent) {
        try {
          const saved = await deps.gateway.savedPaymentMethod(session.payment_intent);
          if (saved) card = { customerId: saved.customerId ?? session.customer, paymentMethodId: saved.paymentMethodId };
        } catch (error) {
          log.warn({ err: error }, 'could not read the saved card; payment_intent.succeeded will bring it');
        }
      }
      const succeeded = {
        provider: deps.gateway.provider,
        providerRef: session.payment_intent ?? session.id,
        amount: session.amount_total,
        currency: session.currency,
        metadata: meta,
        ...card,
        now,
      };
      const result = await onceInTransaction(deps.db, eventId, 'stripe', (tx) => applySucceededPayment(tx, succeeded, deps.ledger));
      if (!result.duplicate && result.value.status === 'ignored') log.warn({ reason: result.value.reason }, 'checkout session not applied');
      return outcome(result);
    }

    case 'payment_intent.succeeded': {
      const parsed = intentSchema.safeParse(object);
      const meta = parsed.success ? parsePaymentMetadata(parsed.data.metadata) : null;
      if (!parsed.success || !meta) return 'ignored';
      const intent = parsed.data;
      const succeeded = {
        provider: deps.gateway.provider,
        providerRef: intent.id,
        amount: intent.amount_received || intent.amount,
        currency: intent.currency,
        metadata: meta,
        customerId: intent.customer,
        paymentMethodId: intent.payment_method,
        now,
      };
      const result = await onceInTransaction(deps.db, eventId, 'stripe', (tx) => applySucceededPayment(tx, succeeded, deps.ledger));
      if (!result.duplicate && result.value.status === 'ignored') log.warn({ reason: result.value.reason }, 'payment intent not applied');
      return outcome(result);
    }

    case 'payment_intent.payment_failed': {
      const parsed = intentSchema.safeParse(object);
      const meta = parsed.success ? parsePaymentMetadata(parsed.data.metadata) : null;
      // A card declined on the payment page is shown to the debtor there; only off-session charges matter here.
      if (!parsed.success || !meta || meta.source !== 'installment_scheduler' || !meta.installmentId || !meta.attempt) return 'ignored';
      const intent = parsed.data;
      const error = intent.last_payment_error;
      const failure = {
        provider: deps.gateway.provider,
        providerRef: intent.id,
        installmentId: meta.installmentId,
        attempt: Number(meta.attempt),
        kind: classifyDecline(error?.code, error?.decline_code, error?.advice_code),
        code: error?.decline_code ?? error?.code ?? 'payment_failed',
        now,
        maxAttempts: deps.settings.maxAttempts,
        retryBaseMs: deps.settings.retryBaseMs,
      };
      return outcome(await onceInTransaction(deps.db, eventId, 'stripe', (tx) => applyOffSessionFailure(tx, failure, deps.ledger, log)));
    }

    case 'charge.dispute.created': {
      const parsed = disputeSchema.safeParse(object);
      if (!parsed.success || !parsed.data.payment_intent) return 'ignored';
      const dispute = parsed.data;
      const paymentIntentId = dispute.payment_intent as string;
      const result = await onceInTransaction(deps.db, eventId, 'stripe', async (tx) => {
        const payment = await tx.payment.findUnique({ where: { providerRef: paymentIntentId }, include: { plan: true } });
        if (!payment || payment.status === 'disputed') return null;
        await tx.payment.update({ where: { id: payment.id }, data: { status: 'disputed' } });
        const conversationId = payment.plan ? await conversationRowId(tx, payment.accountId, payment.plan.conversationId) : null;
        await appendAudit(tx, {
          type: 'payment.recorded',
          actor: 'system',
          accountId: payment.accountId,
          conversationId,
          detail: { paymentId: payment.id, status: 'disputed', providerRef: paymentIntentId, disputeId: dispute.id, reason: dispute.reason ?? null, amount: dispute.amount ?? payment.amount },
        });
        await queueHandoffIn(tx, {
          reason: 'dispute',
          accountId: payment.accountId,
          conversationId,
          detail: { chargeback: true, paymentId: payment.id, disputeId: dispute.id, reason: dispute.reason ?? null, amount: payment.amount, currency: payment.currency },
        });
        return payment;
      });
      if (!result.duplicate && !result.value) log.warn('dispute for a payment we do not know');
      return outcome(result);
    }

    default:
      return 'ignored';
  }
}

function outcome(result: { duplicate: boolean }): WebhookOutcome {
  return result.duplicate ? 'duplicate' : 'applied';
}

async function alreadyProcessed(db: Db, eventId: string): Promise<boolean> {
  return (await db.processedEvent.findUnique({ where: { id: eventId }, select: { id: true } })) !== null;
}

/** A delayed payment method chosen on the payment page failed: record it and offer a new link. */
async function checkoutFailed(
  tx: Tx,
  deps: WebhookDeps,
  session: z.infer<typeof sessionSchema>,
  meta: ParsedMetadata,
  now: Date,
): Promise<void> {
  const account = await tx.account.findUnique({ where: { id: meta.accountId } });
  if (!account) return;
  const plan = meta.planId ? await tx.plan.findFirst({ where: { id: meta.planId, accountId: account.id } }) : null;
  const installment = plan && meta.installmentId ? await tx.installment.findFirst({ where: { id: meta.installmentId, planId: plan.id } }) : null;
  const payLink = meta.payLinkId ? await tx.payLink.findFirst({ where: { id: meta.payLinkId, accountId: account.id } }) : null;
  const providerRef = session.payment_intent;
  if (providerRef) {
    const existing = await tx.payment.findUnique({ where: { providerRef } });
    if (existing && existing.status !== 'pending') return;
    const data = {
      accountId: account.id,
      planId: plan?.id ?? null,
      installmentId: installment?.id ?? null,
      amount: session.amount_total ?? payLink?.amount ?? 0,
      currency: (session.currency ?? account.currency).toUpperCase(),
      status: 'failed',
      provider: deps.gateway.provider,
    };
    if (existing) await tx.payment.update({ where: { id: existing.id }, data });
    else await tx.payment.create({ data: { ...data, providerRef } });
  }
  await appendAudit(tx, {
    type: 'payment.recorded',
    actor: 'debtor',
    accountId: account.id,
    conversationId: plan ? await conversationRowId(tx, account.id, plan.conversationId) : null,
    detail: { status: 'failed', source: 'checkout', providerRef: providerRef ?? session.id, planId: plan?.id ?? null, installmentId: installment?.id ?? null, payLinkId: payLink?.id ?? null },
  });
  const stillOwed = !(installment?.status === 'paid' || payLink?.usedAt || plan?.status === 'completed' || plan?.status === 'cancelled');
  const amount = payLink?.amount ?? session.amount_total;
  const purpose = asPayLinkPurpose(payLink?.purpose ?? meta.purpose);
  if (!stillOwed || !amount || !purpose || purpose === 'update_card') return;
  await notifyPaymentFailed(tx, {
    account,
    plan,
    installment,
    purpose,
    amount,
    currency: payLink?.currency ?? plan?.currency ?? account.currency,
    reason: 'bank_payment_failed',
    dedupeKey: `payment_failed:${providerRef ?? session.id}`,
    now,
    ctx: deps.ledger,
  });
}

const MAX_BODY = 512 * 1024;

/** The exact bytes Stripe signed: restify's req.rawBody (JSON, form), req.body (other text), or the stream. */
export async function rawBodyOf(req: restify.Request): Promise<string | Buffer> {
  const r = req as restify.Request & { rawBody?: unknown };
  if (typeof r.rawBody === 'string' || Buffer.isBuffer(r.rawBody)) return r.rawBody;
  if (typeof req.body === 'string' || Buffer.isBuffer(req.body)) return req.body;
  const stream = req as unknown as IncomingMessage;
  if (!stream.readable || stream.readableEnded) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('webhook body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The restify handler for POST /webhooks/stripe. */
export function stripeWebhookHandler(deps: WebhookDeps): restify.RequestHandler {
  return async (req: restify.Request, res: restify.Response) => {
    let event: Stripe.Event;
    try {
      const raw = await rawBodyOf(req);
      const header = req.header('stripe-signature');
      event = await deps.gateway.constructEvent(raw, typeof header === 'string' && header !== '' ? header : undefined);
    } catch (error) {
      deps.logger.warn({ reason: error instanceof WebhookSignatureError ? error.message : 'unreadable body' }, 'rejected a webhook that failed signature verification');
      res.send(400, { error: 'Webhook signature verification failed.' });
      return;
    }
    try {
      const result = await processStripeEvent(deps, event);
      deps.logger.info({ eventId: event.id, eventType: event.type, outcome: result }, 'stripe event');
      res.send(200, { received: true, outcome: result });
    } catch (error) {
      deps.logger.error({ err: error, eventId: event.id, eventType: event.type }, 'could not apply a stripe event; it will be retried');
      res.send(500, { error: 'The event could not be processed; please retry.' });
    }
  };
}
