import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified, type Expect } from '../helpers/conversation.ts';

/**
 * Issue #12, fresh-eyes review C33 and C04 (DESIGN 8: hardship is acknowledged, hardship options or a
 * person are offered, nobody is pressed): a debtor who lost their job asks what they can do, cannot
 * pay even the smallest amount, asks for a pause, or offers far less than the hardship limits allow.
 * Every one of those gets an answer — what is possible under the creditor's hardship terms, and a
 * person — never "did not understand", never a recap for the full balance. Fresh database with the
 * demo debtors per test (prisma/DEMO_ACCOUNTS.md); the clock is Monday, November 23, 2026.
 */

const bot = freshBotForEachTest();
const db = () => bot().database.db;
const account = (accountNumber: string) => db().account.findUniqueOrThrow({ where: { accountNumber } });
const handoffsOf = async (accountNumber: string) => db().handoff.findMany({ where: { accountId: (await account(accountNumber)).id } });
const hardshipReports = async (accountNumber: string) => db().auditEvent.count({ where: { type: 'hardship.reported', accountId: (await account(accountNumber)).id } });

/** Never at a hardship answer: not understood, a recap to agree, a deadline or pressure (DESIGN 8, 9). */
const NEVER: Expect[] = ['did not understand', 'not understanding you', 'Do you authorize', 'Do you agree to these terms', /\btoday\b/i, /must pay/i];
const NEVER_ES: Expect[] = ['no le entendí', 'no le estoy entendiendo', '¿Autoriza', '¿Acepta estos términos', /\bhoy\b/i, /debe pagar/i];

const LINDA_PHONE = '+13125550199';
const AISHA_PHONE = '+16465550112';
const CARLOS_PHONE = '+12105550134';

describe('C33: lost job, cannot pay anything — real options, then answers to "not even 10" and "put it on hold"', () => {
  it('web: the hardship options, the smallest plan with a person for a pause, the pause request, and a person on yes', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      {
        says: 'I lost my job last month and I cant pay anything right now. what are my options',
        must: ['sorry', 'Here are your options', 'as little as $10.00 a payment, with up to 24 payments', '24 monthly payments of $45.21', 'such as a pause'],
        mustNot: [...NEVER, 'Is there anything else I can help with'],
      },
      {
        says: 'I really cant even do 10 right now',
        must: ['there is no pressure', 'as small as $45.21 a month, over 24 payments', 'a person from our team', 'such as a pause', 'Yes or no?'],
        mustNot: [...NEVER, 'I cannot set that up', 'I cannot agree to', '$10.00'],
      },
      {
        says: 'can you just put it on hold for a couple months',
        must: ['on hold', 'for the creditor to decide', 'Would you like me to ask a person to contact you about it?'],
        mustNot: [...NEVER, 'monthly payments of'],
      },
      { says: 'yes', must: ['I have asked a person to join'], mustNot: NEVER },
    ]);
    const [handoff] = await handoffsOf('A-1001');
    expect(handoff).toMatchObject({ reason: 'hardship', status: 'queued' });
    expect(JSON.parse(handoff!.detailJson).hardship).toMatchObject({ request: 'pause', hardship: true });
    // Hardship said twice in other words: recorded once.
    expect(await hardshipReports('A-1001')).toBe(1);
    expect((await account('A-1001')).hardship).toBe(true);
  });

  it('web: "I can\'t pay anything right now", then no — no person queued, no pressure, and the same words are not said again', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: "I can't pay anything right now", must: ['no pressure', '$45.21 a month', 'such as a pause'], mustNot: [...NEVER, 'The creditor has hardship options'] },
      { says: 'I really cant afford that', must: ['nobody will press you', 'such as a pause'], mustNot: NEVER },
      { says: 'no', must: ['There is no rush'], mustNot: NEVER },
    ]);
    expect(await handoffsOf('A-1001')).toEqual([]);
    expect(await hardshipReports('A-1001')).toBe(1);
  });

  it('DESIGN 4: on a disputed account — acknowledged, and told collection is paused; no plan named, no person asked about a pause', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'I dispute this debt', must: ['dispute'] },
      { says: "I can't pay anything right now", must: ['sorry you are going through this', 'paused'], mustNot: [...NEVER, '$45.21', 'such as a pause'] },
    ]);
  });

  it('SMS, at the E-SIGN question: the rights first, the options, then "not even 10", the pause, and "1" for a person', async () => {
    const sms = smsFrom(bot(), LINDA_PHONE);
    await play(sms, [
      { says: 'January 9 1990 60614', must: [/agree to receive notices/] },
      {
        says: 'I lost my job last month and I cant pay anything right now. what are my options',
        // SMS: the short options (src/messages/smsShort.en.ts) — the smallest payment and a pause, no example plan.
        must: ['Your rights', 'from $10.00 a payment, up to 24 payments', 'ask a person about a pause'],
        mustNot: NEVER,
      },
      { says: 'I really cant even do 10 right now', must: ['as small as $16.67 a month, over 24 payments', 'such as a pause', /1 Yes\s+2 No\s+Reply 1 or 2\./], mustNot: [...NEVER, '$10.00'] },
      { says: 'can you just put it on hold for a couple months', must: ['for the creditor to decide', 'Reply 1 or 2.'], mustNot: NEVER },
      { says: '1', must: ['I have asked a person to join', 'they will text you here'], mustNot: NEVER },
    ]);
    expect((await handoffsOf('A-1004')).map((h) => h.reason)).toEqual(['hardship']);
  });

  it('Spanish: "no puedo pagar nada", "no puedo ni 10" (never a settlement of $10), "ponerlo en pausa", "sí"', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      {
        says: 'perdí mi trabajo el mes pasado y no puedo pagar nada ahora. ¿cuáles son mis opciones?',
        must: ['Lamento', 'Estas son sus opciones', 'desde $10.00 por pago, con hasta 24 pagos', 'como una pausa'],
        mustNot: NEVER_ES,
      },
      {
        says: 'de verdad no puedo ni 10 ahora',
        must: ['nadie le va a presionar', 'desde $146.59 al mes, en 24 pagos', 'como una pausa'],
        mustNot: [...NEVER_ES, 'No puedo establecer eso', 'descuento', '$10.00'],
      },
      { says: '¿pueden ponerlo en pausa un par de meses?', must: ['eso lo decide el acreedor', 'le contacte'], mustNot: NEVER_ES },
      { says: 'sí', must: ['He pedido que una persona le atienda'], mustNot: NEVER_ES },
    ]);
    expect((await handoffsOf('A-1002')).map((h) => h.reason)).toEqual(['hardship']);
  });

  it('SMS in Spanish: the pause asked for at once, and "no" — nothing queued, no rush', async () => {
    const sms = smsFrom(bot(), CARLOS_PHONE, 'es-US');
    await verified(sms, 'nací el 2 de noviembre de 1979, código postal 78201');
    await play(sms, [
      { says: 'no tengo trabajo, ¿pueden ponerlo en pausa unos meses?', must: ['eso lo decide el acreedor', 'Responda 1 o 2.'], mustNot: NEVER_ES },
      { says: 'no', must: ['No hay prisa'], mustNot: NEVER_ES },
    ]);
    expect(await handoffsOf('A-1002')).toEqual([]);
  });
});

describe('C04: "can\'t pay $400 right now, could I do $20 a month until I find work" on a $5,000 balance', () => {
  const PROPOSAL: Expect[] = ['I cannot agree to $20.00 a month myself', 'the smallest monthly payment we can set up for this balance is $208.34', 'collections officer', 'Would you like me to send it?'];
  const NOT_FULL: Expect[] = ['Here are the terms', '• $400.00', '• $5,000.00', 'Number of payments: 1.', 'Do you authorize'];

  it('web: the $20 a month judged under the hardship limits — the closest hardship plan, and the proposal offered to an officer at once', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 December 5 1995 10025');
    await play(conversation, [
      { says: 'i cant pay $400 right now, could I do $20 a month until I find work', must: ['sorry', 'no pressure', ...PROPOSAL], mustNot: NOT_FULL },
      { says: 'ok', must: ['I have sent your proposal ($20.00 a month) to a collections officer'] },
    ]);
    const [handoff] = await handoffsOf('A-1006');
    expect(handoff!.reason).toBe('proposal');
    expect(JSON.parse(handoff!.detailJson).proposal.proposal).toMatchObject({ offer: { kind: 'installments', amount: 2000 }, hardship: true, balance: 500000 });
    expect(await db().plan.count({ where: { account: { accountNumber: 'A-1006' } } })).toBe(0);
  });

  it('web: "no" to the review — the closest hardship plan again, nothing agreed', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 December 5 1995 10025');
    await play(conversation, [
      { says: 'i cant pay $400 right now, could I do $20 a month until I find work', must: PROPOSAL, mustNot: NOT_FULL },
      { says: 'no', must: ['closest I can offer is 24 monthly payments of $208.34'], mustNot: NOT_FULL },
    ]);
    expect(await handoffsOf('A-1006')).toEqual([]);
  });

  it('SMS: the same, and "1" sends the proposal', async () => {
    const sms = smsFrom(bot(), AISHA_PHONE);
    await verified(sms, 'December 5 1995 10025');
    await play(sms, [
      // SMS: the short review names the offer and the reason, and asks before showing the closest plan.
      { says: 'i cant pay $400 right now, could I do $20 a month until I find work', must: ['no pressure', 'I cannot agree to $20.00 a month myself', 'the smallest monthly payment here is $208.34', 'collections officer', 'Reply 1 or 2.'], mustNot: NOT_FULL },
      { says: '1', must: ['I have sent your proposal'] },
    ]);
    expect((await handoffsOf('A-1006')).map((h) => h.reason)).toEqual(['proposal']);
  });

  it('Spanish: "no puedo pagar $400 ahora, ¿podría pagar $20 al mes hasta que encuentre trabajo?"', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      {
        says: 'no puedo pagar $400 ahora, ¿podría pagar $20 al mes hasta que encuentre trabajo?',
        must: ['Lamento', 'No puedo aceptar $20.00 al mes por mi cuenta', 'como máximo 24 pagos', 'agente de cobranza'],
        mustNot: ['Estos son los términos', '• $400.00', '• $3,518.15', '¿Autoriza'],
      },
    ]);
  });

  it('DESIGN 8: "I lost my job and I can\'t pay it all at once" — never "no pressure" followed by a recap for the full balance', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: "I lost my job and I can't pay it all at once", must: ['no pressure', 'as small as $45.21 a month', 'a person from our team'], mustNot: [...NOT_FULL, '$1,085.00 on', ...NEVER] },
    ]);
    expect(await db().plan.count()).toBe(0);
  });
});
