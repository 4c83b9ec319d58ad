import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation, verifiedByMail as verified } from '../helpers/conversation.ts';

/**
 * Questions about the terms on the table — "is that the lowest?", "¿es del total?" — are answered
 * from the terms and the creditor's limits, and the question on the table stays; an amount in them
 * is one they refer to, not an offer (left from fresh-eyes round 9: the same offer again, or a
 * start date asked for). Clock: Monday November 23, 2026. Aisha (A-1006): $5,000, floor $3,500.
 */
const bot = freshBotForEachTest();

describe('"is that the lowest?"', () => {
  it('web, a settlement at the floor: yes, the smallest amount, and a person can review less; "can you go lower, like 3000" is still judged', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 December 5 1995 10025');
    await play(conversation, [
      { says: 'can i settle for less', must: ['$3,500.00'] },
      { says: 'is that the lowest you can go?', must: ['$3,500.00 is the smallest amount the creditor accepts to settle', 'collections officer to review', 'Would that work for you?'] },
      { says: 'can you go lower, like 3000?', must: ['I cannot set that up exactly', '$3,500.00'] },
    ]);
  });

  it('Spanish, the smallest plan: "¿es lo mínimo?" says it is the smallest payment, "no pueden bajarle?" too', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      { says: 'puedo pagar 100 al mes?', must: ['$293.18'] },
      { says: '¿es lo mínimo?', must: ['$293.18 por pago es el pago más bajo que el acreedor acepta'], mustNot: ['no le entendí'] },
    ]);
  });

  it('a plan above the smallest: the creditor may accept less (not "yes")', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 july 21 1968 94110');
    await play(conversation, [
      { says: '300 a month', must: ['$300.00'] },
      { says: 'is that the lowest?', must: ['The creditor may accept less'], mustNot: ['Yes:'] },
    ]);
  });

  it('"what is the least i can pay a month" asks for the smallest plan', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 july 21 1968 94110');
    await play(conversation, [{ says: 'what is the least i can pay a month', must: ['a month'], mustNot: ['did not understand'] }]);
  });
});

describe('"is that from the total?"', () => {
  it('web: "is that from the total or the 5000?" says the one payment settles the whole balance, and asks for no date', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 December 5 1995 10025');
    await play(conversation, [
      { says: 'can i settle for less', must: ['$3,500.00'] },
      { says: 'is that from the total or the 5000?', must: ['settles the whole $5,000.00 balance', 'you owe nothing more'], mustNot: ['When would you like the first payment'] },
    ]);
  });

  it('SMS, Spanish: "¿es de los 5000 o del total?" after the settlement terms, then "sí" still agrees to the terms shown', async () => {
    const conversation = smsConversation(bot(), '+16465550112', 'es-US');
    await conversation.say('hola');
    await verified(conversation, 'A-1006 5 de diciembre de 1995 10025');
    await play(conversation, [
      { says: 'quiero liquidar por menos', must: ['$3,500.00'] },
      { says: 'sí', must: ['$3,500.00'] },
      { says: '¿es de los 5000 o del total?', must: ['liquida todo el saldo de $5,000.00', 'no debe nada más'] },
      { says: 'sí', must: ['https://'] },
    ]);
  });

  it('a plan: "does that cover everything?" says the payments add up to the whole balance', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 july 21 1968 94110');
    await play(conversation, [
      { says: '300 a month', must: ['$300.00'] },
      { says: 'does that cover everything?', must: ['the payments add up to $876.25, the whole balance'] },
    ]);
    expect(await bot().database.db.plan.count({ where: { status: { in: ['agreed', 'active'] } } })).toBe(0);
  });
});
