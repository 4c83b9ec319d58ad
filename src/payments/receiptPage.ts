/**
 * The payment page's return address is the receipt (issue #16 item 4): /pay-status/complete is
 * reached with the Checkout Session id (Stripe fills in {CHECKOUT_SESSION_ID}; the demo checkout
 * does the same), and shows what was paid, when, the balance left and the next scheduled payment.
 * The session id is an unguessable credential for this one payment; the page shows no identity
 * factor. Before the webhook has recorded the payment, the page says so and looks again.
 */
import type { Db } from '../db/database.ts';
import { formatMoney } from '../domain/money.ts';
import type { PaymentsCatalogue } from '../messages/payments.ts';
import { escapeHtml, renderPage } from './pages.ts';

export type ReceiptOutcome = { kind: 'receipt'; html: string } | { kind: 'confirming'; html: string } | { kind: 'unknown' };

export interface ReceiptView {
  amount: string;
  date: string;
  balance: string;
  next: string | null;
}

/** A Checkout Session id as Stripe ("cs_test_a1B2…") or the demo checkout ("cs_demo_" + base64url, so "-" too) writes it. */
export function isCheckoutSessionId(id: string): boolean {
  return /^cs_[A-Za-z0-9_-]{6,200}$/.test(id);
}

/** The facts of the payment behind a Checkout Session, or null before it is recorded. */
export async function receiptFor(db: Db, checkoutSessionId: string, text: PaymentsCatalogue): Promise<ReceiptView | 'pending' | null> {
  if (!isCheckoutSessionId(checkoutSessionId)) return null;
  const link = await db.payLink.findFirst({ where: { checkoutSessionId } });
  if (!link) return null;
  const account = await db.account.findUnique({ where: { id: link.accountId }, select: { balance: true, timeZone: true } });
  if (!account) return null;
  if (!link.usedAt) return 'pending';
  const money = (minor: number) => formatMoney(minor, link.currency.toUpperCase(), text.locale);
  const day = (d: Date, zone: string) => new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeZone: zone }).format(d);
  const next = link.planId
    ? await db.installment.findFirst({ where: { planId: link.planId, status: { in: ['scheduled', 'failed'] }, plan: { status: 'active' } }, orderBy: { seq: 'asc' } })
    : null;
  return {
    amount: money(link.amount),
    date: day(link.usedAt, account.timeZone ?? 'UTC'),
    balance: money(account.balance),
    next: next ? `${money(next.amount)} · ${day(next.dueDate, 'UTC')}` : null,
  };
}

export async function receiptPage(db: Db, checkoutSessionId: string, text: PaymentsCatalogue): Promise<ReceiptOutcome> {
  const found = await receiptFor(db, checkoutSessionId, text);
  if (found === null) return { kind: 'unknown' };
  if (found === 'pending') {
    const html = renderPage({ lang: text.checkoutLocale, documentTitle: text.pages.confirming.title, sections: [text.pages.confirming] });
    // No scripts on these pages: a refresh looks again.
    return { kind: 'confirming', html: html.replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta http-equiv="refresh" content="3">') };
  }
  const words = text.pages.receipt;
  const rows: Array<[string, string]> = [
    [words.amount, found.amount],
    [words.date, found.date],
    [words.balance, found.balance],
    ...(found.next ? [[words.next, found.next] as [string, string]] : []),
  ];
  const details = `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
  return {
    kind: 'receipt',
    html: renderPage({ lang: text.checkoutLocale, documentTitle: words.title, sections: [{ title: words.title, body: words.keep }], extraHtml: details }),
  };
}
