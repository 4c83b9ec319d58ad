import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, verifiedByMail as verified } from '../helpers/conversation.ts';

/**
 * What the fresh-eyes replay of round 10 (test/reviews/2026-12-07-fresh-eyes-round-10.md) saw,
 * replayed the way those debtors wrote, on the demo accounts (clock: Monday November 23, 2026).
 * Carlos (A-1002): $3,518.15, settlement floor $2,462.71.
 */
const bot = freshBotForEachTest();
const db = () => bot().database.db;

describe('03: a settlement asked with an amount in slang, then a date correction and the floor accepted', () => {
  it('Spanish web: "se puede liquidar la cuenta pagando 900 de un jalon?" before verification is a settlement of $900, never a full-balance recap', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [
      { says: 'hola buenas, me llego una carta. se puede liquidar la cuenta pagando 900 de un jalon?', must: ['confirmar su identidad'] },
      { says: 'carlos ramirez, naci el 2 de noviembre de 1979', must: ['código postal'] },
      { says: '78201', must: ['$2,462.71'], mustNot: ['exactamente el saldo', 'Estos son los términos de su pago'] },
      // With the floor on the table, a date alone (taken back and corrected) is for it, not for the refused $900.
      { says: 'ok va, lo pago el 20 de diciembre, no espera, mejor el 19 que es viernes', must: ['$2,462.71 el 19 de diciembre de 2026'], mustNot: ['$900.00', 'el 20 de diciembre'] },
    ]);
  });

  it('"no! ya no ofrezco 1500. acepto los 2462.71, el 19 de diciembre": the amount accepted, not the one taken back', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      { says: 'aceptarian 1500 para liquidar?', must: ['$2,462.71'] },
      { says: 'no! ya no ofrezco 1500. acepto los 2462.71, el 19 de diciembre', must: ['Estos son los términos', '$2,462.71 el 19 de diciembre de 2026'], mustNot: ['$1,500.00', 'No puedo establecer eso'] },
    ]);
  });
});

describe('01: "ok i paid it. is my account closed now?" right after paying', () => {
  it('web: the question is answered, no dispute question read into it, and a dispute stays one message away', async () => {
    const maria = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await db().payment.create({ data: { accountId: maria.id, amount: maria.balance, currency: 'USD', status: 'succeeded', provider: 'demo' } });
    await db().account.update({ where: { id: maria.id }, data: { balance: 0 } });
    await play(conversation, [
      { says: 'ok i paid it. is my account closed now?', must: ['nothing more is owed', 'tell me and I will record it as a dispute'], mustNot: ['It sounds like you think', 'Would you like to dispute it?', 'I have recorded your dispute'] },
    ]);
    expect(await db().dispute.count({ where: { accountId: maria.id } })).toBe(0);
  });
});
