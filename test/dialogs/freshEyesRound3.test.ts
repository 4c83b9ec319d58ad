import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified } from '../helpers/conversation.ts';

/**
 * What the fresh-eyes replay of round 3 (test/reviews/2026-12-07-fresh-eyes-round-3.md) saw and
 * round-3 fixes did not yet mend, replayed the way those debtors wrote, on the demo accounts (clock:
 * Monday November 23, 2026, 10:00 Eastern). Each names the review conversation it comes from.
 */

const bot = freshBotForEachTest();
const db = () => bot().database.db;

describe('C21: a settlement is one payment — asked in parts, it is said so, never a plan for the whole balance (#19 item 1)', () => {
  it('web: "can i do it in 2 parts, 1750 now and 1750 on jan 5?" after the $3,500 settlement', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 dec 5 1995 10025');
    await play(conversation, [
      { says: 'would you take 3000 to close it out?', must: ['$3,500.00'] },
      {
        says: 'can i do it in 2 parts, 1750 now and 1750 on jan 5?',
        must: ['A settlement is paid in one payment', '$3,500.00', 'December 23, 2026', 'payment plan for the full balance'],
        mustNot: ['Terms to review', 'I can set that up', 'exactly the balance'],
      },
      { says: 'ok one payment then but on the 18th', must: ['$3,500.00 on December 18, 2026'], mustNot: ['$5,000.00 on'] },
    ]);
    const aisha = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1006' } });
    expect(await db().plan.count({ where: { accountId: aisha.id } })).toBe(0);
  });

  it('SMS in Spanish: "¿lo puedo pagar en dos partes?" after the settlement offer', async () => {
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, 'nov 2 1979 78201');
    await play(sms, [
      { says: '¿me pueden hacer un descuento?', must: ['un solo pago'] },
      { says: '¿lo puedo pagar en dos partes?', must: ['es un solo pago', 'plan por el saldo de $3,518.15'], mustNot: ['Condiciones', 'Puedo establecer eso'] },
    ]);
  });
});

describe('a settlement asked in parts with no settlement on the table yet (replayed at the end of session 4, #19 item 1)', () => {
  it('web: "yes and can i settle it in 2 payments, 1750 now and 1750 next month" answers "Did you mean…?" and gets the settlement as one payment', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'hi its aisha bello dob 12/5/95 zip 10025', must: ['Did you mean December 5, 1995?'] },
      {
        says: 'yes and can i settle it in 2 payments, 1750 now and 1750 next month',
        must: ['You are verified', 'A settlement is paid in one payment', '$3,500.00'],
        mustNot: ['Terms of your payment plan', 'exactly the balance', 'as soon as I have confirmed who you are'],
      },
    ]);
  });

  it('SMS in Spanish: "¿me hacen un descuento si lo pago en dos partes?"', async () => {
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, 'nov 2 1979 78201');
    await play(sms, [{ says: '¿me hacen un descuento si lo pago en dos partes?', must: ['un solo pago'], mustNot: ['Condiciones', 'exactamente el saldo'] }]);
  });
});

describe('C03: moving the regular payments\' day keeps the first payment where it was (#12 item 4)', () => {
  it('SMS: "cn i do 200 now and the rest over 4 monts", then "can the monthly ones be on the 1st of the month instead"', async () => {
    const sms = smsFrom(bot(), '+14155550188');
    await verified(sms, 'jul 21 1968 94110');
    await play(sms, [
      { says: 'cn i do 200 now and the rest over 4 monts', must: ['$200.00 on November 23, 2026'] },
      { says: 'actualy can the monthly ones be on the 1st of the month instead', must: ['$200.00 on November 23, 2026', '$169.06 on December 1, 2026'], mustNot: ['$200.00 on December 1'] },
    ]);
  });

  it('web: "200 today and then 4 monthly payments starting jan 1" is $200 today and the 4 payments from January 1', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 jul 21 1968 94110');
    await play(conversation, [
      { says: '200 today and then 4 monthly payments starting jan 1', must: ['$200.00 on November 23, 2026', 'January 1, 2027'], mustNot: ['$200.00 on January 1'] },
    ]);
  });

  it('web in Spanish: "200 hoy y el resto en 4 meses a partir del 15 de diciembre"', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1002 nov 2 1979 78201');
    await play(conversation, [
      { says: 'puedo dar 200 hoy y el resto en 4 meses a partir del 15 de diciembre', must: ['$200.00 el 23 de noviembre de 2026', '15 de diciembre de 2026'] },
    ]);
  });

  it('web: regular payments asked to start months after the first payment get the latest date allowed, and why', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1003 jul 21 1968 94110');
    await play(conversation, [
      { says: '200 now and the rest monthly over 4 months starting in march', must: ['the regular payments can start on any date up to January 23, 2027', '$200.00 on November 23, 2026'] },
    ]);
  });
});

describe('a doubt said with uncertainty is asked about once, never recorded unasked (fresh-eyes round 3; Reg F 1006.38, DESIGN 4)', () => {
  const disputes = async (accountNumber: string) => {
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber } });
    return db().dispute.findMany({ where: { accountId: account.id } });
  };

  it('web: "why is it this high? i thought my insurance covered most of it" — the breakdown and the question; no records nothing, and paying goes on', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 dec 5 1995 10025');
    await play(conversation, [
      { says: 'why is it this high? i thought my insurance covered most of it', must: ['How the balance adds up', 'Would you like to dispute it?'], mustNot: ['I have recorded your dispute'] },
      { says: 'no', must: ['I have not recorded a dispute'] },
      { says: 'can i do 500 a month', must: ['$500.00'], mustNot: ['Collection on this account is paused'] },
    ]);
    expect(await disputes('A-1006')).toHaveLength(0);
  });

  it('web: the same doubt, then "yes" — recorded in the debtor\'s first words', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 dec 5 1995 10025');
    await play(conversation, [
      { says: 'why is it this high? i thought my insurance covered most of it', must: ['Would you like to dispute it?'] },
      { says: 'yes', must: ['I have recorded your dispute'] },
    ]);
    const recorded = await disputes('A-1006');
    expect(recorded.map((d) => [d.kind, d.words])).toEqual([['dispute', 'why is it this high? i thought my insurance covered most of it']]);
  });

  it('web: going on to pay after the question records nothing, and the offer is answered', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'i think i paid some of this already?', must: ['Would you like to dispute it?'] },
      { says: 'nah whatever, can i do 100 a month', must: ['$100.00'], mustNot: ['I have recorded your dispute'] },
    ]);
    expect(await disputes('A-1001')).toHaveLength(0);
  });

  it('SMS in Spanish: "creo que el seguro pagaba eso" (no rule reads it as a dispute) is asked about; "sí" records it', async () => {
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, 'nov 2 1979 78201');
    await play(sms, [
      { says: 'creo que el seguro pagaba eso', must: ['¿Quiere disputar esto?'], mustNot: ['He registrado su disputa'] },
      { says: 'sí', must: ['He registrado su disputa'] },
    ]);
    expect(await disputes('A-1002')).toHaveLength(1);
  });

  it('web: "not sure this is mine" before verification — after verifying, the breakdown and the question', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'not sure this is mine, A-1004', must: ['First I need to confirm who you are'] },
      { says: 'jan 9 1990', must: ['ZIP code'] },
      { says: '60614', must: ['How the balance adds up', 'Would you like to dispute it?'], mustNot: ['I have recorded your dispute'] },
      { says: 'yes', must: ['I have recorded your dispute'] },
    ]);
    expect(await disputes('A-1004')).toHaveLength(1);
  });

  it('web: the question about the doubt is never asked beside the E-SIGN question — "yes" answers one question; consent is asked once the dispute is recorded', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'not sure this is mine, A-1004', must: ['First I need to confirm who you are'] },
      { says: 'jan 9 1990', must: ['ZIP code'] },
      { says: '60614', must: ['Would you like to dispute it?'], mustNot: ['Do you agree to receive notices'] },
      { says: 'yes', must: ['I have recorded your dispute', 'Do you agree to receive notices'] },
      { says: 'yes', must: ['validation notice'], mustNot: ['I have recorded your dispute'] },
    ]);
    expect(await disputes('A-1004')).toHaveLength(1);
  });

  it('a plain dispute is still recorded at once: "this is not mine"', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'this is not mine', must: ['I have recorded your dispute'], mustNot: ['Would you like to dispute it?'] }]);
    expect(await disputes('A-1001')).toHaveLength(1);
  });
});

describe('fresh-eyes round 4: remarks, denials and questions are never recorded as a dispute (DESIGN 4)', () => {
  const disputes = async (accountNumber: string) => {
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber } });
    return db().dispute.count({ where: { accountId: account.id } });
  };

  it('D21 web: "if I make a payment does it restart the statute of limitations" is a question, not a dispute', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1005 may 30 1958 33101');
    await play(conversation, [{ says: 'if I make a payment does it restart the statute of limitations', mustNot: ['I have recorded your dispute', 'Collection on this account is paused'] }]);
    expect(await disputes('A-1005')).toBe(0);
  });

  it('D19 web: "what dispute?? i\'m not disputing anything" and the Spanish "cual disputa?? no estoy disputando nada" record nothing', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: "what dispute?? i'm not disputing anything", mustNot: ['I have recorded your dispute', 'Would you like to dispute it?'] }]);
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, 'nov 2 1979 78201');
    await play(sms, [{ says: 'cual disputa?? no estoy disputando nada', mustNot: ['He registrado su disputa'] }]);
    expect(await disputes('A-1001')).toBe(0);
    expect(await disputes('A-1002')).toBe(0);
  });

  it('D04 web: a correction the model alone reads as a dispute ("That\'s not it. Where\'s my 300?") is asked about, never recorded unasked', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: "That's not it. Where's my 300? And I said the 25th", mustNot: ['I have recorded your dispute', 'Collection on this account is paused'] }]);
    expect(await disputes('A-1001')).toBe(0);
  });

  it('D02 SMS in Spanish: "ya pagué. gracias" right after a payment went through is asked about, not recorded', async () => {
    const carlos = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1002' } });
    await db().payment.create({ data: { accountId: carlos.id, amount: 50000, currency: 'USD', status: 'succeeded', provider: 'demo' } });
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, 'nov 2 1979 78201');
    await play(sms, [
      { says: 'ya pagué. gracias', mustNot: ['He registrado su disputa'] },
      { says: 'no', mustNot: ['He registrado su disputa'] },
    ]);
    expect(await disputes('A-1002')).toBe(0);
  });

  it('D08 web: "I paid this card off in full in 2021" before verification — recorded with no offer invented beside it; said again, added to it', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'Account A-1001. I paid this card off in full in 2021 and I have the payoff letter from the hospital.', must: ['First I need to confirm who you are'] },
      { says: 'March 14 1985', must: ['ZIP code'] },
      { says: '30301', must: ['I have recorded your dispute'], mustNot: ['noted your offer', 'paying the full balance'] },
      { says: "What offer? I'm not offering to pay anything. I already paid it in 2021.", must: ['I have added this to your dispute'], mustNot: ['noted your offer', 'I have recorded your dispute'] },
    ]);
  });

  it('D22 web: "how does the 5000 add up" shows the breakdown, never a recap for $5,000', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1006 dec 5 1995 10025');
    await play(conversation, [
      { says: 'I want to pay it off', must: ['Here are the terms'] },
      { says: 'how does the 5000 add up', must: ['How the balance adds up'], mustNot: ['I can set that up'] },
    ]);
  });
});

describe('fresh-eyes round 4: verification, notices and contact wishes as people wrote them', () => {
  it('D01 web: "hi its maria johnson dob 3/14/85 zip 30301 i want to pay it off" verifies at once (the name ends at "dob")', async () => {
    const conversation = bot().conversation();
    await play(conversation, [{ says: 'hi its maria johnson dob 3/14/85 zip 30301 i want to pay it off', must: ['You are verified'], mustNot: ['could not confirm'] }]);
  });

  it('D01/D15: "just mail it" and "mándemelo por correo" at the E-SIGN question are a no (mail)', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1001 March 14 1985 30301', must: ['agree to receive notices about this account electronically'] },
      { says: 'just mail it', must: ['We will mail the validation notice'], mustNot: ['did not understand'] },
    ]);
    const sms = smsFrom(bot(), '+12105550134');
    await play(sms, [
      { says: 'nov 2 1979 78201', must: ['formato digital'] },
      { says: 'mándemelo por correo', mustNot: ['no le entendí', 'No le entendí'] },
    ]);
    const carlos = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1002' } });
    expect(await db().consent.count({ where: { accountId: carlos.id, kind: 'esign' } })).toBe(0);
  });

  it('D24 SMS: "i want the notices by text not mail" takes back nothing and refuses no texts', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await verified(sms, 'March 14 1985 30301');
    await play(sms, [{ says: 'i want the notices by text not mail', mustNot: ['no texts', 'withdraw'] }]);
    const maria = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(maria.contactPreferenceJson ?? '').not.toMatch(/"avoidChannels":\[[^\]]*"text"/);
  });
});

describe('fresh-eyes round 4, D25: a side question at the recap keeps the terms waiting for the yes (DESIGN 11, 16)', () => {
  it('web: "what happens if I miss one? is there a late fee?" at the recap is answered, the terms stay, and "yes" agrees them', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1004 jan 9 1990 60614');
    await play(conversation, [
      { says: '50 a month starting on the 1st', must: ['$50.00 on December 1, 2026'] },
      { says: 'what happens if I miss one? is there a late fee?', must: ['No fee is ever added'], mustNot: ['What would you like to do?', 'Here is a plan I can set up'] },
      { says: 'yes', must: ['agreed and recorded'] },
    ]);
  });
});

describe('fresh-eyes round 4, D17: a language asked for inside a longer message is switched, and the rest answered in it', () => {
  it('web in Spanish at the recap: "actually can we do english? … what happens to my credit if I do the plan"', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1002 nov 2 1979 78201');
    await play(conversation, [
      { says: 'puedo pagar 300 al mes', must: ['¿Autoriza estos pagos?'] },
      {
        says: 'actually can we do english? my husband is reading this with me. what happens to my credit if I do the plan',
        must: ['I will continue in English', 'credit'],
        mustNot: ['Este es un plan', 'Here is a plan I can set up'],
      },
      { says: 'yes', must: ['agreed and recorded'] },
    ]);
  });
});

describe('fresh-eyes round 4 (D02, D19, D24): a question while the E-SIGN question is open is answered, never "did not understand" (#12 item 6)', () => {
  it('SMS "hw much do i owe"; web "will yall text me the day before so i dont forget", "what does electronically mean", then yes', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await play(sms, [
      { says: 'March 14 1985 30301', must: ['agree to receive notices about this account electronically'] },
      { says: 'hw much do i owe', must: ['$1,085.00'], mustNot: ['did not understand'] },
    ]);
    const web = bot().conversation();
    await play(web, [
      { says: 'A-1001 March 14 1985 30301', must: ['agree to receive notices about this account electronically'] },
      { says: 'will yall text me the day before so i dont forget', must: ['reminder'], mustNot: ['did not understand'] },
      { says: 'what does electronically mean', must: ['instead of by mail'], mustNot: ['did not understand'] },
      { says: 'yes', must: ['Here is your validation notice'] },
    ]);
  });

  it('SMS in Spanish: "que es eso de digital?" is explained', async () => {
    const web = smsFrom(bot(), '+12105550134');
    await play(web, [
      { says: 'nov 2 1979 78201', must: ['formato digital'] },
      { says: 'que es eso de digital?', must: ['en lugar de por correo postal'], mustNot: ['No le entendí', 'no le entendí'] },
    ]);
  });
});

describe('fresh-eyes round 4, D11: the debtor introducing themselves is never taken as their attorney (DESIGN 6)', () => {
  it('web: "This is James O\'Connor. July 21 1968, 94110. My attorney told me not to discuss this" asks for the attorney\'s name', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: "This is James O'Connor. July 21 1968, 94110. My attorney told me not to discuss this, we're filing chapter 13 in January", mustNot: ["And your attorney's phone number"] },
      { says: 'Susan Kim at Kim & Ortiz, 215-555-0177', must: ['Is Susan Kim your attorney?'] },
      { says: 'yes', must: ["I have noted your attorney's details"] },
    ]);
    const handoffs = await db().handoff.findMany({});
    expect(JSON.stringify(handoffs.map((h) => h.detailJson))).not.toContain("O'Connor");
  });
});

describe('fresh-eyes round 3, C21/C16: "yes." opening a longer message answers "Did you mean…?"', () => {
  it('web: "yes. also why is it 5000? i thought i had a 400 credit" verifies, and the question is not lost', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'aisha bello', must: ['date of birth'] },
      { says: '12/05/1995. zip 10025', must: ['Did you mean December 5, 1995?'] },
      { says: 'yes. also why is it 5000? i thought i had a 400 credit', must: ['You are verified', 'How the balance adds up'], mustNot: ['I have recorded your dispute'] },
    ]);
  });
});

describe('fresh-eyes round 4 (D06, D14, D19, D21, D25): a name inside a longer first message is read', () => {
  it.each<[string, string, string]>([
    ['web', 'hi, maria johnson. i got a notice about a bill from peachtree?', 'Thank you, I have your name'],
    ['web', 'hola, quiero pagar mi cuenta completa. Carlos Ramírez', 'Gracias, ya tengo su nombre'],
    ['web', 'Linda Park here, jan 9 1990, 60614. Can I do 50 a month on the 1st?', 'You are verified'],
    ['web', 'Robert Williams 5/30/1958 33101. This is an old account from like 2015, can you even take me to court over it at this point?', 'You are verified'],
  ])('%s: "%s"', async (_channel, says, expected) => {
    const conversation = bot().conversation();
    await play(conversation, [{ says, must: [expected], mustNot: ['Please tell me your account number or your full name', 'could not confirm'] }]);
  });
});

describe('fresh-eyes round 4 (D04, D15): the first payment stays where the debtor put it', () => {
  it('web: "I can put 300 down today and then 150 a month on the 20th", then "300 on dec 20 and then 150 a month on the 25th"', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'I can put 300 down today and then 150 a month on the 20th', must: ['$300.00 on November 23, 2026', '$150.00 on December 20, 2026'], mustNot: ['$300.00 on December 20'] },
      { says: '300 on dec 20 and then 150 a month on the 25th', must: ['$300.00 on December 20, 2026', '$150.00 on December 25, 2026'] },
    ]);
  });

  it('SMS in Spanish: "los de 150 mejor el dia 3" keeps the $400 first payment today', async () => {
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, 'nov 2 1979 78201');
    await play(sms, [
      { says: 'puedo dar 400 hoy y luego 150 al mes', must: ['$400.00 el 23 de noviembre de 2026'] },
      { says: 'los de 150 mejor el dia 3', must: ['$400.00 el 23 de noviembre de 2026', '3 de diciembre de 2026'], mustNot: ['$400.00 el 3 de'] },
    ]);
  });
});

describe('fresh-eyes round 4 (D03, long SMS): the rights statement is not repeated with the notice in the same conversation', () => {
  it('SMS: rights stated before paying; the E-SIGN yes later brings the notice link without the same paragraph again', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await play(sms, [
      { says: 'March 14 1985 30301', must: ['agree to receive notices about this account electronically'] },
      { says: 'I want to pay it all', must: ['you can dispute all or part of this debt', 'Here are the terms'] },
      { says: 'yes', must: ['agreed and recorded', 'agree to receive notices about this account electronically'] },
      { says: 'Y', must: ['validation notice'], mustNot: ['you can dispute all or part of this debt'] },
    ]);
  });
});

describe('replay at the end of session 4: a date of birth in the first message is no payment day', () => {
  it('SMS in Spanish: "hola soy carlos ramirez, 2 nov 1979, 78201. quiero pagar 400 hoy y luego 150 al mes"', async () => {
    const sms = smsFrom(bot(), '+12105550134');
    await play(sms, [{ says: 'hola soy carlos ramirez, 2 nov 1979, 78201. quiero pagar 400 hoy y luego 150 al mes', mustNot: ['los pagos regulares pueden empezar', 'de noviembre de 2027'] }]);
  });
});
