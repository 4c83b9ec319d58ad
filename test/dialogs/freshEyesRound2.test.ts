import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified } from '../helpers/conversation.ts';

/**
 * The failures of the fresh-eyes replay, round 2 (test/reviews/2026-12-07-fresh-eyes-round-2.md),
 * each replayed the way that debtor wrote it, on the demo accounts (clock: Monday November 23,
 * 2026, 10:00 Eastern). Each names the review conversation it comes from.
 */

const bot = freshBotForEachTest();
const db = () => bot().database.db;
const account = (accountNumber: string) => db().account.findUniqueOrThrow({ where: { accountNumber } });

describe('what the debtor said is what the terms say (#19, #12 items 3-4)', () => {
  it('R14 SMS: "100 a month, first one dec 20" starts on the coming December 20, never "a date that has already passed"', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await verified(sms, 'March 14 1985 30301');
    await play(sms, [{ says: 'lets do a plan, 100 a month, first one dec 20', must: ['December 20, 2026'], mustNot: ['already passed', 'November 23, 2026'] }]);
  });

  it('R18 SMS: "cna i pay 200 now adn the rest over 4 montsh" is a first payment and 4 monthly payments, not 12', async () => {
    const sms = smsFrom(bot(), '+14155550188');
    await verified(sms, 'jul 21 1968 94110');
    await play(sms, [{ says: 'cna i pay 200 now adn the rest over 4 montsh', must: ['$200.00 on November 23, 2026', 'a first payment and 4 monthly payments'], mustNot: ['12 monthly'] }]);
  });

  it('R16 web: "2 payments of 200? one now one next month" — the first today, the second a month later', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1004 jan 9 1990 60614');
    await play(conversation, [{ says: '2 payments of 200? one now one next month', must: ['$200.00 on November 23, 2026', '$200.00 on December 23, 2026'], mustNot: ['January 1, 2027'] }]);
  });

  it('R11 SMS: "250 every 2 wks" is understood as $250 every two weeks', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await verified(sms, 'March 14 1985 30301');
    await play(sms, [{ says: 'can i do 250 every 2 wks', must: ['$250.00'], mustNot: ['did not understand'] }]);
  });

  it('R27 SMS: "would u take 500 and call it even" is a settlement offer; "ok 759.50 then… on the 18th" is that amount on that date', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await verified(sms, 'March 14 1985 30301');
    await play(sms, [
      { says: 'i got 500 cash rn. would u take 500 and call it even', must: ['$759.50'], mustNot: ['did not understand'] },
      { says: 'ok 759.50 then. can i do that on the 18th when i get paid', must: ['$759.50 on December 18, 2026'], mustNot: ['smallest amount'] },
    ]);
  });
});

describe('a pending yes/no never swallows another answer (#12 items 2, 6)', () => {
  it('R03 web: an offer while "Did you mean…?" is open is kept for after verification, never taken as the yes', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'Linda Park here, acct A-1004, DOB 1/9/1990. Is there any way I can settle this for less?', must: ['Did you mean January 9, 1990?'] },
      { says: 'ok fine, 300 then. can I pay that on the 20th?', must: ['as soon as I have confirmed who you are', 'January 9, 1990'], mustNot: ['You are verified', 'did not understand'] },
      { says: 'yes', must: ['ZIP code'] },
    ]);
  });

  it('R08 web: "ok thx" to the E-SIGN question is not consent: asked once more, plainly', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1001 March 14 1985 30301', must: ['agree to receive notices about this account electronically'] },
      { says: 'ok thx', must: ['yes to receive notices electronically, or no to get them by mail'], mustNot: ['Here is your validation notice'] },
      { says: 'yes', must: ['Here is your validation notice'] },
    ]);
  });

  it('R16 web: "ok what can i do about the 400" at the E-SIGN question is the question, not consent', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1004 jan 9 1990 60614', must: ['agree to receive notices about this account electronically'] },
      { says: 'ok what can i do about the 400', mustNot: ['Here is your validation notice'] },
    ]);
    const linda = await account('A-1004');
    expect(await db().consent.count({ where: { accountId: linda.id, kind: "esign" } })).toBe(0);
  });
});

describe('situations (DESIGN 7, 8)', () => {
  it('R22 web: "i went bankrupt, filed in september, my lawyer said…" records the bankruptcy and pauses collection, then asks for the attorney', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'i went bankrupt, filed in september, my lawyer said all my credit cards are included', must: ['bankruptcy', "attorney's name"] },
    ]);
    expect((await account('A-1001')).bankruptcy).toBe(true);
  });

  it('R20 SMS in Spanish: after identity theft is recorded, "¿tengo que pagar algo mientras investigan?" gets a plain no', async () => {
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, '2 de noviembre de 1979 78201');
    await play(sms, [
      { says: 'alguien uso mis datos, ya puse una denuncia en la policia', must: ['robo de identidad'] },
      { says: 'tengo que pagar algo mientras investigan?', must: [/^No\. El cobro de esta cuenta está suspendido/m], mustNot: ['Es su decisión', 'pagos más pequeños'] },
    ]);
  });

  it('R15 SMS in Spanish: "¿pueden esperar unos meses?" is a request to pause, answered as the English "put it on hold"', async () => {
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, '2 de noviembre de 1979 78201');
    await play(sms, [{ says: 'mi esposo esta en el hospital. pueden esperar unos meses hasta que el salga?', must: ['pausa'] }]);
  });
});

describe('no pay link pushed at a debtor who asks for other terms or is overwhelmed (review R26, DESIGN 8)', () => {
  it('web: after agreeing to pay in full, "can i switch to monthly payments?" says how to change it, without the pay link; then the plan is set up', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'I want to pay it all', must: ['Here are the terms of your payment'] },
      { says: 'yes', must: ['/pay/'] },
      { says: "i said i'd pay it all but i cant do that this month. can i switch to monthly payments?", must: ['You already have an agreement', 'cancel plan'], mustNot: ['/pay/', 'secure payment page'] },
      { says: 'i cant go on like this honestly', must: ['are you safe right now?'] },
      { says: 'yeah im ok, not like that. just overwhelmed', must: ['988'] },
      { says: 'what do i have', mustNot: ['/pay/'] },
      { says: 'cancel plan', must: ['Your plan is cancelled'] },
      { says: 'can i do 100 a month', must: ['$100.00'] },
    ]);
  });
});

describe('side questions are answered, not met with "did not understand" (#12 items 11-13)', () => {
  it('R08 web: "will you keep calling me?" — how the debtor decides how we contact them; no cease recorded', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'ok and will you keep calling me?', must: ['You decide how we contact you'], mustNot: ['did not understand', 'We have recorded your request'] }]);
    expect((await account('A-1001')).ceaseCommunication).toBe(false);
  });

  it('R15 SMS in Spanish: "y mientras tanto me van a seguir mandando mensajes?"', async () => {
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, '2 de noviembre de 1979 78201');
    await play(sms, [{ says: 'y mientras tanto me van a seguir mandando mensajes?', must: ['Usted decide cómo nos comunicamos'], mustNot: ['no le entendí'] }]);
  });

  it('R07 web: "how did you get my info" before verification — answered without a word about a debt or creditor', async () => {
    await play(bot().conversation(), [{ says: 'how did you get my info', must: ['gave us your contact details'], mustNot: ['did not understand', /creditor|debt/i] }]);
  });

  it('R25 web: "my card was declined, what do I do?" — nothing charged, how to try again', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'my card was declined, what do I do?', must: ['nothing is charged', 'try again'], mustNot: ['What would you like to do?'] }]);
  });

  it('R25 web in Spanish: "me rechazaron la tarjeta, que hago?"', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [{ says: 'me rechazaron la tarjeta, que hago?', must: ['no se cobra nada'] }]);
  });
});

describe('verification keeps every fact said (#12 item 2)', () => {
  it('R26 web: "3/14/1985 and 1234" after the name verifies at once (the 4 digits beside a date are the SSN last 4)', async () => {
    await play(bot().conversation(), [
      { says: 'hi its maria johnson again', must: ['date of birth'] },
      { says: '3/14/1985 and 1234', must: ['You are verified'], mustNot: ['could not confirm'] },
    ]);
  });

  it('R26 web: "ugh. 1234" while the ZIP or SSN is asked is the SSN last 4, not "did not understand"', async () => {
    await play(bot().conversation(), [
      { says: 'Maria Johnson', must: ['date of birth'] },
      { says: 'March 14 1985', must: ['ZIP code'] },
      { says: 'ugh. 1234', must: ['You are verified'], mustNot: ['did not understand'] },
    ]);
  });
});

describe('a legitimacy doubt is not a dispute; a dispute says how to pay anyway (#19 item 3, review R07)', () => {
  it('web: "is this even legit? i\'ve never heard of summit recovery" is answered with who we are, nothing recorded, and the debtor can go on', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: "is this even legit? i've never heard of summit recovery", mustNot: ['recorded your dispute', 'did not understand'] },
      { says: 'A-1001 March 14 1985 30301', must: ['You are verified'] },
    ]);
    const maria = await account('A-1001');
    expect(await db().dispute.count({ where: { accountId: maria.id } })).toBe(0);
  });

  it('web: after a dispute, "can I just pay it?" says collection is paused and how to pay anyway (a person)', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: "i don't think i owe this", must: ['dispute'] },
      { says: 'actually can I just pay it?', must: ['paused while your dispute is reviewed', 'would like to pay anyway, type "agent"'] },
    ]);
  });
});

describe('fresh-eyes round 3: questions and haggling are never recorded as a dispute or a cease (#19 item 3, DESIGN 4-5)', () => {
  it('web: the menu\'s own "Why this amount" (its value) shows the breakdown; nothing is recorded', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'why is it this amount', mustNot: ['recorded your dispute', 'paused'] }]);
    const maria = await account('A-1001');
    expect(await db().dispute.count({ where: { accountId: maria.id } })).toBe(0);
  });

  it('SMS: menu choice "2" (Why this amount) is the breakdown, not a dispute', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await verified(sms, 'March 14 1985 30301');
    await play(sms, [{ says: '2', mustNot: ['recorded your dispute', 'paused'] }]);
    const maria = await account('A-1001');
    expect(await db().dispute.count({ where: { accountId: maria.id } })).toBe(0);
  });

  it('web: "thats still a lot. would you take 900 if i paid it this friday?" is a settlement offer, not "I already paid"', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'thats still a lot. would you take 900 if i paid it this friday?', must: ['$900.00'], mustNot: ['recorded your dispute'] }]);
  });

  it('web: "so are you guys gonna stop calling me now?" is a question: answered, no cease recorded', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'so are you guys gonna stop calling me now?', must: ['You decide how we contact you'], mustNot: ['We have recorded your request'] }]);
    expect((await account('A-1001')).ceaseCommunication).toBe(false);
  });
});

describe('fresh-eyes round 3: requests while a question is open, a misread stop, the Spanish menu', () => {
  it('C06 web: "can u guys just put it on hold" while "Did you mean…?" is open is not "did not understand"', async () => {
    await play(bot().conversation(), [
      { says: 'A-1004 1/9/1990', must: ['Did you mean January 9, 1990?'] },
      { says: 'can u guys just put it on hold for a couple months', must: ['as soon as I have confirmed who you are', 'January 9, 1990'], mustNot: ['did not understand'] },
    ]);
  });

  it('C23 web: after a stop request, "i didnt say stop everything, i was asking" gets the reminder and the choice, not silence', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'please stop contacting me', must: ['stop contacting you'] },
      { says: 'i didnt say stop everything, i was asking', must: ['withdraw your request to stop contact'] },
      { says: 'yes', must: ['withdrawn your request to stop contact'] },
    ]);
    expect((await account('A-1001')).ceaseCommunication).toBe(false);
  });

  it('C22 SMS in Spanish: menu choice "2" (Detalle del saldo) shows the breakdown, never "no le entendí" or a dispute', async () => {
    const sms = smsFrom(bot(), '+12105550134');
    await verified(sms, '2 de noviembre de 1979 78201');
    await play(sms, [{ says: '2', must: ['Detalle del saldo'], mustNot: ['no le entend', 'registrado su disputa', 'suspendido'] }]);
  });
});

describe('fresh-eyes round 3, C03: a correction that comes out as the same terms is said so, never the same recap again (DESIGN 16)', () => {
  it('SMS: the same terms restated at the recap — "nothing changed", then yes agrees the recap shown', async () => {
    const sms = smsFrom(bot(), '+14155550188');
    await verified(sms, 'jul 21 1968 94110');
    await play(sms, [
      { says: '200 now and the rest over 4 months', must: ['a first payment and 4 monthly payments'] },
      { says: 'no i said 200 now and the rest over 4 months', must: ['same terms I just showed you', 'agent'], mustNot: ['I can set that up', 'Here are the terms'] },
      { says: 'yes', must: ['agreed and recorded'] },
    ]);
  });
});
