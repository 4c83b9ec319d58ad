import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified } from '../helpers/conversation.ts';

/**
 * What the fresh-eyes replay of round 9 (test/reviews/2026-12-07-fresh-eyes-round-9.md) saw, replayed
 * the way those debtors wrote, on the demo accounts (clock: Monday November 23, 2026, 10:00 Eastern).
 */

const bot = freshBotForEachTest();
const db = () => bot().database.db;
const account = (accountNumber: string) => db().account.findUniqueOrThrow({ where: { accountNumber } });

describe('F1: a pay link that does not open is no identity theft', () => {
  it('"no. also the link doesnt open, it just spins" records nothing and pauses nothing', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'no. also the link doesnt open, it just spins', mustNot: ['identity theft', 'paused collection'] }]);
    const maria = await account('A-1001');
    expect(maria.identityTheft).toBe(false);
    expect(await db().auditEvent.count({ where: { accountId: maria.id, type: { contains: 'identity' } } })).toBe(0);
  });
});

describe('F2: asking about the right to dispute is asked about, never recorded; a misreading said so is not added to', () => {
  it('web: "can i dispute this?" gets the rights, then whether they want to; "no i was just asking" records nothing', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 july 21 1968 94110');
    await play(conversation, [
      { says: 'can i dispute this?', must: ['Your rights: until', 'Would you like to dispute it now?'], mustNot: ['I have recorded your dispute'] },
      { says: 'no i was just asking', must: ['I have not recorded a dispute'] },
    ]);
    expect(await db().dispute.count({ where: { accountId: (await account('A-1003')).id } })).toBe(0);
  });

  it('Spanish: "tengo derecho a pedir pruebas de la deuda?" and "hasta cuando tengo para disputar?" record no dispute', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      { says: 'tengo derecho a pedir pruebas de la deuda?', must: ['Sus derechos: hasta', '¿Quiere disputarla ahora?'], mustNot: ['He registrado su disputa'] },
      { says: 'no, solo preguntaba', must: ['no he registrado ninguna disputa'] },
    ]);
    expect(await db().dispute.count({ where: { accountId: (await account('A-1002')).id } })).toBe(0);
  });

  it('after a dispute, "can you take the dispute off, i never disputed" is not added to it', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 july 21 1968 94110');
    await play(conversation, [
      { says: 'i dispute this debt, it is not mine', must: ['recorded your dispute'] },
      { says: 'can you take the dispute off, i never disputed', mustNot: ['added this to your dispute'] },
    ]);
  });
});

describe('F3: a yes to electronic notices in ordinary words is consent', () => {
  it('Spanish web: a side question, then "bueno. si, acepto lo electronico" delivers the notice', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [
      { says: 'hola, cuenta A-1002, naci el 2 de noviembre de 1979, cp 78201', must: ['forma electrónica'] },
      { says: 'me pueden demandar?', must: [] },
      { says: 'bueno. si, acepto lo electronico', must: ['Aquí está su aviso de validación'] },
    ]);
  });

  it('SMS: "ok 1" answers the numbered question', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await play(sms, [
      { says: 'March 14 1985 30301', must: ['1 Yes'] },
      { says: 'ok 1', must: ['Here is your validation notice'], mustNot: ['did not understand'] },
    ]);
  });
});

describe('F5: "liquidar pagando menos" is a settlement, never the full balance', () => {
  it('Spanish SMS, the goal said before verification: the settlement the creditor accepts', async () => {
    const sms = smsFrom(bot(), '+13055550147', 'es-US');
    await play(sms, [
      { says: 'hola, quiero liquidar esta cuenta pagando menos, cuanto seria lo menos q aceptan?', must: [] },
      { says: '30 de mayo de 1958, cp 33101', mustNot: ['exactamente el saldo', 'Puedo establecer eso'] },
    ]);
  });
});

describe('F8: the facts given with "en español por favor" are read, and the switch is said once', () => {
  it('web: "hola en español por favor. soy james o\'connor nacido el 21 de julio de 1968 codigo postal 94110" verifies', async () => {
    const conversation = bot().conversation();
    const [reply] = await play(conversation, [
      { says: "hola en español por favor. soy james o'connor nacido el 21 de julio de 1968 codigo postal 94110", must: ['seguiré en español', 'Su identidad está confirmada'], mustNot: ['número de cuenta o su nombre completo'] },
    ]);
    expect(reply!.filter((r) => r.includes('seguiré en español'))).toHaveLength(1);
  });

  it('mid-verification: "en español por favor, naci el 21 de julio de 1968" takes the date, and says the switch once', async () => {
    const conversation = bot().conversation();
    await play(conversation, [{ says: 'hi', must: [] }, { says: 'A-1003', must: ['date of birth'] }]);
    const [reply] = await play(conversation, [{ says: 'en español por favor, naci el 21 de julio de 1968', must: ['ya tengo su fecha de nacimiento'] }]);
    expect(reply!.filter((r) => r.includes('seguiré en español'))).toHaveLength(1);
  });
});

describe('F4: "i cant do 416 a month, i got laid off in oct… 100 is the max" is an offer of $100 a month from now', () => {
  it('SMS: judged as $100 a month, never starting October 2027, never $416', async () => {
    const sms = smsFrom(bot(), '+16465550112');
    await verified(sms, 'Dec 5 1995 10025');
    await play(sms, [
      { says: 'i cant do 416 a month, i got laid off in oct and im a single mom. 100 is the max.', must: ['$100.00'], mustNot: ['October 1, 2027', '$416.00 a month'] },
    ]);
  });
});

describe('F7: "2000 is what i have" is an amount offered', () => {
  it('SMS: after the $3,500 settlement, "3500 is way too much. 2000 is what i have from my tax refund" is taken up, not "did not understand"', async () => {
    const sms = smsFrom(bot(), '+16465550112');
    await verified(sms, 'Dec 5 1995 10025');
    await play(sms, [
      { says: 'settle for less?', must: ['$3,500.00'] },
      { says: '3500 is way too much. 2000 is what i have from my tax refund. can someone review it', must: [/first payment|\$2,000\.00|review/i], mustNot: ['did not understand'] },
    ]);
  });
});

describe('F3: a yes to electronic notices after the question was put off', () => {
  it('Spanish web: "un momento", then "ok, sí acepto lo electrónico" — the notice, not the menu', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [
      { says: 'hola, cuenta A-1002, naci el 2 de noviembre de 1979, cp 78201', must: ['forma electrónica'] },
      { says: 'un momento', must: ['No hay prisa'] },
      { says: 'ok, sí acepto lo electrónico', must: ['Aquí está su aviso de validación'], mustNot: ['no le entendí'] },
    ]);
  });
});

describe('F11: "how long is the wait to talk to a real person" is answered, not a request', () => {
  it('SMS: the wait a request would have, and no person asked for; Spanish too', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await play(sms, [{ says: 'ok how long is the wait to talk to a real person', must: ['If you ask for one now, the wait is about'], mustNot: ['I have asked a person'] }]);
    expect(await db().handoff.count()).toBe(0);
    const es = bot().conversation({ locale: 'es-US' });
    await play(es, [{ says: 'cuanto tarda en atenderme una persona si la pido?', must: ['la espera es de unos'], mustNot: ['He pedido que una persona'] }]);
  });
});

describe('a no opening the answer to "Do you want to dispute this?" records nothing', () => {
  it('SMS: "can i dispute the interest part?" then "no just asking" — no dispute recorded', async () => {
    const sms = smsFrom(bot(), '+16465550112');
    await verified(sms, 'Dec 5 1995 10025');
    await play(sms, [
      { says: 'can i dispute the interest part?', must: ['Your rights', 'Do you want to dispute it now?'] },
      { says: 'no just asking', must: ['not recorded a dispute'], mustNot: ['I have recorded your dispute'] },
    ]);
    expect(await db().dispute.count({ where: { accountId: (await account('A-1006')).id } })).toBe(0);
  });

  it('"no its not mine" to the same question is a dispute', async () => {
    const sms = smsFrom(bot(), '+16465550112');
    await verified(sms, 'Dec 5 1995 10025');
    await play(sms, [
      { says: 'can i dispute the interest part?', must: ['Your rights', 'Do you want to dispute it now?'] },
      { says: 'no its not mine', must: ['recorded your dispute'] },
    ]);
  });
});

describe('"will this show on my credit" / "va a salir en mi crédito?" is the credit answer', () => {
  it('web, both languages', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'will this show on my credit', must: ['credit report'], mustNot: ['did not understand'] }]);
    const es = bot().conversation({ locale: 'es-US' });
    await verified(es, 'A-1002 2 de noviembre de 1979 78201');
    await play(es, [{ says: 'va a salir en mi credito?', must: [/crédito/], mustNot: ['no le entendí'] }]);
  });
});
