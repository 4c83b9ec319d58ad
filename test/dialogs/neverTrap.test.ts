import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified, type Expect, type TestConversation } from '../helpers/conversation.ts';

/**
 * Issue #12, "never trap" (items 6-10): the E-SIGN question is not a gate, no doom loops (DESIGN 16),
 * a stop-contact request made before verification can be withdrawn, so can a request for a person,
 * and a question cut short by the verification lapsing comes back. Each test has a fresh database
 * with the demo debtors; the test clock is Monday, November 23, 2026, 10:00 in New York (officers at work).
 */

const ESIGN = /agree to receive notices about this account electronically/;
/** The Spanish E-SIGN question: on the web "de forma electrónica", by SMS (GSM-7 words) "en formato digital". */
const ESIGN_ES = /Acepta recibir avisos sobre esta cuenta (de forma electrónica|en formato digital)/;
const NOTICE_LINK = /\/notices\//;
/** DESIGN 9: never a threat of suit. */
const THREAT: Expect[] = [/will (sue|take you to court)/i, /legal action (will|may|could) be/i, /we (can|may|could) sue/i];

const MARIA_PHONE = '+14045550101';
const CARLOS_PHONE = '+12105550134';

const bot = freshBotForEachTest();

const db = () => bot().database.db;
const account = (accountNumber: string) => db().account.findUniqueOrThrow({ where: { accountNumber } });
const auditTypes = async (where: { accountId?: string; conversationId?: string }) =>
  (await db().auditEvent.findMany({ where, orderBy: { createdAt: 'asc' } })).map((a) => a.type);
const conversationRecord = (conversation: TestConversation) => db().conversation.findUniqueOrThrow({ where: { externalId: conversation.id } });


describe('#12 item 6: the E-SIGN question is not a gate', () => {
  it('DESIGN 3, 9: "can they sue me for this?" is answered — no threat — and consent is asked again in other words, never taken as a no', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1004 January 9 1990 60614', must: [ESIGN] },
      { says: 'can they sue me for this?', must: ['nothing in this chat is a threat of legal action', 'about your notices'], mustNot: [...THREAT, 'mail the validation notice'] },
      { says: 'yes', must: [NOTICE_LINK] },
    ]);
    const linda = await account('A-1004');
    expect(await auditTypes({ accountId: linda.id })).not.toContain('validation.notice.mail_requested');
    expect(await db().consent.count({ where: { accountId: linda.id, kind: 'esign' } })).toBe(1);
  });

  it('DESIGN 4: a dispute while the question is open is recorded; consent is asked again on a later turn', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1004 January 9 1990 60614', must: [ESIGN] },
      { says: "I don't owe this, it was paid off years ago", must: ['recorded your dispute'], mustNot: [ESIGN, 'mail the validation notice'] },
      { says: 'what is the balance?', must: ['$400.00', 'about your notices'] },
      { says: 'yes', must: [NOTICE_LINK] },
    ]);
    expect((await account('A-1004')).disputed).toBe(true);
  });

  it('an offer while the question is open is negotiated; consent is asked once the negotiation is done', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1004 January 9 1990 60614', must: [ESIGN] },
      { says: 'I can do 100 a month', must: ['Do you authorize these payments?'], mustNot: [ESIGN] },
      { says: 'yes', must: ['agreed and recorded', 'about your notices'] },
      { says: 'thanks!', must: ['electronically'], mustNot: ['did not understand'] },
      { says: 'no', must: ['mail the validation notice'] },
    ]);
  });

  it('DESIGN 16: a message it does not understand is never a no; the second one gets the main choices and a person', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1004 January 9 1990 60614', must: [ESIGN] },
      { says: 'hmm', must: ['did not understand', 'electronically'], mustNot: ['mail the validation notice'] },
      { says: 'blorp', must: ['agent'], mustNot: ['mail the validation notice'] },
    ]);
    const linda = await account('A-1004');
    const requests = await db().auditEvent.findMany({ where: { accountId: linda.id, type: 'validation.notice.mail_requested', actor: 'debtor' } });
    expect(requests).toHaveLength(0);
    expect(await db().consent.count({ where: { accountId: linda.id } })).toBe(0);
  });

  it('DESIGN 3: after a no (mail), the question is not asked again in this conversation', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'A-1004 January 9 1990 60614', must: [ESIGN] },
      { says: 'no', must: ['mail the validation notice'] },
      { says: 'what are my rights?', must: ['by mail', 'you can dispute all or part of this debt'], mustNot: [ESIGN] },
      { says: 'send me the notice', mustNot: [ESIGN] },
    ]);
  });

  it('"no, just mail it" is a no: mailed, and not asked again', async () => {
    await play(smsFrom(bot(), '+13125550199'), [
      { says: 'jan 9 1990 zip 60614', must: [ESIGN] },
      { says: 'no, just mail it', must: ['mail the validation notice'] },
      { says: 'what are my rights?', mustNot: [ESIGN] },
    ]);
  });

  it('SMS in Spanish: "¿me pueden demandar?" is answered and the question comes back; "sí" consents', async () => {
    const sms = smsFrom(bot(), CARLOS_PHONE, 'es-US');
    await play(sms, [
      { says: '2 de noviembre de 1979 78201', must: [ESIGN_ES] },
      { says: '¿me pueden demandar?', must: ['nada en este chat es una amenaza de acción legal', 'sobre sus avisos'], mustNot: [/le demandaremos/i] },
      { says: 'sí', must: [NOTICE_LINK] },
    ]);
  });
});

describe('#12 item 7: no doom loops (DESIGN 16)', () => {
  it('web: never the same question twice in a row; after two misunderstandings, the main choices and a person', async () => {
    const conversation = bot().conversation();
    await conversation.say('A-1001 March 14 1985 30301');
    await conversation.say('no');
    const transcript = await play(conversation, [
      { says: 'blah', must: ['did not understand'] },
      { says: 'blah blah', must: ['balance', 'payment options', '"agent"'], mustNot: ['did not understand'] },
      // The third time: sorry again, in other words than the first (the choices come back on the fourth).
      { says: 'what?', must: ['did not catch that'], mustNot: ['did not understand'] },
    ]);
    expect(transcript[1]!.join('\n')).toMatch(/I am sorry, I am not understanding you/);
  });

  it('a question answered before is answered again, not met with "did not understand"', async () => {
    const conversation = bot().conversation();
    await conversation.say('A-1001 March 14 1985 30301');
    await conversation.say('no');
    await play(conversation, [
      { says: "what's your phone number?", must: ['+1 (800) 555-0100'], mustNot: ['did not understand'] },
      { says: 'sorry, what is your phone number again?', must: ['+1 (800) 555-0100'], mustNot: ['did not understand'] },
    ]);
  });

  it('Spanish: "bla", "bla bla" — the second time the main choices and a person, in Spanish', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await conversation.say('A-1002 2 de noviembre de 1979 78201');
    await conversation.say('no');
    await play(conversation, [
      { says: 'bla', must: ['no le entendí'] },
      { says: 'bla bla', must: ['no le estoy entendiendo', '"agente"'] },
    ]);
  });

  it('SMS: at the recap, nonsense twice drops the terms — a later "yes" agrees nothing', async () => {
    const sms = smsFrom(bot(), MARIA_PHONE);
    await sms.say('March 14 1985 30301');
    await sms.say('no');
    await play(sms, [
      { says: 'I want to pay it all', must: ['Do you agree to these terms?'] },
      { says: 'purple', must: ['To agree to these terms, please reply yes'] },
      { says: 'monkey', must: ['"agent"'], mustNot: ['agreed'] },
      { says: 'yes', mustNot: ['agreed and recorded', '/pay/'] },
    ]);
    expect(await db().plan.count({ where: { account: { accountNumber: 'A-1001' } } })).toBe(0);
  });
});

describe('#12 item 8: a stop-contact request can be withdrawn in the conversation that made it', () => {
  it('DESIGN 5: web — "ok" stays unanswered; a request of their own gets the reminder; yes is recorded as a withdrawal and verification starts', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'stop contacting me', must: ['noted your request to stop contact'] },
      { says: 'ok', silent: true },
      { says: 'actually, how much do I owe?', must: ['You asked us to stop contacting you', 'withdraw your request to stop contact', 'yes or no'], mustNot: [/\$\d/, /balance/i] },
      { says: 'yes', must: ['withdrawn your request to stop contact', 'account number'] },
      { says: 'A-1001', must: ['date of birth'] },
    ]);
    const record = await conversationRecord(conversation);
    expect(await auditTypes({ conversationId: record.id })).toContain('cease.withdrawn');
    const handoff = await db().handoff.findFirstOrThrow({ where: { conversationId: record.id, reason: 'cease' } });
    expect(handoff).toMatchObject({ status: 'resolved', outcome: 'cease_withdrawn_by_debtor' });
  });

  it('DESIGN 5: SMS — a no keeps the silence; the reminder is never sent twice in the same words', async () => {
    const sms = smsFrom(bot(), MARIA_PHONE);
    await play(sms, [
      { says: "don't text me again", must: ['noted your request'] },
      { says: 'what is this about?', must: ['withdraw your request to stop contact'] },
      { says: 'what?', must: ['withdraw your request to stop contact'] },
      { says: 'no', must: ['Your request stays in place'] },
      { says: 'hello?', silent: true },
      { says: 'how much do I owe', silent: true },
      { says: 'agent', must: ['asked a person to join'] },
    ]);
    const record = await conversationRecord(sms);
    expect(await auditTypes({ conversationId: record.id })).not.toContain('cease.withdrawn');
  });

  it('DESIGN 5: Spanish — "dejen de contactarme", then "¿cuánto debo?", then "sí"', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [
      { says: 'dejen de contactarme', must: ['He anotado su solicitud'] },
      { says: '¿cuánto debo?', must: ['¿Quiere retirar su solicitud de no ser contactado?'] },
      { says: 'sí', must: ['He retirado su solicitud', 'número de cuenta'] },
    ]);
  });

  it('DESIGN 5: after a verified cease the silence holds, except for the debtor\'s own wish to pay: the reminder; no keeps the silence', async () => {
    const conversation = bot().conversation();
    await conversation.say('A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'stop contacting me', must: ['stop contacting you'] },
      { says: 'ok', silent: true },
      { says: 'how much do I owe?', silent: true },
      { says: 'actually I changed my mind, I want to pay it', must: ['withdraw your request to stop contact'], mustNot: [/\$\d/] },
      { says: 'no', must: ['Your request stays in place'] },
      { says: 'I want to pay', silent: true },
    ]);
    expect((await account('A-1001')).ceaseCommunication).toBe(true);
  });

  it('DESIGN 5, review R23: SMS — "pls stop contacting me", then "nvm i do want to pay it": the reminder, and a yes lifts the cease on the account (audited) and she can pay', async () => {
    const sms = smsFrom(bot(), MARIA_PHONE);
    await sms.say('March 14 1985 30301');
    await play(sms, [
      { says: 'i dont want to deal w this. pls stop contacting me', must: ['stop contacting you'] },
      { says: 'wait actually nvm i do want to pay it. its only 1085 right?', must: ['withdraw your request to stop contact'] },
      { says: 'yes', must: ['withdrawn your request to stop contact'] },
      { says: 'pay in full', must: ['$1,085.00'] },
    ]);
    const maria = await account('A-1001');
    expect(maria.ceaseCommunication).toBe(false);
    expect(await auditTypes({ accountId: maria.id })).toEqual(expect.arrayContaining(['cease.recorded', 'cease.withdrawn']));
  });
});

describe('#12 item 9: a request for a person can be withdrawn, and the wait is answered', () => {
  it('DESIGN 15: "how long is the wait?" from the queue; "never mind, I\'ll stay with the bot" cancels the request', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'hi' },
      { says: 'agent', must: ['asked a person to join', 'minutes'] },
      { says: 'how long is the wait?', must: [/next in line for a person\. The wait is about \d+ minutes/] },
      { says: "never mind, I'll stay with the bot", must: ['cancelled your request for a person', 'account number'] },
      { says: 'A-1001', must: ['date of birth'] },
    ]);
    const record = await conversationRecord(conversation);
    expect(record.holder).toBe('bot');
    const handoff = await db().handoff.findFirstOrThrow({ where: { conversationId: record.id } });
    expect(handoff).toMatchObject({ status: 'resolved', outcome: 'withdrawn_by_debtor' });
    expect(await auditTypes({ conversationId: record.id })).toContain('handoff.withdrawn');
  });

  it('DESIGN 4: a dispute waiting for a person is not withdrawn by "never mind"', async () => {
    const conversation = bot().conversation();
    await conversation.say('A-1001 March 14 1985 30301');
    await conversation.say('no');
    await play(conversation, [
      { says: "I don't owe this", must: ['recorded your dispute'] },
      { says: 'never mind, I will stay with the bot', must: ['still needs to review'] },
    ]);
    const record = await conversationRecord(conversation);
    expect((await db().handoff.findFirstOrThrow({ where: { conversationId: record.id } })).status).toBe('queued');
  });

  it('outside the hours officers work: when they are back, never minutes', async () => {
    bot().clock.current = new Date('2026-11-28T15:00:00Z'); // Saturday
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'hi' },
      { says: 'agent', must: ['asked a person to join', 'not at work right now', 'Monday, November 30 at 8:00 AM EST'], mustNot: [/\d+ minutes/] },
      { says: 'how long is the wait?', must: ['back Monday, November 30 at 8:00 AM EST'], mustNot: [/\d+ minutes/] },
    ]);
  });

  it('SMS in Spanish: "¿cuánto tiempo tengo que esperar?" and "olvídelo, me quedo con el bot"', async () => {
    const sms = smsFrom(bot(), CARLOS_PHONE, 'es-US');
    await play(sms, [
      { says: 'hola' },
      { says: 'agente', must: ['He pedido que una persona le atienda'] },
      { says: '¿cuánto tiempo tengo que esperar?', must: [/La espera es de unos \d+ minutos/] },
      { says: 'olvídelo, me quedo con el bot', must: ['he cancelado su solicitud'] },
    ]);
    expect((await conversationRecord(sms)).holder).toBe('bot');
  });
});

describe('#12 item 10: after verifying again, the pending question comes back', () => {
  it('DESIGN 11: web — a recap waiting for a yes is shown again after the idle expiry, and only then does a yes agree it', async () => {
    const conversation = bot().conversation();
    await conversation.say('A-1001 March 14 1985 30301');
    await conversation.say('no');
    const [recap] = await play(conversation, [{ says: 'I can do 100 a month', must: ['Do you authorize these payments?'] }]);
    bot().clock.advanceMinutes(20);
    await play(conversation, [
      { says: 'yes', must: ['confirm who you are again'], mustNot: ['agreed and recorded', '/pay/'] },
      { says: 'A-1001' },
      { says: 'March 14 1985' },
      { says: '30301', must: ['You are verified', 'Here is where we were', recap!.at(-1)!] },
      { says: 'yes', must: ['agreed and recorded', '/pay/'] },
    ]);
    const plan = await db().plan.findFirstOrThrow({ where: { account: { accountNumber: 'A-1001' } } });
    expect(plan.authorizationText).toBe(recap!.at(-1));
  });

  it('DESIGN 11: SMS — the counter-offer waiting for an answer comes back after verifying again', async () => {
    const sms = smsFrom(bot(), MARIA_PHONE);
    await sms.say('March 14 1985 30301');
    await sms.say('no');
    await play(sms, [{ says: 'I can do 50 a month', must: ['closest I can offer is 12 monthly payments of $90.42'] }]);
    bot().clock.advanceMinutes(20);
    await play(sms, [
      { says: 'ok', must: ['confirm who you are again', 'date of birth'], mustNot: ['Here are the terms'] },
      { says: 'March 14 1985 30301', must: ['Here is where we were', '12 monthly payments of $90.42'] },
      { says: 'yes', must: ['Do you authorize these payments?'] },
    ]);
  });
});
