import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation, verifiedByMail as verified } from '../helpers/conversation.ts';

/**
 * "brb", "un momento" anywhere in the conversation are a pause: no misunderstanding, nothing taken
 * as an answer, and "ok im back" asks the open question again (left from fresh-eyes round 9: "un
 * momento" outside the E-SIGN question was "did not understand"). A question about what would
 * happen ("y si un mes no puedo pagar?") is answered without the hardship acknowledgement.
 */
const bot = freshBotForEachTest();

describe('a pause', () => {
  it('web: "brb" with the plan terms open, then "ok im back" asks for the yes again; a yes still agrees', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 july 21 1968 94110');
    await play(conversation, [
      { says: 'can i do 200 a month', must: ['Do you authorize these payments?'] },
      { says: 'brb', must: ['There is no rush'], mustNot: ['did not understand'] },
      { says: 'ok im back', must: ['please reply yes'] },
      { says: 'yes', must: ['https://'] },
    ]);
  });

  it('SMS, Spanish, before verification: "un momento" is no misunderstanding, and the details then verify', async () => {
    const conversation = smsConversation(bot(), '+15125550199', 'es-US');
    await play(conversation, [
      { says: 'hola', must: [] },
      { says: 'un momento por favor', must: ['No hay prisa'], mustNot: ['no le entendí'] },
      { says: 'ya volví', must: [] },
      { says: 'cuenta A-1002, 2 de noviembre de 1979, 78201', must: ['Su identidad está confirmada'] },
    ]);
  });

  it('"un momento, cuánto debo?" is no pause: the question is answered', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [{ says: 'un momento, cuánto debo?', must: ['$3,518.15'], mustNot: ['No hay prisa'] }]);
  });
});

describe('"what if I cannot pay one month?" is a question, not a hardship', () => {
  it('Spanish web, with plan terms open: the missed-payment answer alone, and no hardship recorded', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      { says: 'puedo pagar 300 al mes?', must: ['$300.00'] },
      { says: 'y si un mes no puedo pagar, que pasa?', must: ['Si un pago no se procesa'], mustNot: ['Siento mucho', 'dificultades'] },
    ]);
    const carlos = await bot().database.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1002' } });
    expect(await bot().database.db.auditEvent.count({ where: { accountId: carlos.id, type: { contains: 'hardship' } } })).toBe(0);
  });

  it('"i lost my job, what happens if i cant pay" is still a hardship', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 july 21 1968 94110');
    await conversation.say('i lost my job, what happens if i cant pay');
    const james = await bot().database.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1003' } });
    expect(await bot().database.db.auditEvent.count({ where: { accountId: james.id, type: { contains: 'hardship' } } })).toBe(1);
  });
});

describe('a pause beside new terms', () => {
  it('web: "actually make it 250, brb" with plan terms on the table is judged as 250 a month, not only a pause', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 December 5 1995 10025');
    await play(conversation, [
      { says: 'can i do 300 a month', must: ['$416.67'] },
      { says: 'actually make it 250, brb', must: ['$416.67'], mustNot: ['There is no rush'] },
    ]);
  });
});
