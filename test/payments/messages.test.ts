import { describe, expect, it } from 'vitest';
import { PAYMENT_CATALOGUES, paymentMessagesFor, type PaymentFailureReason, type PaymentsCatalogue } from '../../src/messages/payments.ts';

const REASONS: PaymentFailureReason[] = ['authentication_required', 'declined', 'retries_exhausted', 'bank_payment_failed'];

/** Every sentence a catalogue can produce, with sample facts. */
function everything(text: PaymentsCatalogue): string[] {
  const out: string[] = [];
  for (const settled of [false, true]) {
    for (const planCompleted of [false, true]) {
      for (const balanceIsZero of [false, true]) {
        out.push(text.receipt({ amount: '$300.00', date: 'December 1, 2026', reference: 'ABCD1234', balance: balanceIsZero ? '$0.00' : '$900.00', balanceIsZero, next: { amount: '$300.00', date: 'December 31, 2026' }, planCompleted, settled }));
      }
    }
  }
  out.push(text.reminder({ amount: '$300.00', date: 'December 31, 2026' }));
  for (const reason of REASONS) out.push(text.paymentFailed({ amount: '$300.00', date: 'December 31, 2026', link: 'https://chat.example.test/pay/abc', reason }));
  out.push(text.duplicateRefunded({ amount: '$300.00' }), text.webSignature('Summit Recovery Services'));
  for (const purpose of ['full', 'settlement', 'down_payment', 'installment', 'update_card'] as const) out.push(text.checkoutDescription({ collector: 'Summit', account: '••••1001', purpose }));
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(text.pages);
  walk(text.demo);
  return out;
}

describe('payment messages (en, es)', () => {
  it.each(Object.entries(PAYMENT_CATALOGUES))('DESIGN 10: no fees are ever mentioned or added (%s)', (_lang, text) => {
    for (const sentence of everything(text)) {
      expect(sentence).not.toMatch(/\bfees?\b|surcharge|convenience|processing charge|cargo por servicio|comisi[oó]n|recargo|tarifa/i);
    }
  });

  it.each(Object.entries(PAYMENT_CATALOGUES))('DESIGN 9: no pressure — no deadlines, "today", expiring offers or threats (%s)', (_lang, text) => {
    for (const sentence of everything(text)) {
      expect(sentence).not.toMatch(
        /\btoday\b|\bimmediately\b|\burgent|right away|\bexpir|deadline|last chance|final notice|act now|\bsue\b|lawsuit|legal action|garnish|\bhoy\b|inmediat|urgente|vence|plazo final|última oportunidad|demanda|embargo/i,
      );
      expect(sentence).not.toMatch(/undefined|null|\$\{|NaN/);
    }
  });

  it('failed-payment notices always say no money was taken, give the link and a way to a person', () => {
    for (const text of Object.values(PAYMENT_CATALOGUES)) {
      for (const reason of REASONS) {
        const body = text.paymentFailed({ amount: '$300.00', date: 'December 31, 2026', link: 'https://chat.example.test/pay/abc', reason });
        expect(body).toContain('https://chat.example.test/pay/abc');
        expect(body).toMatch(/no money was taken|no se cobró nada/i);
        expect(body).toMatch(/"agent"|"agente"/);
      }
    }
  });

  it('web messages say they come from a debt collector; unknown languages fall back to English', () => {
    expect(paymentMessagesFor('en').webSignature('Summit')).toBe('— Summit, a debt collector.');
    expect(paymentMessagesFor('es').webSignature('Summit')).toBe('— Summit, una agencia de cobranza de deudas.');
    expect(paymentMessagesFor('fr')).toBe(PAYMENT_CATALOGUES.en);
    expect(paymentMessagesFor(null)).toBe(PAYMENT_CATALOGUES.en);
  });
});
