import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation, verifiedByMail as verified } from '../helpers/conversation.ts';

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

describe('05: a date taken back', () => {
  it('web: "can the first one be on the 15th.. actually no make it the 22nd, thats when my unemployment hits" starts on the 22nd', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: "hi. i got laid off last month and cant pay what you're asking right now. could i do like 20 a month until i find work?", must: ['confirm who you are'] },
      { says: 'linda park. january 9 1990', must: ['ZIP'] },
      { says: 'zip 60614', must: ['$20.00'] },
      { says: 'can the first one be on the 15th.. actually no make it the 22nd, thats when my unemployment hits', must: ['$20.00 on December 22, 2026'], mustNot: ['December 15'] },
    ]);
  });
});

describe('06: "so what happens now, do i need to send them anything" after a dispute', () => {
  it('web: what comes next is said, not "anything else I can help with?"', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 December 5 1995 10025');
    await play(conversation, [
      { says: 'i dont even remember going to peachtree medical, i had insurance back then anyway. this isnt mine', must: ['recorded your dispute'] },
      { says: 'ok. so what happens now, do i need to send them anything', must: ['Nothing more is needed from you now', 'verification'], mustNot: ['Is there anything else I can help with'] },
    ]);
  });

  it('Spanish, on an open account: "y ahora que sigue?" gives the choices', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [{ says: 'y ahora que sigue?', must: ['Usted decide'], mustNot: ['no le entendí'] }]);
  });
});

describe('07: the attorney said, then the number checked; the balance asked in other words', () => {
  it('web: "did u get her number right? 305 555 0123" confirms it; another number is recorded instead', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 July 21 1968 94110');
    await play(conversation, [
      { says: 'i have a lawyer for all my debts now, her name is Denise Alvarado and shes at 305-555-0123, talk to her', must: ['Denise Alvarado represents you'] },
      { says: 'did u get her number right? 305 555 0123', must: ['Yes: we have Denise Alvarado at 305'], mustNot: ['did not understand'] },
      { says: 'sorry its actually 305 555 0199', must: ["changed Denise Alvarado's contact to 305 555 0199"], mustNot: ['Yes: we have'] },
    ]);
    const james = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1003' } });
    expect(james.attorneyContact).toBe('305 555 0199');
  });

  it('"what would the balance be if i did want to pay" is a balance question', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 July 21 1968 94110');
    await play(conversation, [{ says: 'what would the balance be if i did want to pay', must: ['$876.25'], mustNot: ['did not understand'] }]);
  });
});

describe('02: "ugh fine. agent"', () => {
  it('a request for a person at the end of a sentence is one', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 July 21 1968 94110');
    await play(conversation, [{ says: 'ugh fine. agent', mustNot: ['did not understand'] }]);
    expect(await db().handoff.count({ where: { reason: 'asked' } })).toBe(1);
  });
});

describe('09: a yes to electronic notices with an offer after it, and "I already said yes"', () => {
  it('Spanish web: "si. y podria pagar 400 al mes a partir del mes que viene?" consents and gets the plan; the question is not asked again', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    const transcript = await play(conversation, [
      { says: 'hola soy carlos ramirez, naci el 2 de noviembre de 1979, cp 78201', must: ['forma electrónica'] },
      { says: 'si. y podria pagar 400 al mes a partir del mes que viene?', must: ['/notices/', '$400.00', '1 de diciembre de 2026'] },
      { says: 'si', must: ['/pay/'], mustNot: ['forma electrónica'] },
    ]);
    expect(transcript.flat().join('\n')).not.toMatch(/Una cosa más, sobre sus avisos/);
    const carlos = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1002' } });
    expect(await db().consent.count({ where: { accountId: carlos.id, kind: 'esign' } })).toBe(1);
  });

  it('"ya le habia dicho que si" to the question asked again is a yes', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [
      { says: 'hola soy carlos ramirez, naci el 2 de noviembre de 1979, cp 78201', must: ['forma electrónica'] },
      { says: 'ya le habia dicho que si', must: ['/notices/'], mustNot: ['no le entendí'] },
    ]);
  });

  it('"yes but what does electronic mean" is no consent', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1003 july 21 1968 94110', must: ['electronically'] },
      { says: 'yes but what does electronic mean? also can i do 100 a month', mustNot: ['/notices/'] },
    ]);
  });
});

describe('12: a Spanish speaker texting from a number not on file', () => {
  it('SMS: "q onda quien es" is answered in Spanish, "no hablo ingles" keeps Spanish, "pa que quieren eso" is answered, and the account number verifies', async () => {
    const conversation = smsConversation(bot(), '+15125550199');
    await play(conversation, [
      { says: 'q onda quien es', must: ['asistente virtual'], mustNot: ['virtual assistant'] },
      { says: 'no hablo ingles', mustNot: ['continue in English', 'I will continue'] },
      { says: 'pa que quieren eso', must: ['Para hablar de una cuenta solo con la persona a quien pertenece'], mustNot: ['no le entendí'] },
      { says: 'la carta dice cuenta A-1002', must: ['número de cuenta'] },
      { says: '2 de noviembre de 1979 cp 78201', must: ['Su identidad está confirmada'] },
    ]);
  });

  it('"i dont speak spanish" is English', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [{ says: 'i dont speak spanish', mustNot: ['español'] }]);
  });
});

describe('11: one account only, and a name typed without its apostrophe', () => {
  it('web: "is that the only account? i thought there was another one" while the E-SIGN question is open says so, then asks it again', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'hi im linda park, i think i have 2 different bills with you guys? b-day jan 9 1990 zip 60614', must: ['electronically'] },
      { says: 'is that the only account? i thought there was another one', must: ['This is the only account we have for you', 'electronically'], mustNot: ['did not understand'] },
    ]);
  });

  it('"james oconnor, 7/21/1968, 94110" verifies James O\'Connor', async () => {
    const conversation = bot().conversation();
    await play(conversation, [{ says: 'james oconnor, 7/21/1968, 94110', must: ['You are verified'] }]);
  });
});

describe('13: the breakdown asked in other words, and "ok agent then"', () => {
  it('web: "how is it 5000, can i see whats in that" while the E-SIGN question is open shows how the balance adds up', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1006 December 5 1995 10025', must: ['electronically'] },
      { says: 'how is it 5000, can i see whats in that', must: ['$5,400.00'], mustNot: ['did not understand'] },
    ]);
  });

  it('"ok agent then" asks for a person', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 December 5 1995 10025');
    await play(conversation, [{ says: 'ok agent then', mustNot: ['What would you like to do?'] }]);
    expect(await db().handoff.count({ where: { reason: 'asked' } })).toBe(1);
  });
});

describe('14: after the crisis reply, "no im ok… just stressed", then a small plan asked for', () => {
  it('SMS: safe is heard, paying is put off without pressure, and "text me instead of calling" is recorded', async () => {
    const conversation = smsConversation(bot(), '+16465550112');
    await conversation.say('hi');
    await verified(conversation, 'Dec 5 1995 10025');
    await play(conversation, [
      { says: '5000. i cant do this anymore honestly. rent, my car, now this. sometimes i think everyone would be better off without me', must: ['988'] },
      { says: 'no im ok, sorry, i didnt mean it like that. just stressed', must: ['safe', '988'] },
      { says: 'really im fine. can we just figure out something small, like 50 a month?', must: ['nothing is due now', 'will not ask you for a payment'], mustNot: ['Do you authorize', '$50.00 on'] },
      { says: 'can whoever it is text me instead of calling? i cant pick up at work', mustNot: ['I am still here'] },
    ]);
    const aisha = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1006' } });
    expect(aisha.contactPreferenceJson).not.toBeNull();
    expect(await db().plan.count({ where: { accountId: aisha.id } })).toBe(0);
  });
});

describe('15: a hostile debtor asks what the bill is for', () => {
  it('web: "no just show me what its for" after the dispute question shows the breakdown; "WHAT IS IT FOR" too; "fine 280 but on the 18th" keeps the 280', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1004 January 9 1990 60614');
    await play(conversation, [
      { says: "400 bucks for what?? i never even got a bill from them. you're clowns", must: ['dispute'] },
      { says: 'no just show me what its for', must: ['I have not recorded a dispute', 'adds up'] },
      { says: 'are you deaf. WHAT IS IT FOR', must: ['adds up'] },
      { says: "whatever. lowest you'll take? i'll give you 150 and that's it", must: ['$280.00'] },
      { says: 'will they take 200', must: ['$280.00'] },
      { says: 'fine 280 but on the 18th', must: ['$280.00 on December 18, 2026'], mustNot: ['$200.00'] },
    ]);
  });
});

describe('17, 18, 21, 22: paying said plainly, pauses said in passing, a name said again', () => {
  it('Spanish web: "quiero pagar el saldo completo y quitarmelo de encima" gets the terms for paying it all, not the balance again', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      { says: 'bueno ya. quiero pagar el saldo completo y quitarmelo de encima', must: ['$3,518.15', 'Estos son los términos'] },
    ]);
  });

  it('SMS Spanish: "dejame checar mi cuenta del banco, ahorita vuelvo" with a counter on the table is a pause, and the counter stays', async () => {
    const conversation = smsConversation(bot(), '+14045550101', 'es-US');
    await conversation.say('hola');
    await verified(conversation, '14 de marzo de 1985 30301');
    await play(conversation, [
      { says: 'aceptarian 600 para liquidar?', must: ['$759.50'] },
      { says: 'dejame checar mi cuenta del banco, ahorita vuelvo', must: ['No hay prisa'], mustNot: ['no le entendí'] },
      { says: 'ya volvi. si, los 759.50 pero el dia 15 que es cuando me pagan', must: ['$759.50', '15 de diciembre de 2026'] },
    ]);
  });

  it('web Spanish: "ya le di mi nombre!! linda park" is the name', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [
      { says: 'hola', must: ['nombre completo'] },
      { says: 'ya le di mi nombre!! linda park', must: ['ya tengo su nombre'], mustNot: ['no le entendí'] },
    ]);
  });
});

describe('22: "listo ya pague. ya quedo cerrada la cuenta?" right after paying', () => {
  it('SMS Spanish: answered, with no dispute question', async () => {
    const james = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1003' } });
    const conversation = smsConversation(bot(), '+14155550188', 'es-US');
    await conversation.say('hola');
    await verified(conversation, '21 de julio de 1968 94110');
    await db().payment.create({ data: { accountId: james.id, amount: james.balance, currency: 'USD', status: 'succeeded', provider: 'demo' } });
    await db().account.update({ where: { id: james.id }, data: { balance: 0 } });
    await play(conversation, [{ says: 'listo ya pague. ya quedo cerrada la cuenta?', mustNot: ['¿Quiere disputar esto?', 'He registrado su disputa'] }]);
  });
});

describe('08: the rights before any terms, when the E-SIGN question was put off by a question', () => {
  it('SMS Spanish: the breakdown asked while it is open, then "ok lo quiero saldar todo de una vez": the rights come before the terms', async () => {
    const conversation = smsConversation(bot(), '+14045550101', 'es-US');
    await conversation.say('hola');
    const [, pay = []] = await play(conversation, [
      { says: '14 de marzo de 1985, cp 30301', must: ['formato digital'] },
      { says: 'y esos 1085 de que son? traen intereses o cargos?', must: ['$1,250.00'] },
      { says: 'ok lo quiero saldar todo de una vez', must: ['Sus derechos', '$1,085.00'] },
    ]).then((t) => [t[1], t[2]]);
    const text = pay.join('\n');
    expect(text.indexOf('Sus derechos')).toBeLessThan(text.indexOf('$1,085.00 el'));
  });
});
