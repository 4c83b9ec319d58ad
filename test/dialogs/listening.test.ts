import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified, type Expect, type TestConversation } from '../helpers/conversation.ts';

/**
 * Issue #12, "never drop what was said" (items 1-5): conversations written the way people write —
 * several facts in one message, facts out of order, two requests at once — by web and SMS, in
 * English and Spanish. Each test has a fresh database with the demo debtors (prisma/DEMO_ACCOUNTS.md).
 * The test clock is Monday, November 23, 2026, 10:00 in New York.
 */

const DISCLOSURE = /is a debt collector\. We are attempting to collect a debt, and any information obtained will be used for that purpose\./;
const DISCLOSURE_ES = /es una agencia de cobro de deudas\. Estamos intentando cobrar una deuda/;
/** Anything about an account, before verification (DESIGN 1). */
const ACCOUNT_FACTS: Expect[] = [/\$\d/, 'Peachtree', 'Meridian', /\bbalance\b/i, /\bsaldo\b/i, /\bdebt\b/i, /\bdeuda\b/i];

const MARIA_PHONE = '+14045550101';
const CARLOS_PHONE = '+12105550134';
const LINDA_PHONE = '+13125550199';

const bot = freshBotForEachTest();


async function account(accountNumber: string) {
  return bot().database.db.account.findUniqueOrThrow({ where: { accountNumber } });
}


describe('#12 item 1: the first message counts', () => {
  it('DESIGN 1, 2: SMS — a first text with the date of birth and ZIP verifies at once; the disclosure comes first after verification', async () => {
    const transcript = await play(smsFrom(bot(), MARIA_PHONE), [
      { says: 'Hi, my birthday is March 14 1985 and zip 30301', must: ['You are verified', DISCLOSURE, '$1,085.00'], mustNot: ['date of birth?'] },
    ]);
    const replies = transcript[0]!;
    const disclosureAt = replies.findIndex((r) => DISCLOSURE.test(r));
    expect(replies.slice(0, disclosureAt).join('\n')).not.toMatch(/\$\d|Peachtree|balance/i);
  });

  it('DESIGN 1, 2: SMS in Spanish — "nací el 2 de noviembre de 1979, código postal 78201" verifies at once', async () => {
    await play(smsFrom(bot(), CARLOS_PHONE, 'es-US'), [
      { says: 'nací el 2 de noviembre de 1979, código postal 78201', must: ['Su identidad está confirmada', DISCLOSURE_ES, '3,518.15'] },
    ]);
  });

  it('web without a conversationUpdate: "My account number is A-1001" is read, and the next question is the date of birth', async () => {
    await play(bot().conversation(), [
      { says: 'My account number is A-1001', must: ['I have your account number', 'date of birth'], mustNot: ['account number or your full name', ...ACCOUNT_FACTS] },
      { says: 'March 14 1985', must: ['I have your date of birth', 'ZIP code'], mustNot: ACCOUNT_FACTS },
      { says: '30301', must: ['You are verified', DISCLOSURE] },
    ]);
  });

  it('web in Spanish: "Mi número de cuenta es A-1002" is read; nothing about the account before verification', async () => {
    await play(bot().conversation({ locale: 'es-US' }), [
      { says: 'Mi número de cuenta es A-1002', must: ['ya tengo su número de cuenta', 'fecha de nacimiento'], mustNot: ACCOUNT_FACTS },
      { says: '2 de noviembre de 1979', must: ['código postal'], mustNot: ACCOUNT_FACTS },
      { says: '78201', must: ['Su identidad está confirmada', DISCLOSURE_ES] },
    ]);
  });

  it('Web Chat (a conversationUpdate first): the first message with everything in it verifies', async () => {
    const conversation = bot().conversation();
    const greeting = await conversation.send({ type: 'conversationUpdate', membersAdded: [{ id: 'debtor', name: 'debtor' }], text: undefined });
    expect(greeting.join('\n')).toContain('account number or your full name');
    await play(conversation, [{ says: 'A-1001, born 3/14/1985, zip 30301', must: ['You are verified', DISCLOSURE] }]);
  });
});

describe('#12 item 2: facts given out of order are acknowledged and kept', () => {
  it('web: a date of birth and a ZIP before the account number — each acknowledged, none asked for again', async () => {
    await play(bot().conversation(), [
      { says: 'hi' },
      { says: 'I was born March 14 1985', must: ['I have your date of birth', 'account number'], mustNot: ['What is your date of birth'] },
      { says: 'my zip is 30301', must: ['I have your ZIP code', 'account number'], mustNot: ['date of birth', 'ZIP code, or'] },
      { says: 'A-1001', must: ['You are verified', DISCLOSURE], mustNot: ['date of birth', 'ZIP'] },
    ]);
  });

  it('web in Spanish: fecha y código postal antes del número de cuenta', async () => {
    await play(bot().conversation({ locale: 'es-US' }), [
      { says: 'hola' },
      { says: 'nací el 2 de noviembre de 1979 y mi código postal es 78201', must: ['ya tengo su fecha de nacimiento y su código postal', 'número de cuenta'] },
      { says: 'A-1002', must: ['Su identidad está confirmada'] },
    ]);
  });

  it('web: facts inside sentences, with a side question; "ok" and "thanks" are not counted as misunderstandings', async () => {
    await play(bot().conversation(), [
      { says: 'hi im maria johnson, dob 3/14/85', must: ['I have your name and your date of birth', 'ZIP code'] },
      { says: 'ok', must: ['ZIP'], mustNot: ['did not understand'] },
      { says: 'thanks', must: ['ZIP'], mustNot: ['did not understand', 'not understanding you'] },
      { says: 'zip is 30301. what is this about?', must: ['You are verified', DISCLOSURE] },
    ]);
  });

  it('SMS: the ZIP before the date of birth is kept', async () => {
    await play(smsFrom(bot(), LINDA_PHONE), [
      { says: 'hello', must: ['date of birth'] },
      { says: 'zip 60614', must: ['I have your ZIP code', 'date of birth'], mustNot: ['ZIP code, or'] },
      { says: 'January 9 1990', must: ['You are verified', DISCLOSURE] },
    ]);
  });

  it('DESIGN 16: answers it cannot use are met with other words each time, then the main choices and a person', async () => {
    const transcript = await play(bot().conversation(), [
      { says: 'hi', must: ['account number or your full name'] },
      { says: 'what?', must: ['did not understand', 'account number'] },
      { says: 'hmm', must: ['agent', 'who we are'], mustNot: ACCOUNT_FACTS },
      { says: 'A-1001', must: ['date of birth'] },
    ]);
    expect(transcript[1]![0]).not.toBe(transcript[0]!.at(-1));
  });
});

describe('#12 item 3: a message with two parts gets both handled', () => {
  it('DESIGN 4: "I already paid $300 in March, could I do 150 a month?" — the dispute is recorded and the offer goes with it to the officer', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      {
        says: 'I already paid $300 in March, could I do 150 a month?',
        must: ['recorded your dispute', 'noted your offer ($150.00 a month)', 'officer'],
        mustNot: ['Do you authorize', '$300.00 on', 'first payment of $300'],
      },
    ]);
    const row = await account('A-1001');
    expect(row.disputed).toBe(true);
    const handoff = await bot().database.db.handoff.findFirstOrThrow({ where: { accountId: row.id, reason: 'dispute' } });
    expect(JSON.parse(handoff.detailJson).dispute.offer).toEqual({ kind: 'installments', amount: 15000, frequency: 'monthly' });
    expect(await bot().database.db.plan.count({ where: { accountId: row.id } })).toBe(0);
  });

  it('"how much do I owe, can I do 100 a month?" — the balance, then the plan', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'how much do I owe, can I do 100 a month?', must: ['current balance of $1,085.00', '• $100.00 on November 23, 2026', 'Do you authorize'] }]);
  });

  it('DESIGN 4: Spanish — "ya pagué 300 en marzo, ¿puedo pagar 150 al mes?"', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [{ says: 'ya pagué 300 en marzo, ¿puedo pagar 150 al mes?', must: ['registrado su disputa', 'anotado su oferta ($150.00 al mes)'] }]);
    expect((await account('A-1002')).disputed).toBe(true);
  });

  it('DESIGN 8: "can\'t pay $400 right now, could I do $20 a month until I find work" — hardship acknowledged, the $20 a month judged under the hardship limits', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1004 January 9 1990 60614');
    await play(conversation, [
      {
        says: "can't pay $400 right now, could I do $20 a month until I find work",
        must: ['sorry you are going through this', '• $20.00 on November 23, 2026', 'Number of payments: 20 (20 monthly payments)', 'Total: $400.00'],
        mustNot: ['• $400.00 on', 'Number of payments: 1.'],
      },
      { says: 'yes', must: ['agreed and recorded'] },
    ]);
    const plan = await bot().database.db.plan.findFirstOrThrow({ where: { account: { accountNumber: 'A-1004' } } });
    expect(plan).toMatchObject({ kind: 'installments', hardship: true, total: 40000 });
  });

  it('DESIGN 8: SMS, at the E-SIGN question — the hardship plan is answered, and consent is asked again afterwards', async () => {
    const sms = smsFrom(bot(), LINDA_PHONE);
    await play(sms, [
      { says: 'Jan 9 1990, zip 60614', must: [/agree to receive notices/] },
      { says: "can't pay $400 right now, could I do $20 a month until I find work", must: ['sorry', '$20.00 on November 23, 2026', 'Number of payments: 20'], mustNot: ['mail the validation notice'] },
      { says: 'yes', must: ['agreed and recorded', /about your notices/] },
    ]);
  });
});

describe('#12 item 4: requested start dates are honoured', () => {
  it('"300 a month starting in January" — outside the 30 days allowed: the closest date, with the reason', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: '300 a month starting in January', must: ['the first payment can be on any date up to December 23, 2026', 'starting December 23, 2026'], mustNot: ['November 23, 2026'] },
      { says: 'yes', must: ['• $300.00 on December 23, 2026'] },
    ]);
  });

  it('SMS: "100 a month from next month" starts on December 1, and the debtor agrees to that date', async () => {
    const sms = smsFrom(bot(), MARIA_PHONE);
    await verified(sms, 'March 14 1985 30301');
    await play(sms, [
      { says: 'I can do 100 a month from next month', must: ['• $100.00 on December 1, 2026'], mustNot: ['November 23, 2026'] },
      { says: 'yes', must: ['The first payment, $100.00, is due on December 1, 2026'] },
    ]);
    const plan = await bot().database.db.plan.findFirstOrThrow({ where: { account: { accountNumber: 'A-1001' } }, include: { installments: { orderBy: { seq: 'asc' } } } });
    expect(plan.installments[0]!.dueDate.toISOString().slice(0, 10)).toBe('2026-12-01');
  });

  it('SMS: "on the 15th" — December 15', async () => {
    const sms = smsFrom(bot(), LINDA_PHONE);
    await verified(sms, 'January 9 1990 60614');
    await play(sms, [{ says: 'I can pay 100 a month on the 15th', must: ['• $100.00 on December 15, 2026'], mustNot: ['November 23, 2026'] }]);
  });

  it('Spanish: "300 al mes a partir del próximo mes" — el 1 de diciembre', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [{ says: '300 al mes a partir del próximo mes', must: ['$300.00 el 1 de diciembre de 2026'], mustNot: ['23 de noviembre de 2026'] }]);
  });

  it('a start the bot cannot read ("starting when I get paid") is asked about, never silently today', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: '150 a month starting when I get paid', must: ['When would you like the first payment to be?'], mustNot: ['Do you authorize', 'November 23, 2026'] },
      { says: 'the 5th', must: ['• $150.00 on December 5, 2026'] },
    ]);
  });
});

describe('#12 item 5: attorney details in one sentence', () => {
  it('DESIGN 6, 16: no name it can read, twice — the representation is recorded anyway and a person gets the details', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'I have an attorney', must: ["attorney's name"] },
      { says: 'why do you need that', must: ["attorney's name"] },
      { says: 'idk', must: ['an attorney represents you', "get your attorney's details"] },
    ]);
    expect(await account('A-1001')).toMatchObject({ attorneyRepresented: true });
  });

  it('DESIGN 6: "I have a lawyer, his name is Dan Reyes, 415-555-0100" — name and contact recorded at once', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'I have a lawyer, his name is Dan Reyes, 415-555-0100', must: ['Dan Reyes represents you'], mustNot: ["attorney's name", 'phone number or email'] },
    ]);
    expect(await account('A-1001')).toMatchObject({ attorneyRepresented: true, attorneyName: 'Dan Reyes', attorneyContact: '415-555-0100' });
  });

  it('DESIGN 6: SMS in Spanish — "tengo un abogado, se llama Ana Ruiz y su teléfono es 210-555-0199"', async () => {
    const sms = smsFrom(bot(), CARLOS_PHONE, 'es-US');
    await verified(sms, '2 de noviembre de 1979 78201');
    await play(sms, [{ says: 'tengo un abogado, se llama Ana Ruiz y su teléfono es 210-555-0199', must: ['Ana Ruiz le representa'], mustNot: ['¿Cómo se llama su abogado?'] }]);
    expect(await account('A-1002')).toMatchObject({ attorneyRepresented: true, attorneyName: 'Ana Ruiz', attorneyContact: '210-555-0199' });
  });

  it('DESIGN 6: a debtor without the contact at hand is asked twice in other words, then the attorney is recorded by name and a person follows up', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'my lawyer is Kim Wexler', must: ['phone number or email'] },
      { says: "I don't have it here", must: ['phone number or email address', 'If you do not have it now'] },
      { says: 'no idea sorry', must: ['Kim Wexler represents you', 'find your attorney'] },
    ]);
    const row = await account('A-1001');
    expect(row).toMatchObject({ attorneyRepresented: true, attorneyName: 'Kim Wexler' });
    expect(await bot().database.db.handoff.count({ where: { accountId: row.id, reason: 'attorney' } })).toBe(1);
  });
});
