/**
 * GET /pay/<token> — a pay link opened from the chat or a text message. Each opening creates a
 * fresh Checkout Session (Stripe's hosted page, or the demo page) for exactly the link's amount and
 * redirects to it (302). A link whose purpose is already paid shows "already paid"; an unknown or
 * expired link a 404 page that asks for a new link in the chat. Nothing is charged for a plan
 * without the debtor's recorded yes (DESIGN 11). If two sessions of one link are both paid, the
 * webhook applies the first and refunds the other.
 *
 * Also registers /pay-status/complete and /pay-status/cancelled (where the payment page returns
 * the debtor), POST /webhooks/stripe, and — with the demo gateway — the demo checkout pages.
 */
import type restify from 'restify';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { CollectorInfo } from '../messages/catalogue.ts';
import { PAYMENT_CATALOGUES, paymentMessagesFor, type PaymentsCatalogue } from '../messages/payments.ts';
import { registerDemoCheckoutRoutes } from './demoCheckout.ts';
import { DemoGateway } from './demoGateway.ts';
import type { PaymentGateway } from './gateway.ts';
import { asPayLinkPurpose, checkoutDescription, type LedgerContext } from './ledger.ts';
import { renderPage, redirect, sendPage } from './pages.ts';
import { findPayLink } from './payLinks.ts';
import { receiptPage } from './receiptPage.ts';
import { DEFAULT_PAYMENT_SETTINGS, type PaymentSettings } from './settings.ts';
import { stripeWebhookHandler } from './webhook.ts';

export interface PaymentRouteDeps {
  db: Db;
  logger: Logger;
  gateway: PaymentGateway;
  collector: CollectorInfo;
  /** The address debtors' browsers reach us at: PUBLIC_URL, or where the server listens. */
  publicBaseUrl: () => string;
  /** Retry settings the webhook needs for off-session failures; defaults match the config defaults. */
  settings?: PaymentSettings;
  /** For tests; defaults to the system clock. */
  now?: () => Date;
}

function page(text: PaymentsCatalogue, key: Exclude<keyof PaymentsCatalogue['pages'], 'documentTitle' | 'receipt'>): string {
  return renderPage({ lang: text.checkoutLocale, documentTitle: text.pages.documentTitle, sections: [text.pages[key]] });
}

/** Before the debtor's language is known: every language on one page. */
function bilingual(key: 'linkInvalid'): string {
  const all = Object.values(PAYMENT_CATALOGUES);
  return renderPage({
    lang: 'en',
    documentTitle: all.map((t) => t.pages.documentTitle).join(' · '),
    sections: all.map((t) => t.pages[key]),
  });
}

function languageFrom(req: restify.Request): string {
  const lang = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
  return lang === 'es' ? 'es' : 'en';
}

export function registerPaymentRoutes(server: restify.Server, deps: PaymentRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  const settings = deps.settings ?? DEFAULT_PAYMENT_SETTINGS;
  const ledger: LedgerContext = { collectorName: deps.collector.name, publicBaseUrl: deps.publicBaseUrl };
  const invalidLink = bilingual('linkInvalid');

  // A wildcard rather than ":token": restify answers its own JSON 404 for extra segments and for
  // parameters over 100 characters; every malformed link gets the same page as an unknown one.
  server.get('/pay/*', async (req: restify.Request, res: restify.Response) => {
    const params = (req.params ?? {}) as Record<string, unknown>;
    const token = typeof params['*'] === 'string' ? params['*'] : '';
    const at = now();
    const link = await findPayLink(deps.db, token, at);
    if (!link) {
      sendPage(res, 404, invalidLink);
      return;
    }
    const account = await deps.db.account.findUnique({ where: { id: link.accountId } });
    if (!account) {
      sendPage(res, 404, invalidLink);
      return;
    }
    const text = paymentMessagesFor(account.language);
    const plan = link.planId ? await deps.db.plan.findUnique({ where: { id: link.planId } }) : null;
    const installment = link.installmentId ? await deps.db.installment.findUnique({ where: { id: link.installmentId } }) : null;

    if (link.usedAt || installment?.status === 'paid' || plan?.status === 'completed') {
      sendPage(res, 200, page(text, 'alreadyPaid'));
      return;
    }
    if ((link.planId && !plan) || (link.installmentId && (!installment || installment.planId !== link.planId))) {
      sendPage(res, 404, invalidLink);
      return;
    }
    if (plan && (plan.status === 'cancelled' || plan.cancelledAt)) {
      sendPage(res, 410, page(text, 'planClosed'));
      return;
    }
    // DESIGN 11: no charge without a recorded yes (the terms shown, the explicit yes, time, channel).
    if (plan && (!plan.authorizedAt || !plan.authorizationText)) {
      deps.logger.warn({ payLinkId: link.id, planId: plan.id }, 'pay link refused: the plan has no recorded authorization');
      sendPage(res, 409, page(text, 'notAuthorized'));
      return;
    }
    const purpose = asPayLinkPurpose(link.purpose);
    if (!purpose || purpose === 'update_card') {
      // Cards are updated by paying a missed installment's link, which saves the card used.
      sendPage(res, 404, page(text, 'unsupported'));
      return;
    }
    if (link.amount > account.balance) {
      sendPage(res, 409, page(text, 'amountChanged'));
      return;
    }

    // Save the card when later installments of the plan will be charged off-session.
    const laterInstallments = plan
      ? await deps.db.installment.count({
          where: { planId: plan.id, status: { notIn: ['paid', 'cancelled'] }, ...(installment ? { id: { not: installment.id } } : {}) },
        })
      : 0;
    const saveCard = plan?.kind === 'installments' && laterInstallments > 0;
    const base = deps.publicBaseUrl();
    let session;
    try {
      session = await deps.gateway.createCheckoutSession({
        payLinkId: link.id,
        accountId: account.id,
        planId: plan?.id ?? null,
        installmentId: installment?.id ?? null,
        purpose,
        amount: link.amount,
        currency: link.currency,
        description: checkoutDescription(account, purpose, deps.collector.name),
        saveCardForOffSession: saveCard,
        customerId: plan?.gatewayCustomerId ?? null,
        // Stripe (and the demo checkout) put the session id in: the page it returns to is the receipt.
        successUrl: `${base}/pay-status/complete?lang=${text.checkoutLocale}&session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${base}/pay-status/cancelled?lang=${text.checkoutLocale}`,
        locale: text.checkoutLocale,
      });
    } catch (error) {
      deps.logger.error({ err: error, payLinkId: link.id }, 'could not create a checkout session');
      sendPage(res, 502, page(text, 'unavailable'));
      return;
    }
    await deps.db.payLink.update({ where: { id: link.id }, data: { checkoutSessionId: session.id, checkoutUrl: session.url } });
    if (plan && session.customerId && !plan.gatewayCustomerId) {
      await deps.db.plan.updateMany({ where: { id: plan.id, gatewayCustomerId: null }, data: { gatewayCustomerId: session.customerId } });
    }
    redirect(res, 302, session.url);
  });

  server.get('/pay-status/complete', async (req: restify.Request, res: restify.Response) => {
    const text = paymentMessagesFor(languageFrom(req));
    const sessionId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('session_id') ?? '';
    const receipt = sessionId ? await receiptPage(deps.db, sessionId, text) : { kind: 'unknown' as const };
    sendPage(res, 200, receipt.kind === 'unknown' ? page(text, 'complete') : receipt.html);
  });
  server.get('/pay-status/cancelled', async (req: restify.Request, res: restify.Response) => {
    sendPage(res, 200, page(paymentMessagesFor(languageFrom(req)), 'cancelled'));
  });

  server.post('/webhooks/stripe', stripeWebhookHandler({ db: deps.db, gateway: deps.gateway, logger: deps.logger, ledger, settings, now }));

  if (deps.gateway instanceof DemoGateway) registerDemoCheckoutRoutes(server, { gateway: deps.gateway, logger: deps.logger });
}
