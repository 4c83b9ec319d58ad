/**
 * The demo checkout page (only with the DemoGateway, i.e. no STRIPE_SECRET_KEY): GET shows the
 * amount and three buttons, clearly labelled DEMO; POST turns a button into the events Stripe would
 * send, signed with the demo webhook secret, and POSTs them to our own /webhooks/stripe — the same
 * code path as real Stripe events — before showing the result (paid: back to the success page).
 */
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import type { Logger } from '../logger.ts';
import { formatMoney } from '../domain/money.ts';
import { paymentMessagesFor, type PaymentsCatalogue, type PageText } from '../messages/payments.ts';
import type { DemoGateway, DemoOutcome, DemoSession } from './demoGateway.ts';
import { escapeHtml, redirect, renderPage, sendPage } from './pages.ts';

export interface DemoCheckoutDeps {
  gateway: DemoGateway;
  logger: Logger;
}

function demoPage(text: PaymentsCatalogue, sections: PageText[], extraHtml = ''): string {
  return renderPage({ lang: text.checkoutLocale, documentTitle: text.demo.title, banner: text.demo.banner, sections, extraHtml });
}

function checkoutHtml(text: PaymentsCatalogue, session: DemoSession): string {
  const amount = formatMoney(session.amount, session.currency.toUpperCase(), text.locale);
  const action = `/demo-checkout/${encodeURIComponent(session.id)}`;
  return demoPage(
    text,
    [{ title: text.demo.title, body: text.demo.explain }],
    `<dl><dt>${escapeHtml(text.demo.amountLabel)}</dt><dd data-amount="${session.amount}">${escapeHtml(amount)}</dd>` +
      `<dt>${escapeHtml(text.demo.forLabel)}</dt><dd>${escapeHtml(session.description)}</dd></dl>` +
      `<form method="post" action="${escapeHtml(action)}">` +
      `<button class="primary" type="submit" name="action" value="pay">${escapeHtml(text.demo.pay)}</button>` +
      `<button type="submit" name="action" value="decline">${escapeHtml(text.demo.decline)}</button>` +
      `<button type="submit" name="action" value="authenticate">${escapeHtml(text.demo.requiresAuthentication)}</button>` +
      '</form>',
  );
}

function authenticationHtml(text: PaymentsCatalogue, session: DemoSession): string {
  const action = `/demo-checkout/${encodeURIComponent(session.id)}`;
  return demoPage(
    text,
    [text.demo.authentication],
    `<form method="post" action="${escapeHtml(action)}">` +
      `<button class="primary" type="submit" name="action" value="auth_confirm">${escapeHtml(text.demo.authenticationConfirm)}</button>` +
      `<button type="submit" name="action" value="auth_cancel">${escapeHtml(text.demo.authenticationCancel)}</button>` +
      '</form>',
  );
}

function backLink(text: PaymentsCatalogue, session: DemoSession): string {
  return `<p><a href="/demo-checkout/${escapeHtml(encodeURIComponent(session.id))}">${escapeHtml(text.demo.backToCheckout)}</a></p>`;
}

const OUTCOMES: Record<string, DemoOutcome> = {
  pay: 'paid',
  auth_confirm: 'paid_after_authentication',
  decline: 'declined',
  auth_cancel: 'authentication_failed',
};

/** Our own webhook, reached on the loopback address the server listens on. */
function selfWebhookUrl(server: restify.Server): string {
  const address = server.address() as AddressInfo;
  let host = address.address;
  if (host === '0.0.0.0' || host === '') host = '127.0.0.1';
  if (host === '::') host = '::1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/webhooks/stripe`;
}

export function registerDemoCheckoutRoutes(server: restify.Server, deps: DemoCheckoutDeps): void {
  const { gateway } = deps;
  const unknown = (res: restify.Response) => {
    const text = paymentMessagesFor('en');
    const es = paymentMessagesFor('es');
    sendPage(res, 404, renderPage({ lang: 'en', documentTitle: text.demo.title, banner: text.demo.banner, sections: [text.demo.unknownSession, es.demo.unknownSession] }));
  };

  server.get('/demo-checkout/:id', async (req: restify.Request, res: restify.Response) => {
    const session = await gateway.session(String(req.params?.id ?? ''));
    if (!session) return unknown(res);
    const text = paymentMessagesFor(session.locale);
    if (session.status === 'complete') return sendPage(res, 200, demoPage(text, [text.demo.alreadyComplete]));
    sendPage(res, 200, checkoutHtml(text, session));
  });

  server.post('/demo-checkout/:id', async (req: restify.Request, res: restify.Response) => {
    const session = await gateway.session(String(req.params?.id ?? ''));
    if (!session) return unknown(res);
    const text = paymentMessagesFor(session.locale);
    if (session.status === 'complete') return sendPage(res, 200, demoPage(text, [text.demo.alreadyComplete]));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = typeof body['action'] === 'string' ? body['action'] : '';
    if (action === 'authenticate') return sendPage(res, 200, authenticationHtml(text, session));
    const outcome = OUTCOMES[action];
    if (!outcome) return sendPage(res, 400, checkoutHtml(text, session));

    const events = await gateway.complete(session.id, outcome);
    if (!events) return sendPage(res, 200, demoPage(text, [text.demo.alreadyComplete]));
    const url = selfWebhookUrl(server);
    for (const event of events) {
      let status = 0;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': event.signature },
          body: event.payload,
        });
        status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        deps.logger.error({ err: error, eventType: event.type }, 'demo checkout could not reach our webhook');
      }
      if (status !== 200) {
        deps.logger.error({ status, eventType: event.type }, 'demo checkout: the webhook did not accept the event');
        if (outcome === 'paid' || outcome === 'paid_after_authentication') await gateway.reopen(session.id);
        return sendPage(res, 502, demoPage(text, [text.demo.deliveryFailed], backLink(text, session)));
      }
    }
    if (outcome === 'paid' || outcome === 'paid_after_authentication') return redirect(res, 303, session.successUrl.replace('{CHECKOUT_SESSION_ID}', encodeURIComponent(session.id)));
    const result = outcome === 'declined' ? text.demo.declined : text.demo.authenticationFailed;
    sendPage(res, 200, demoPage(text, [result], backLink(text, session)));
  });
}
