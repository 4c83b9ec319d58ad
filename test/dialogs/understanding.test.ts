import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestBot, playSteps, resetAccountFlags, type TestBot, type TestConversation } from '../helpers/conversation.ts';

/**
 * Understanding that holds on wording nobody wrote down (issue #11) and short answers (issue #19
 * items 2, 3 and 6), through the whole bot: verification as people type it, the gentle check-in
 * after a weaker crisis sign, a time preference recorded (never a cease), payment wording and a
 * legitimacy question that raise no right, and short answers to the E-SIGN question. Web and SMS,
 * English and Spanish; each case resets the demo account it uses (prisma/DEMO_ACCOUNTS.md).
 */

/** Collection talk: what a check-in must never be followed by. */
const COLLECTION: RegExp[] = [/\$\d/, /\bbalance\b/i, /\bpay(ment)?s?\b/i, /\bsaldo\b/i, /\bpag(o|ar)\b/i, /\bdebt\b/i, /\bdeuda\b/i];

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
});
afterAll(async () => bot.close());

const account = (accountNumber: string) => bot.database.db.account.findUniqueOrThrow({ where: { accountNumber } });
async function auditTypes(accountNumber: string): Promise<string[]> {
  const rows = await bot.database.db.auditEvent.findMany({ where: { accountId: (await account(accountNumber)).id }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => row.type);
}
/** The account as first placed: no flags, no preference, no notice delivered, no E-SIGN consent. */
async function reset(accountNumber: string) {
  const { id } = await resetAccountFlags(bot.database.db, accountNumber);
  await bot.database.db.account.update({ where: { id }, data: { contactPreferenceJson: null, contactPreferenceAt: null, validationPeriodEndsAt: null } });
  await bot.database.db.consent.deleteMany({ where: { accountId: id } });
}
async function say(conversation: TestConversation, ...messages: string[]): Promise<string> {
  let last: string[] = [];
  for (const message of messages) last = await conversation.say(message);
  return last.join('\n');
}

describe('issue #11: verification as people type it', () => {
  it.each([
    ['A-1002', ['Carlos Ramírez', 'November 2 1979', '78201']],
    ['A-1002', ['me llamo Carlos Ramirez', '2 de noviembre de 1979', '78201']],
    ['A-1003', ["fine. James O'Connor", 'july 21 68', '94110']],
    ['A-1006', ['Aisha Bello, December 5 1995', '10025']],
    ['A-1005', ['Robert Williams', 'the thirtieth of May, nineteen fifty eight', '33101']],
  ])('%s: %j verifies', async (accountNumber, answers) => {
    await reset(accountNumber);
    const conversation = bot.conversation();
    await conversation.say('hi');
    const replies = await say(conversation, ...answers);
    expect(replies).toMatch(/You are verified|Su identidad está confirmada/);
  }, 30_000);
});

describe('issue #11 item 2, DESIGN 8: a weaker crisis sign gets a gentle check-in', () => {
  beforeEach(() => reset('A-1004'));

  it('web: "I can\'t go on like this" → are you safe? → yes: thanks and 988, never collection talk; the conversation can go on', async () => {
    const conversation = bot.conversation();
    await say(conversation, 'hi', 'A-1004', 'January 9 1990', '60614', 'no');
    await playSteps(conversation, [
      { says: "honestly I can't go on like this", must: ['are you safe right now'], mustNot: [...COLLECTION, '988'] },
      { says: "yes, I'm safe, just stressed", must: ['988', 'agent'], mustNot: COLLECTION },
      { says: 'what are my options', must: [/plan|pay/i] },
    ]);
    expect(await bot.database.db.handoff.count({ where: { accountId: (await account('A-1004')).id, reason: 'crisis' } })).toBe(0);
  });

  it('web: an answer that is not a clear yes is a crisis: 988 and the top-priority handoff', async () => {
    const conversation = bot.conversation();
    await say(conversation, 'hi', 'A-1004', 'January 9 1990', '60614', 'no');
    await playSteps(conversation, [
      { says: 'i dont see the point of any of it anymore', must: ['are you safe right now'], mustNot: COLLECTION },
      { says: 'not really', must: ['988', '911'], mustNot: COLLECTION },
      { says: 'how much do I owe', must: ['988'], mustNot: COLLECTION },
    ]);
    const handoff = await bot.database.db.handoff.findFirstOrThrow({ where: { accountId: (await account('A-1004')).id, reason: 'crisis' } });
    expect(handoff.priority).toBe(0);
  });

  it('SMS, Spanish, before verification: the check-in comes before any question about identity', async () => {
    await reset('A-1002');
    const sms = bot.conversation({ channelId: 'sms', from: '+12105550134', locale: 'es-US' });
    await playSteps(sms, [
      { says: 'ya no puedo más con esto', must: ['a salvo'], mustNot: [...COLLECTION, 'fecha de nacimiento'] },
      { says: 'sí, estoy bien', must: ['988'], mustNot: COLLECTION },
    ]);
  });
});

describe('DESIGN 18, issue #11 item 3: a time preference is recorded, never a cease', () => {
  beforeEach(() => reset('A-1004'));

  it('verified: recorded on the account as data with an audit event, confirmed; contact is not stopped', async () => {
    const conversation = bot.conversation();
    await say(conversation, 'hi', 'A-1004', 'January 9 1990', '60614', 'no');
    await playSteps(conversation, [{ says: "please don't call me before 9am, texts are fine", must: ['no calls before 9:00 AM', 'texts are fine'], mustNot: ['stop contacting', 'no further'] }]);
    const stored = await account('A-1004');
    expect(stored.ceaseCommunication).toBe(false);
    expect(JSON.parse(stored.contactPreferenceJson!)).toMatchObject({ avoidTimes: [{ from: '00:00', to: '09:00' }], channels: ['call'], preferChannels: ['text'] });
    expect(await auditTypes('A-1004')).toContain('contact_preference.recorded');
    expect(await auditTypes('A-1004')).not.toContain('cease.recorded');
  });

  it('with a plan in the same message: recorded, and the plan is still answered', async () => {
    const conversation = bot.conversation();
    await say(conversation, 'hi', 'A-1004', 'January 9 1990', '60614', 'no');
    const replies = await say(conversation, "can I do 100 a month? and please don't call me at work");
    expect(replies).toContain('no calls at your work');
    expect(replies).toMatch(/month/);
    expect((await account('A-1004')).ceaseCommunication).toBe(false);
  });

  it('before verification: nothing about any account; recorded once verified', async () => {
    const conversation = bot.conversation({ locale: 'es-US' });
    await conversation.say('hola');
    const noted = await say(conversation, 'no me llamen al trabajo por favor');
    expect(noted).toContain('en cuanto confirme su identidad');
    expect(noted).not.toMatch(/\$\d/);
    expect((await account('A-1004')).contactPreferenceJson).toBeNull();
    await say(conversation, 'A-1004', 'January 9 1990', '60614');
    expect(JSON.parse((await account('A-1004')).contactPreferenceJson!)).toMatchObject({ avoidPlaces: ['work'] });
  });
});

describe('DESIGN 5, 18, E-SIGN: one channel taken back is recorded, never a cease (round 04 behaviour 4)', () => {
  // An earlier Spanish conversation in this file turns A-1004 to Spanish: these cases speak English.
  beforeEach(async () => {
    await reset('A-1004');
    await bot.database.db.account.update({ where: { accountNumber: 'A-1004' }, data: { language: 'en' } });
  });

  it('"stop texting me, call instead": no texts, calls are fine — recorded as the preference; contact goes on, E-SIGN untouched', async () => {
    const conversation = bot.conversation();
    await say(conversation, 'hi', 'A-1004', 'January 9 1990', '60614', 'yes');
    await playSteps(conversation, [{ says: 'stop texting me, call instead', must: ['no texts', 'calls are fine'], mustNot: ['stop contacting', 'no further', 'by mail'] }]);
    const stored = await account('A-1004');
    expect(stored.ceaseCommunication).toBe(false);
    expect(JSON.parse(stored.contactPreferenceJson!)).toMatchObject({ avoidChannels: ['text'], preferChannels: ['call'] });
    const audit = await auditTypes('A-1004');
    expect(audit).toContain('contact_preference.recorded');
    expect(audit).not.toContain('cease.recorded');
    expect(audit).not.toContain('esign.withdrawn');
  });

  it('"no me manden correos" after consenting: the E-SIGN consent is withdrawn and e-mails are refused; no cease', async () => {
    await reset('A-1002');
    const conversation = bot.conversation({ locale: 'es-US' });
    await say(conversation, 'hola', 'A-1002', '2 de noviembre de 1979', '78201', 'sí');
    await say(conversation, 'no me manden correos');
    const stored = await account('A-1002');
    expect(stored.ceaseCommunication).toBe(false);
    expect(JSON.parse(stored.contactPreferenceJson!)).toMatchObject({ avoidChannels: ['email'] });
    const audit = await auditTypes('A-1002');
    expect(audit).toContain('esign.withdrawn');
    expect(audit).not.toContain('cease.recorded');
  });

  it.each<[string, string]>([
    ['take this number off your texting list', 'en'],
    ['denme de baja de los mensajes de texto', 'es'],
  ])('round 05: %j after consenting to e-mail: texts refused and recorded, E-SIGN untouched, no cease', async (words, language) => {
    const conversation = language === 'es' ? bot.conversation({ locale: 'es-US' }) : bot.conversation();
    if (language === 'es') await bot.database.db.account.update({ where: { accountNumber: 'A-1004' }, data: { language: 'es' } });
    await say(conversation, language === 'es' ? 'hola' : 'hi', 'A-1004', language === 'es' ? '9 de enero de 1990' : 'January 9 1990', '60614', language === 'es' ? 'sí' : 'yes');
    await say(conversation, words);
    const stored = await account('A-1004');
    expect(stored.ceaseCommunication).toBe(false);
    expect(JSON.parse(stored.contactPreferenceJson!)).toMatchObject({ avoidChannels: ['text'] });
    const audit = await auditTypes('A-1004');
    expect(audit).toContain('contact_preference.recorded');
    expect(audit).not.toContain('cease.recorded');
    expect(audit).not.toContain('esign.withdrawn');
  });

  it('a refusal of every channel is still a cease', async () => {
    const conversation = bot.conversation();
    await say(conversation, 'hi', 'A-1004', 'January 9 1990', '60614', 'no');
    await say(conversation, 'Do not call, do not text, do not send letters.');
    expect((await account('A-1004')).ceaseCommunication).toBe(true);
  });
});

describe('issue #19 items 2 and 3: payment wording and legitimacy questions raise no right', () => {
  it('"I\'d like to just pay the whole balance off" at the menu goes to paying, and nothing is disputed', async () => {
    await reset('A-1004');
    const conversation = bot.conversation();
    await say(conversation, 'hi', 'A-1004', 'January 9 1990', '60614', 'no');
    const replies = await say(conversation, "I'd like to just pay the whole balance off");
    expect(replies).not.toContain('recorded your dispute');
    expect(replies).toContain('$400.00');
    expect((await account('A-1004')).disputed).toBe(false);
  });

  it('"is this legit?" before verification is no dispute: verification goes on, nothing is waiting to be recorded', async () => {
    await reset('A-1004');
    const conversation = bot.conversation();
    await conversation.say('hi');
    const replies = await say(conversation, 'is this legit?');
    expect(replies).not.toMatch(/dispute/i);
    await say(conversation, 'A-1004', 'January 9 1990', '60614');
    expect((await account('A-1004')).disputed).toBe(false);
    expect(await auditTypes('A-1004')).not.toContain('dispute.recorded');
  });
});

describe('issue #19 item 6: short answers to the E-SIGN question', () => {
  it.each([
    ['web, English', { channelId: 'test' }, ['hi', 'A-1004', 'January 9 1990', '60614'], 'no, just mail it to me', 'mail the validation notice'],
    ['SMS, English', { channelId: 'sms', from: '+13125550199' }, ['hi', 'January 9 1990', 'zip 60614'], 'N', 'mail the validation notice'],
    ['web, Spanish', { channelId: 'test', locale: 'es-US' }, ['hola', 'A-1002', '2 de noviembre de 1979', '78201'], 'no, mándemelo por correo', 'por correo'],
  ] as const)('%s: a no that says more is a no — paper, no consent', async (_label, options, verify, answer, mailed) => {
    const accountNumber = (verify as readonly string[]).includes('A-1002') ? 'A-1002' : 'A-1004';
    await reset(accountNumber);
    const conversation = bot.conversation(options);
    expect(await say(conversation, ...verify)).toMatch(/electronically|electrónica/);
    const replies = await say(conversation, answer);
    expect(replies).toContain(mailed);
    expect(replies).not.toContain('/notices/');
    expect(await bot.database.db.consent.count({ where: { accountId: (await account(accountNumber)).id } })).toBe(0);
  });

  it('SMS: "Y" is a yes; in Spanish "S" is a yes', async () => {
    await reset('A-1004');
    const sms = bot.conversation({ channelId: 'sms', from: '+13125550199' });
    await say(sms, 'hi', 'January 9 1990', 'zip 60614');
    expect(await say(sms, 'Y')).toContain('/notices/');

    await reset('A-1002');
    const es = bot.conversation({ channelId: 'sms', from: '+12105550134', locale: 'es-US' });
    await say(es, 'hola', '2 de noviembre de 1979', 'zip 78201');
    expect(await say(es, 'S')).toContain('/notices/');
  });
});
