import { describe, expect, it } from 'vitest';
import { checkReply, policyAllowsAmount, REPLY_WARNING_CODES, type PolicyContext, type ReplyCheckContext, type ReplyWarningCode } from '../../src/domain/replyCheck.ts';
import { DEFAULT_POLICY } from '../../src/domain/policy.ts';

const NOW = new Date('2026-11-24T15:00:00Z');
const OPEN = new Date('2026-12-20T04:59:59.999Z'); // validation period still running
const ENDED = new Date('2026-11-01T03:59:59.999Z');

// Balance $1,085.00; itemization $1,250.00, fees $35.00, payments $200.00; a plan of $50.00 a month.
const KNOWN = [108500, 125000, 3500, 20000, 5000];

// The default policy on that balance: at most 12 installments ($90.42 a month at least), settlements
// from 70% ($759.50); in hardship 24 installments ($45.21 a month), settlements from 50% ($542.50).
const POLICY: PolicyContext = { policy: DEFAULT_POLICY, balance: 108500, currency: 'USD', hardship: false, today: '2026-11-24' };

type Setting = 'open' | 'ended' | 'timeBarred' | 'first' | 'unverified' | 'notStarted' | 'policy' | 'hardship';

function context(setting: Setting): ReplyCheckContext {
  const account = { currency: 'USD', timeBarred: false, validationPeriodEndsAt: OPEN as Date | null };
  switch (setting) {
    case 'open':
      return { isFirstOfficerMessage: false, account, knownAmounts: KNOWN, now: NOW };
    case 'ended':
      return { isFirstOfficerMessage: false, account: { ...account, validationPeriodEndsAt: ENDED }, knownAmounts: KNOWN, now: NOW };
    case 'timeBarred':
      return { isFirstOfficerMessage: false, account: { ...account, timeBarred: true, validationPeriodEndsAt: ENDED }, knownAmounts: KNOWN, now: NOW };
    case 'first':
      return { isFirstOfficerMessage: true, account, knownAmounts: KNOWN, now: NOW };
    case 'notStarted':
      return { isFirstOfficerMessage: false, account: { ...account, validationPeriodEndsAt: null }, knownAmounts: KNOWN, now: NOW };
    case 'unverified':
      return { isFirstOfficerMessage: true, account: null, knownAmounts: [], policy: POLICY, now: NOW };
    case 'policy':
      return { isFirstOfficerMessage: false, account, knownAmounts: KNOWN, policy: POLICY, now: NOW };
    case 'hardship':
      return { isFirstOfficerMessage: false, account, knownAmounts: KNOWN, policy: { ...POLICY, hardship: true }, now: NOW };
  }
}

interface Row {
  writes: string;
  setting?: Setting;
  mustWarn?: Partial<Record<ReplyWarningCode, string | true>>; // code -> expected excerpt (true: any / none)
  mustNotWarn?: ReplyWarningCode[];
  blocking?: ReplyWarningCode[];
}

const ALL: ReplyWarningCode[] = [...REPLY_WARNING_CODES];

const rows: Row[] = [
  // ── no_disclosure ──
  { writes: 'Hi Maria, this is Dana with Summit Recovery Services, a debt collector. How can I help?', setting: 'first', mustNotWarn: ALL },
  { writes: 'This is an attempt to collect a debt. I am Dana, and I have your file in front of me.', setting: 'first', mustNotWarn: ALL },
  { writes: 'Hola María, soy Dana de Summit Recovery Services, un cobrador de deudas.', setting: 'first', mustNotWarn: ALL },
  { writes: 'Somos una agencia y esta comunicación es para COBRAR UNA DEUDA.', setting: 'first', mustNotWarn: ['no_disclosure'] },
  { writes: 'Soy Dana, cobradora de deudas de Summit.', setting: 'first', mustNotWarn: ['no_disclosure'] },
  { writes: 'This is Dana, a Debt-Collector with Summit.', setting: 'first', mustNotWarn: ['no_disclosure'] },
  { writes: 'Hi Maria, this is Dana. How can I help you today?', setting: 'first', mustWarn: { no_disclosure: true }, mustNotWarn: ['pressure'] },
  { writes: 'Hola, soy Dana. ¿En qué le puedo ayudar hoy?', setting: 'first', mustWarn: { no_disclosure: true }, mustNotWarn: ['pressure'] },
  { writes: 'Thanks, I will look into that.', mustNotWarn: ALL }, // not the first message
  { writes: 'Hello, this is Dana. Can you tell me who I am speaking with?', setting: 'unverified', mustNotWarn: ALL }, // no disclosure before verification

  // ── legal_threat ──
  { writes: 'If you do not pay we will sue you.', mustWarn: { legal_threat: 'sue you' } },
  { writes: "We'll sue if this isn't resolved.", mustWarn: { legal_threat: 'sue' } },
  { writes: 'We may have to take you to court over this.', mustWarn: { legal_threat: 'court' } },
  { writes: 'The creditor can obtain a judgment and garnish your wages.', mustWarn: { legal_threat: 'a judgment' } },
  { writes: 'Wage garnishment is the next step.', mustWarn: { legal_threat: 'garnishment' } },
  { writes: 'A lien could be placed on your home.', mustWarn: { legal_threat: 'lien' } },
  { writes: 'You could be arrested for this.', mustWarn: { legal_threat: 'arrested' } },
  { writes: 'We will refer your account to our attorneys.', mustWarn: { legal_threat: 'refer your account to our attorneys' } },
  { writes: 'We will be getting a lawyer involved.', mustWarn: { legal_threat: 'We will be getting a lawyer' } },
  { writes: 'Legal action may follow.', mustWarn: { legal_threat: 'Legal action' } },
  { writes: "We won't hesitate to sue.", mustWarn: { legal_threat: 'sue' } },
  { writes: 'Si no paga, lo vamos a demandar.', mustWarn: { legal_threat: 'demandar' } },
  { writes: 'Podemos iniciar una acción legal y un embargo de su salario.', mustWarn: { legal_threat: 'acción legal' } },
  { writes: 'El caso irá a la corte y podría terminar en la cárcel.', mustWarn: { legal_threat: 'corte' } },
  { writes: 'Vamos a pasar su cuenta a nuestros abogados.', mustWarn: { legal_threat: 'pasar su cuenta a nuestros abogados' } },
  { writes: 'Our attorneys will contact you next week.', mustWarn: { legal_threat: 'Our attorneys will' } },
  { writes: 'Nuestros abogados lo contactarán.', mustWarn: { legal_threat: 'Nuestros abogados lo contactarán' } },
  { writes: 'Please have your attorney contact us at 1-800-555-0100.', mustNotWarn: ALL },
  { writes: 'Our legal department reviewed your dispute and confirmed the debt.', setting: 'timeBarred', mustNotWarn: ALL },
  { writes: 'We will send the letter to your attorney today.', mustNotWarn: ['legal_threat'] },
  { writes: 'You have the right to dispute this debt. You can dispute it here in the chat.', mustNotWarn: ALL },
  { writes: 'We will not sue you and we will not take legal action on this account.', setting: 'timeBarred', mustNotWarn: ALL },
  { writes: 'Because of the age of your debt, we cannot sue you for it.', setting: 'timeBarred', mustNotWarn: ALL },
  { writes: 'You cannot be arrested for a debt.', mustNotWarn: ['legal_threat'] },
  { writes: 'Si tiene abogado, pídale que nos llame. Usted tiene derecho a disputar la deuda.', mustNotWarn: ALL },
  { writes: 'La fecha de corte de su tarjeta no cambia.', mustNotWarn: ['legal_threat'] },
  { writes: 'This is Sue from Summit Recovery, a debt collector. Sue will call you back.', setting: 'first', mustNotWarn: ALL },
  { writes: 'If you think this is identity theft, you can file a police report.', mustNotWarn: ALL },
  // blocking only on a time-barred account
  { writes: 'We will take you to court.', setting: 'timeBarred', mustWarn: { legal_threat: 'court' }, blocking: ['legal_threat'] },
  { writes: 'Vamos a demandarlo.', setting: 'timeBarred', mustWarn: { legal_threat: 'demandarlo' }, blocking: ['legal_threat'] },
  { writes: 'We will take you to court.', setting: 'ended', mustWarn: { legal_threat: 'court' }, blocking: [] },

  // ── amount_mismatch ──
  { writes: 'Your balance is $1,085.00.', mustNotWarn: ALL },
  { writes: 'Your balance is 1,085 and the fees were $35.', mustNotWarn: ALL },
  { writes: 'The plan is 50 dollars a month, and you paid US$ 200.', mustNotWarn: ALL },
  { writes: 'Su saldo es de $1.085,00 y pagó 200 dólares.', mustNotWarn: ALL },
  { writes: 'Your balance is $1,000.00.', mustWarn: { amount_mismatch: '$1,000.00' }, blocking: [] },
  { writes: 'We could settle for 700 dollars.', mustWarn: { amount_mismatch: '700 dollars' } },
  { writes: 'You owe 1085.5 now.', mustWarn: { amount_mismatch: '1085.5' } },
  { writes: 'A payment of $20 would work, or $1,085.00 in full.', mustWarn: { amount_mismatch: '$20' } },
  { writes: 'Podemos aceptar USD 600 como liquidación.', mustWarn: { amount_mismatch: 'USD 600' } },
  { writes: 'Your balance is 2,000.', mustWarn: { amount_mismatch: '2,000' } },
  { writes: 'No fees: $0.', mustNotWarn: ['amount_mismatch'] },
  {
    writes: 'Call us at 404-555-0101 or (800) 555.0100 about account A-1001 by 12/15/2026 at 10:30 am; you have 30 days, and interest is 4.5%.',
    setting: 'ended',
    mustNotWarn: ALL,
  },
  { writes: 'Account number 12,345 is yours; the first 3 payments are on the 15th.', mustNotWarn: ['amount_mismatch'] },
  { writes: 'Your balance is $1,085.00.', setting: 'unverified', mustWarn: { amount_mismatch: '$1,085.00' } },
  // amounts the creditor's policy allows for this balance pass (issue #15)
  { writes: 'We can set up $100.00 a month, or $95 every month if that is easier.', setting: 'policy', mustNotWarn: ALL },
  { writes: 'We could settle for $800.', setting: 'policy', mustNotWarn: ALL },
  { writes: 'We could settle for $759.50 today.', setting: 'ended', mustWarn: { amount_mismatch: '$759.50' } }, // no policy given: only the account's figures
  { writes: 'We could settle for $700.', setting: 'policy', mustWarn: { amount_mismatch: '$700' } },
  { writes: 'We could settle for $700.', setting: 'hardship', mustNotWarn: ALL },
  { writes: 'Un plan de $45.50 al mes le puede servir.', setting: 'hardship', mustNotWarn: ALL },
  { writes: 'How about $20 a month?', setting: 'hardship', mustWarn: { amount_mismatch: '$20' } }, // 55 payments: more than 24
  { writes: 'Pay $2,000.00 and we are done.', setting: 'policy', mustWarn: { amount_mismatch: '$2,000.00' } }, // more than the balance
  { writes: 'We could settle for $500.', setting: 'hardship', mustWarn: { amount_mismatch: '$500' } }, // under the hardship floor

  // ── card_number ──
  { writes: 'I have your card 4242 4242 4242 4242 on file.', mustWarn: { card_number: true }, blocking: ['card_number'] },
  { writes: 'Tarjeta 5555-5555-5555-4444, ¿correcto?', mustWarn: { card_number: true }, blocking: ['card_number'] },
  { writes: 'Your reference is 1234 5678 9012 3456.', mustNotWarn: ['card_number'] },
  // issue 10 item 3: dotted and slashed numbers were let through
  { writes: 'Is your card 4265.4591.5417.4437?', mustWarn: { card_number: true }, blocking: ['card_number'] },
  { writes: 'Card 4265/4591/5417/4437 was declined.', mustWarn: { card_number: true }, blocking: ['card_number'] },

  // ── pressure (validation period open) ──
  { writes: 'This is your last chance to settle.', mustWarn: { pressure: 'last chance' } },
  { writes: 'This offer expires on Friday.', mustWarn: { pressure: 'expires' } },
  { writes: 'La oferta vence mañana.', mustWarn: { pressure: 'vence' } },
  { writes: 'Please pay today to keep this deal.', mustWarn: { pressure: 'today' } },
  { writes: 'We need the payment by Friday.', mustWarn: { pressure: 'by Friday' } },
  { writes: 'Pay now and we can close this out.', mustWarn: { pressure: 'Pay now' } },
  { writes: 'Pay within 24 hours and we can waive it.', mustWarn: { pressure: 'within 24 hours' } },
  { writes: 'Act now, this is urgent.', mustWarn: { pressure: 'Act now' } },
  { writes: 'Final notice: payment required immediately.', mustWarn: { pressure: 'Final notice' } },
  { writes: 'Necesitamos el pago hoy mismo.', mustWarn: { pressure: 'hoy mismo' } },
  { writes: 'Es su última oportunidad: la oferta vence mañana.', mustWarn: { pressure: 'última oportunidad' } },
  { writes: 'Pague inmediatamente, es urgente.', mustWarn: { pressure: 'inmediatamente' } },
  { writes: 'Please pay today to keep this deal.', setting: 'notStarted', mustWarn: { pressure: 'today' } },
  // not pressure
  { writes: 'There is no rush: you do not have to pay anything today.', mustNotWarn: ALL },
  { writes: 'No offer expires, and you can take your time.', mustNotWarn: ALL },
  { writes: 'No hay prisa, no tiene que pagar hoy.', mustNotWarn: ALL },
  { writes: 'I am looking at your account right now.', mustNotWarn: ALL },
  { writes: 'Your final payment of $50.00 is on March 3.', mustNotWarn: ALL },
  { writes: 'El pago de $50.00 vence el 1 de diciembre.', mustNotWarn: ALL },
  { writes: 'The payment link expires in 30 minutes; ask me for a new one any time.', mustNotWarn: ALL },
  // after the validation period: deadlines may be stated, but false urgency is still pressure (issue #15)
  { writes: 'Please pay today to keep this deal.', setting: 'ended', mustNotWarn: ALL },
  { writes: 'We need the payment by Friday.', setting: 'ended', mustNotWarn: ALL },
  { writes: 'This is your last chance: please pay today.', setting: 'ended', mustWarn: { pressure: 'last chance' } },
  { writes: 'Last chance before we sue.', setting: 'ended', mustWarn: { legal_threat: 'sue', pressure: 'Last chance' } },
  { writes: 'FINAL NOTICE. Act now to resolve your account.', setting: 'ended', mustWarn: { pressure: 'FINAL NOTICE' } },
  { writes: 'Act now to resolve your account.', setting: 'ended', mustWarn: { pressure: 'Act now' } },
  { writes: 'Último aviso: pague su cuenta.', setting: 'ended', mustWarn: { pressure: 'Último aviso' } },
  { writes: 'Es su última oportunidad de llegar a un acuerdo.', setting: 'ended', mustWarn: { pressure: 'última oportunidad' } },
  { writes: 'Es ahora o nunca.', setting: 'ended', mustWarn: { pressure: 'ahora o nunca' } },
  { writes: 'This is not your last chance: you can write to us any time.', setting: 'ended', mustNotWarn: ALL },
];

describe('checkReply: officer writes / must warn / must not warn', () => {
  it.each(rows.map((row) => [row.setting ?? 'open', row.writes, row] as const))('[%s] %s', (_setting, text, row) => {
    const warnings = checkReply(text, context(row.setting ?? 'open'));
    const codes = warnings.map((w) => w.code);
    for (const [code, excerpt] of Object.entries(row.mustWarn ?? {}) as Array<[ReplyWarningCode, string | true]>) {
      const warning = warnings.find((w) => w.code === code);
      expect(warning, `expected ${code} in ${JSON.stringify(codes)}`).toBeDefined();
      if (typeof excerpt === 'string') expect(warning?.excerpt).toBe(excerpt);
      expect(warning?.message.length).toBeGreaterThan(20);
    }
    for (const code of row.mustNotWarn ?? []) {
      expect(codes, `did not expect ${code}: ${JSON.stringify(warnings.find((w) => w.code === code))}`).not.toContain(code);
    }
    if (row.blocking) {
      expect(warnings.filter((w) => w.blocking).map((w) => w.code).sort()).toEqual([...row.blocking].sort());
    }
  });
});

describe('checkReply', () => {
  it('returns one warning per code, in a stable order, with the first excerpt', () => {
    const text = 'Hi, Dana here. Pay $999.99 today or we will sue you; last chance, then court. Card 4242424242424242. Also $5.';
    const warnings = checkReply(text, context('first'));
    expect(warnings.map((w) => w.code)).toEqual(['no_disclosure', 'legal_threat', 'amount_mismatch', 'card_number', 'pressure']);
    expect(warnings.find((w) => w.code === 'legal_threat')?.excerpt).toBe('sue you');
    expect(warnings.find((w) => w.code === 'pressure')?.excerpt).toBe('today');
    const amounts = warnings.find((w) => w.code === 'amount_mismatch');
    expect(amounts?.excerpt).toBe('$999.99');
    expect(amounts?.message).toContain('"$999.99" and "$5"');
  });

  it('never repeats a card number in any warning', () => {
    const warnings = checkReply('Card 4242 4242 4242 4242 for $1,234.56 today, last chance', context('open'));
    expect(warnings.map((w) => w.code)).toEqual(['amount_mismatch', 'card_number', 'pressure']);
    for (const w of warnings) expect(JSON.stringify(w)).not.toMatch(/4242/);
  });

  it('tells the officer what to add when the disclosure is missing', () => {
    const [warning] = checkReply('Hello Maria.', context('first'));
    expect(warning).toMatchObject({ code: 'no_disclosure', blocking: false });
    expect(warning?.message).toContain('debt collector');
  });

  it('says a time-barred account can never be sued on', () => {
    const [warning] = checkReply('We will take legal action.', context('timeBarred'));
    expect(warning).toMatchObject({ code: 'legal_threat', blocking: true, excerpt: 'legal action' });
    expect(warning?.message).toContain('time-barred');
  });

  it('says when an amount fits only the hardship terms, so the officer records the hardship first', () => {
    const [warning] = checkReply('We could settle for $700.', context('policy'));
    expect(warning).toMatchObject({ code: 'amount_mismatch', excerpt: '$700' });
    expect(warning?.message).toMatch(/hardship terms only.*record it first/);
    const [other] = checkReply('We could settle for $300.', context('policy'));
    expect(other?.message).toMatch(/inside the creditor's policy/);
  });

  it('policyAllowsAmount: the balance, plan installments and settlements inside the limits', () => {
    const settlement = { kinds: ['settlement' as const] };
    const monthly = { kinds: ['installments' as const], frequency: 'monthly' as const };
    const allowed = (minor: number, use = { kinds: ['settlement' as const, 'installments' as const] }, hardship = false) =>
      policyAllowsAmount(minor, POLICY, use, hardship);
    expect(allowed(108500)).toBe(true);
    expect(allowed(9042, monthly)).toBe(true); // 12 payments, the last $90.38
    expect(allowed(8000, monthly)).toBe(false); // 14 payments
    expect(allowed(4521, monthly, true)).toBe(true); // 24 in hardship
    expect(allowed(75950, settlement)).toBe(true);
    expect(allowed(75949, settlement)).toBe(false);
    expect(allowed(54250, settlement, true)).toBe(true);
    expect(allowed(54249, settlement, true)).toBe(false);
    expect(allowed(70000)).toBe(true); // as a plan's payment ($700, then $385)
    expect(allowed(108501)).toBe(false);
    expect(allowed(0)).toBe(false);
    expect(allowed(-5)).toBe(false);
  });

  it('is clean for an ordinary reply', () => {
    expect(checkReply('Thanks Maria. I have noted your new address and will mail the notice to 12 Oak Street.', context('open'))).toEqual([]);
    expect(checkReply('', context('first'))).toHaveLength(1);
  });
});
