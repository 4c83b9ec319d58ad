import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified, type TestConversation } from '../helpers/conversation.ts';

/**
 * Issue #19 items 1, 4, 5 and 7: what the debtor asks for is what they get — a settlement request
 * is judged as a settlement, an ambiguous date of birth is asked about with a yes or no, Spanish
 * stays Spanish, and a goal said before verification is served right after it. Web and SMS,
 * English and Spanish; fresh database with the demo debtors for each test.
 */

const FULL_RECAP = 'Here are the terms of your payment.';
const FULL_RECAP_ES = 'Estos son los términos de su pago.';

const bot = freshBotForEachTest();

const db = () => bot().database.db;
const account = (accountNumber: string) => db().account.findUniqueOrThrow({ where: { accountNumber } });



describe('#19 item 1: a settlement request leads to the settlement evaluation', () => {
  it('"Can I settle it for less if I pay in one go?" — the settlement the creditor accepts, never a full-balance recap', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'Can I settle it for less if I pay in one go?', must: ['one payment of $759.50 on November 23, 2026 to settle the account'], mustNot: [FULL_RECAP, '$1,085.00 on'] },
      { says: 'yes', must: ['Here are the terms of your settlement', 'you pay $325.50 less'] },
    ]);
  });

  it('Spanish: "¿Puedo liquidar la deuda con un solo pago de 1300 dólares?" — below the floor: the closest settlement, with the reason', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      {
        says: '¿Puedo liquidar la deuda con un solo pago de 1300 dólares?',
        must: ['La cantidad más baja que el acreedor acepta para cerrar esta cuenta con descuento es $2,462.71'],
        mustNot: [FULL_RECAP_ES, '$3,518.15 el'],
      },
    ]);
  });

  it('Spanish: "quiero liquidar con un solo pago de 3000" (no currency word) — a settlement of $3,000, never the full balance (review 8, 12)', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      {
        says: 'quiero liquidar con un solo pago de 3000, se puede?',
        must: ['• $3,000.00 el 23 de noviembre de 2026', 'usted paga $518.15 menos'],
        mustNot: [FULL_RECAP_ES, '$3,518.15 el'],
      },
    ]);
  });

  it('Spanish: "bueno, ¿y con 2500?" after the counter — above the floor, the terms of that settlement', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      { says: '¿Puedo liquidar la deuda con un solo pago de 1300 dólares?', must: ['$2,462.71'] },
      { says: 'bueno, ¿y con 2500?', must: ['• $2,500.00 el 23 de noviembre de 2026', 'usted paga $1,018.15 menos'], mustNot: ['no le entendí'] },
    ]);
  });

  it('SMS: "settle for $2000" on a $1,085.00 balance — the recap is for the balance, and says so plainly first', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await verified(sms, 'March 14 1985 30301');
    const [recap] = await play(sms, [{ says: 'can I settle for $2000?', must: ['these terms are for $1,085.00, not the $2,000.00 you mentioned', FULL_RECAP] }]);
    expect(recap![0]).toMatch(/^Please note/);
  });
});

describe('#19 item 4: an ambiguous numeric date is asked about once, with a yes or no', () => {
  it('web: "11/02/1979" → "Did you mean November 2, 1979?" → yes → verified; never asked to type it again', async () => {
    await play(bot().conversation(), [
      { says: 'A-1002' },
      { says: '11/02/1979', must: ['Did you mean November 2, 1979?'], mustNot: ['write the month', 'could not read'] },
      { says: 'yes', must: ['I have your date of birth', 'ZIP code'] },
      { says: '78201', must: ['Su identidad está confirmada'] },
    ]);
  });

  it('web: "no" takes the other reading at once, with the ZIP already given', async () => {
    await play(bot().conversation(), [
      { says: 'A-1002' },
      { says: '02/11/1979, zip 78201', must: ['I have your ZIP code', 'Did you mean February 11, 1979?'] },
      { says: 'no', must: ['Su identidad está confirmada'] },
    ]);
  });

  it('checking stays strict: one reading per attempt — the wrong one is a failed attempt like any other', async () => {
    await play(bot().conversation(), [
      { says: 'A-1002' },
      { says: '11/02/1979', must: ['Did you mean November 2, 1979?'] },
      { says: 'no' },
      { says: '78201', must: ['could not confirm those details'], mustNot: ['verified', 'confirmada'] },
    ]);
    expect((await account('A-1002')).failedVerifications).toBe(1);
  });

  it('SMS in Spanish: "¿Quiso decir el 2 de noviembre de 1979?" → "sí"', async () => {
    await play(smsFrom(bot(), '+12105550134', 'es-US'), [
      { says: 'hola' },
      { says: '11/02/1979', must: ['¿Quiso decir el 2 de noviembre de 1979?'] },
      { says: 'sí', must: ['ya tengo su fecha de nacimiento'] },
      { says: '78201', must: ['Su identidad está confirmada'] },
    ]);
  });
});

describe('#19 item 5: Spanish stays Spanish', () => {
  it('web: a debtor who writes Spanish on an English account is answered in Spanish after verification; the account is updated, audited', async () => {
    await play(bot().conversation(), [
      { says: 'hola, quiero saber cuánto debo', must: ['Hola, soy el asistente virtual'] },
      { says: 'A-1001' },
      { says: '14 de marzo de 1985' },
      { says: '30301', must: ['Su identidad está confirmada', 'agencia de cobro de deudas', 'saldo actual de $1,085.00'], mustNot: ['You are verified'] },
    ]);
    const maria = await account('A-1001');
    expect(maria.language).toBe('es');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { accountId: maria.id, type: 'account.language_changed' } });
    expect(JSON.parse(audit.detailJson)).toMatchObject({ language: 'es' });
  });

  it('web: a Spanish browser on an English account stays Spanish', async () => {
    await play(bot().conversation({ locale: 'es-MX' }), [
      { says: 'A-1001' },
      { says: 'March 14 1985' },
      { says: '30301', must: ['Su identidad está confirmada', 'Acepta recibir avisos'], mustNot: ['You are verified'] },
      // "ok" is an acknowledgment, not consent (E-SIGN): asked once more, plainly; "ok" to that is the answer.
      { says: 'ok', must: ['responda sí para recibir los avisos de forma electrónica'], mustNot: ['Sus derechos'] },
      { says: 'ok', must: ['Sus derechos', '¿Qué desea hacer?'] },
    ]);
  });

  it('SMS: "español" asked for before verification holds after it; the account and its notice follow', async () => {
    await play(smsFrom(bot(), '+14045550101'), [
      { says: 'español por favor', must: ['seguiré en español', 'fecha de nacimiento'] },
      { says: '14 de marzo de 1985 30301', must: ['Su identidad está confirmada'] },
      { says: 'sí', must: ['Sus derechos', '/notices/'] },
    ]);
    const maria = await account('A-1001');
    expect(maria.language).toBe('es');
    expect((await db().notice.findFirstOrThrow({ where: { accountId: maria.id } })).language).toBe('es');
  });

  it('asked for after verification: the conversation and the account switch', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'can we continue in spanish?', must: ['seguiré en español'] }, { says: '¿cuánto debo?', must: ['saldo actual de $1,085.00'] }]);
    expect((await account('A-1001')).language).toBe('es');
  });
});

describe('#19 item 7: a goal said before verification is served right after it', () => {
  it('web: "Hi, I want to pay this off in full" → verification → the terms, not the menu', async () => {
    const [first, , , last] = await play(bot().conversation(), [
      { says: 'Hi, I want to pay this off in full', must: ['as soon as I have confirmed who you are'] },
      { says: 'A-1003' },
      { says: 'July 21 1968' },
      { says: '94110', must: ['You are verified', FULL_RECAP, '• $876.25 on November 23, 2026'], mustNot: ['What would you like to do?'] },
    ]);
    expect(first!.join('\n')).not.toMatch(/\$\d/);
    expect(last![0]).toMatch(/is a debt collector/);
    expect(last!.join('\n')).not.toMatch(/agree to receive notices/);
  });

  it('web: after the goal is served, the E-SIGN question comes, and the validation notice is not forgotten', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'I can do 100 a month', mustNot: [/\$\d/] },
      { says: 'A-1004 January 9 1990 60614', must: ['Do you authorize these payments?'] },
      { says: 'yes', must: ['agreed and recorded', 'about your notices'] },
      { says: 'yes', must: ['/notices/'] },
    ]);
    expect((await account('A-1004')).validationPeriodEndsAt).not.toBeNull();
  });

  it('SMS in Spanish: "quiero pagar todo" before verification', async () => {
    await play(smsFrom(bot(), '+12105550134', 'es-US'), [
      { says: 'hola, quiero pagar todo', must: ['fecha de nacimiento'] },
      { says: '2 de noviembre de 1979, 78201', must: ['Su identidad está confirmada', FULL_RECAP_ES, '$3,518.15 el 23 de noviembre de 2026'] },
    ]);
  });

  it('web: a name, a date of birth and a goal in one message; the goal changed before verifying — the changed terms after it', async () => {
    await play(bot().conversation(), [
      { says: "Hi, I'm Maria Johnson, born 3/14/85. I want to set up a payment plan", must: ['I have your name and your date of birth', 'ZIP code'] },
      { says: 'could I do 150 a month starting in January?', must: ['as soon as I have confirmed who you are'] },
      { says: 'ok what about from next month' },
      { says: 'zip 30301', must: ['You are verified', 'Here are the terms of your payment plan', '• $150.00 on December 1, 2026'] },
    ]);
  });

  it('"why is it so high?" before verification — the itemization after it', async () => {
    await play(bot().conversation(), [{ says: 'why is it so high?' }, { says: 'A-1001 March 14 1985 30301', must: ['Here is how the balance adds up', '$1,250.00'] }]);
  });
});
