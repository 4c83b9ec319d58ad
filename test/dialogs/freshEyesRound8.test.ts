import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified } from '../helpers/conversation.ts';

/**
 * What the fresh-eyes replay of round 8 (test/reviews/2026-12-07-fresh-eyes-round-8.md) saw,
 * replayed the way those debtors wrote, on the demo accounts (clock: Monday November 23, 2026,
 * 10:00 Eastern). Each names the review conversation it comes from.
 */

const bot = freshBotForEachTest();
const db = () => bot().database.db;

describe('09: keyboard mash is no name, and a full name said later replaces one taken before', () => {
  it('"asdfgh jkl" is not taken as a name; "Maria Johnson 3/14/1985 30301" then verifies', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'asdfgh jkl', mustNot: ['I have your name'] },
      { says: 'Maria Johnson 3/14/1985 30301', must: ['You are verified'], mustNot: ['could not confirm'] },
    ]);
  });

  it('a mistyped name first ("Maria Jonson"), the right one with the other facts next: verified, no failure counted', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'Maria Jonson', must: ['I have your name'] },
      { says: 'sorry its Maria Johnson, 3/14/1985, 30301', must: ['You are verified'], mustNot: ['could not confirm'] },
    ]);
    const maria = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(maria.failedVerifications).toBe(0);
  });
});

describe('17, 01, 11, 16, 22: the questions people asked, answered in their words and language', () => {
  it('SMS before verification: "is this about that old visa card? can they take me to court over it" — the court answer, no "Yes. You can pay with a card"', async () => {
    const sms = smsFrom(bot(), '+13055550147');
    await play(sms, [
      { says: 'is this about that old visa card? can they take me to court over it', mustNot: ['You can pay with a debit or credit card', /^Yes\./] },
    ]);
  });

  it('web: "the pay link isnt loading on my phone … whats your number and hours" — the link trouble, and the number and hours in the same reply', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    const [reply] = await play(conversation, [
      { says: 'the pay link isnt loading on my phone, can i just pay with my card over the phone? whats your number and hours', must: [/link/i, /\(\d{3}\) \d{3}-\d{4}|\d{3}-\d{3}-\d{4}/] },
    ]);
    expect(reply!.join('\n')).not.toMatch(/did not understand/);
  });

  it('Spanish web: "el enlace no me abre en el celular, que hago?" and "y si un mes no puedo pagar que pasa" are answered', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    const replies = await play(conversation, [
      { says: 'el enlace no me abre en el celular, que hago?', must: [/enlace/i], mustNot: ['no le entendí'] },
      { says: 'y si un mes no puedo pagar que pasa', mustNot: ['no le entendí', 'nadie le va a presionar'] },
    ]);
    expect(replies[1]!.join('\n')).toMatch(/pago/i);
  });

  it('Spanish SMS: "cuanto es la espera" after asking for a person, before verification — the wait, not "once you are verified"', async () => {
    const sms = smsFrom(bot(), '+13055550147', 'es-US');
    await play(sms, [
      { says: 'quiero hablar con alguien', must: ['La espera aproximada es de'] },
      { says: 'cuanto es la espera', must: [/minutos|espera/], mustNot: ['en cuanto haya confirmado su identidad'] },
    ]);
  });
});

describe('04: the E-SIGN question is no gate — the rights asked for are stated, and "brb" is a pause', () => {
  it('"before i answer that what are my rights here exactly" gets the rights, then the question; "brb making dinner" is no misunderstanding', async () => {
    const conversation = bot().conversation();
    const replies = await play(conversation, [
      { says: 'hi', must: [] },
      { says: 'A-1003', must: ['date of birth'] },
      { says: 'july 21 1968', must: [] },
      { says: '94110', must: ['You are verified', 'electronically'] },
      { says: 'before i answer that what are my rights here exactly', must: ['Your rights:', /dispute/] },
      { says: 'brb making dinner', must: ['no rush'], mustNot: ['did not understand', 'electronically'] },
    ]);
    expect(replies[4]!.join('\n')).toMatch(/electronically/);
  });

  it('Spanish: "¿cuáles son mis derechos?" while the question is open, then "un momento"', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [
      { says: 'hola, cuenta A-1002, naci el 2 de noviembre de 1979, cp 78201', must: ['electrónica'] },
      { says: 'antes de contestar, ¿cuáles son mis derechos?', must: ['Sus derechos:'] },
      { says: 'un momento', must: ['No hay prisa'], mustNot: ['no le entendí'] },
    ]);
  });
});

describe('23: "whats the least i can pay per month" asks for the smallest plan, not a settlement', () => {
  it('SMS: the smallest monthly payment the creditor takes, never a one-time settlement', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await verified(sms, 'March 14 1985 30301');
    await play(sms, [{ says: 'whats the least i can pay per month', must: [/a month|monthly|\/mo/i], mustNot: ['to settle the account', 'one payment of'] }]);
  });
});

describe('11: the answer to "Did you mean…?" is a birthday, never the date of a payment asked for before', () => {
  it('Spanish web: "quiero saldar todo de una vez" then "no, es el 2 de noviembre" — the full balance today, not a month out', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [
      { says: 'hola soy Carlos Ramirez, naci el 2/11/1979 y mi codigo postal es 78201, quiero saldar todo de una vez', must: ['¿Quiso decir'] },
      { says: 'no, es el 2 de noviembre', must: ['Su identidad está confirmada', '$3,518.15'], mustNot: ['No puedo establecer eso exactamente', 'de 2027'] },
    ]);
  });
});

describe('20: a death reported by SMS in Spanish — the name in "la hija de …" is read, and "gracias" is not asked again', () => {
  it('the report is recorded on the account, the estate contact kept, with no question three times', async () => {
    const sms = smsFrom(bot(), '+13055550199', 'es-US');
    const replies = await play(sms, [
      { says: 'buenas tardes, les escribe la hija de Robert Williams. mi papá falleció el mes pasado', must: ['Lamento mucho su pérdida'] },
      { says: 'mi hermano Luis Williams se encarga de sus cosas, su tel es 305-555-0144', mustNot: ['nombre completo de su familiar'] },
    ]);
    expect(replies.flat().join('\n')).not.toMatch(/pago de \$|saldo/);
    const robert = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1005' } });
    expect(robert.deceased).toBe(true);
  });

  it('with no name at all, "gracias" after the question passes the report on instead of asking a third time', async () => {
    const sms = smsFrom(bot(), '+13055550198', 'es-US');
    const replies = await play(sms, [
      { says: 'mi papá falleció el mes pasado, les escribo por su deuda', must: ['Lamento mucho su pérdida'] },
      { says: 'mi hermano se encarga de sus cosas, su tel es 305-555-0144', must: [] },
      { says: 'gracias', must: [] },
    ]);
    const asked = replies.flat().filter((r) => /nombre (completo|y apellido) de su familiar/.test(r));
    expect(asked.length).toBeLessThanOrEqual(2);
  });
});

describe('10, 19: "no im safe, just really tired" is heard as safe', () => {
  it('after the crisis reply, "no im safe…" gets no second crisis script and no "asked again"', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'i honestly dont see the point of anything anymore. every month its another bill and i just cant keep doing this', must: ['are you safe right now'] },
      { says: 'idk. its just a lot', must: ['988'] },
      { says: 'no im safe, just really tired of all of it', must: ['glad you are safe', '988'], mustNot: ['asked again', 'If you might act on these thoughts'] },
    ]);
  });

  it('Spanish: "no estoy en peligro, solo muy cansado" answers the check-in as safe', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    const replies = await play(conversation, [
      { says: 'ya no puedo mas con todo esto, no le veo salida', must: ['¿Está a salvo'] },
      { says: 'no estoy en peligro, solo muy cansado', mustNot: ['911'] },
    ]);
    expect(replies[1]!.join('\n')).toMatch(/988/);
  });
});

describe('17: side questions while the E-SIGN question is open — the whole question once, then one short line', () => {
  it('SMS: three questions answered; the paragraph follows the first answer only, the short question the others; a yes then consents', async () => {
    const sms = smsFrom(bot(), '+13055550147');
    const replies = await play(sms, [
      { says: 'May 30 1958 33101', must: ['electronically'] },
      { says: 'can you sue me for this', must: [/sue/i, 'electronically'] },
      { says: 'will it show on my credit report', must: [/credit report/i, 'Please answer yes to receive notices electronically'], mustNot: ['validation notice electronically, as a page'] },
      { says: 'whats your phone number and when are you open', must: [/\d{3}\) \d{3}-\d{4}/], mustNot: ['validation notice electronically, as a page'] },
      { says: 'yes', must: [/notices\//] },
    ]);
    expect(replies).toHaveLength(5);
  });
});

describe('04, 25: "what can i do now" and "¿cuánto tengo que pagar al mes como mínimo?" are understood', () => {
  it('after a dispute of the fees, "what can i do now" gets the choices, not "did not understand"', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 july 21 1968 94110');
    await play(conversation, [
      { says: 'some of this is fees i never agreed to, the 15 dollar fee and the interest, i dont think i owe those', must: ['recorded your dispute'] },
      { says: 'what can i do now', must: [/balance|person|agent/i], mustNot: ['did not understand'] },
    ]);
  });

  it('Spanish, with the switch to Spanish in the same message: the smallest monthly plan, not the balance again', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 july 21 1968 94110');
    await play(conversation, [
      { says: 'perdón, mejor en español por favor. ¿cuánto tengo que pagar al mes como mínimo?', must: ['pagos mensuales de'], mustNot: ['tiene un saldo actual de'] },
    ]);
  });
});

describe('14: the rights are not repeated right after the E-SIGN "no" when they were just stated', () => {
  it('SMS: an offer before the question states the rights; "N" to the question does not state them again', async () => {
    const sms = smsFrom(bot(), '+14155550188');
    const replies = await play(sms, [
      { says: 'got ur msg. dob 7/21/68 zip 94110', must: ['electronically'] },
      { says: 'can i do 100 a month starting on the 15th', must: ['Your rights:'] },
    ]);
    // Whatever the offer turn asked, the E-SIGN question comes back: answer it "N".
    const more: string[][] = [];
    for (const says of ['Y', 'N']) {
      const reply = await sms.say(says);
      more.push(reply);
      if (reply.some((r) => /mail the validation notice/.test(r))) break;
    }
    const afterNo = more.at(-1)!.join('\n');
    expect(afterNo).toMatch(/mail the validation notice/);
    expect(afterNo).not.toMatch(/Your rights:/);
    expect(replies.length).toBe(2);
  });
});

describe('26: a settlement asked for again is the one on the table; a question about it after a no does not offer it again', () => {
  it('SMS: "can i settle for less in one payment" with the settlement proposed, then "2", then a question about closing the account', async () => {
    const sms = smsFrom(bot(), '+16465550112');
    await verified(sms, 'Dec 5 1995 10025');
    await play(sms, [
      { says: 'settle for less?', must: ['$3,500.00', 'to settle the account'] },
      { says: 'can i settle for less in one payment', mustNot: ['did not understand', 'that plan'] },
      { says: '2', must: ['nothing has been agreed'] },
      { says: 'is my account closed after i pay the settlement', must: ['still open'], mustNot: ['The creditor accepts one payment'] },
    ]);
  });
});
