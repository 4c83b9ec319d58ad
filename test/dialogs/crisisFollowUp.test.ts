import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified, type Expect } from '../helpers/conversation.ts';

/**
 * Fresh-eyes review C22, C31 and C31b (DESIGN 8, 16): after the crisis reply (988, 911, a
 * top-priority handoff), a further hopeless message is acknowledged in other words — never the same
 * crisis script again — with 988 and 911 still there and the priority handoff kept; anything else
 * gets the follow-up, never twice in the same words; and never a word about paying. Fresh database
 * with the demo debtors per test.
 */

const bot = freshBotForEachTest();
const db = () => bot().database.db;

const SCRIPT = 'I am really sorry you are feeling this way';
const SCRIPT_ES = 'Siento mucho que se sienta así';
/** DESIGN 8: after a crisis, nothing about money or paying. */
const NO_COLLECTION: Expect[] = [/\$\d/, /\bpay/i, /\bplan\b/i, /\bbalance\b/i, /\bdebt\b/i, 'Would that work'];
const NO_COLLECTION_ES: Expect[] = [/\$\d/, /\bpag/i, /\bplan\b/i, /\bsaldo\b/i, /\bdeuda\b/i];

const openCrisisHandoffs = () => db().handoff.findMany({ where: { reason: 'crisis', status: { in: ['queued', 'accepted'] } } });
const count = (transcript: string[][], words: string) => transcript.flat().filter((text) => text.includes(words)).length;

describe('C22: hopeless messages in the middle of a negotiation', () => {
  it('web: the script once; a further hopeless message acknowledged in other words with 988 and 911; the follow-ups never twice in the same words', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    const transcript = await play(conversation, [
      { says: 'i can maybe do 50 a month', must: ['at most 12 payments'] },
      { says: 'honestly whats the point. everyone would be better off if i just wasnt around anymore', must: [SCRIPT, '988', '911'], mustNot: NO_COLLECTION },
      { says: 'i dont know', must: ['988', '911'], mustNot: [SCRIPT, ...NO_COLLECTION, /\bsoon\b/] },
      { says: 'ok', must: ['988', '911'], mustNot: [SCRIPT, ...NO_COLLECTION, /\bsoon\b/] },
      { says: "it won't matter soon anyway, I won't be around much longer", must: ['I hear you', '988', '911', 'a person from our team'], mustNot: [SCRIPT, ...NO_COLLECTION] },
      { says: 'i just want it all to end', must: ['988', '911', 'priority'], mustNot: [SCRIPT, 'I hear you', ...NO_COLLECTION] },
    ]);
    expect(count(transcript, SCRIPT)).toBe(1);
    const handoffs = await openCrisisHandoffs();
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]!.priority).toBe(0);
  });

  it('web: an officer closed the crisis handoff, then another hopeless message — the priority handoff is back', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'i have the pills saved up', must: [SCRIPT] }]);
    await db().handoff.updateMany({ where: { reason: 'crisis' }, data: { status: 'resolved' } });
    await play(conversation, [{ says: 'i just want it all to end', must: ['988', '911'], mustNot: [SCRIPT, ...NO_COLLECTION] }]);
    const [handoff] = await openCrisisHandoffs();
    expect(handoff).toMatchObject({ reason: 'crisis', priority: 0, status: 'queued' });
  });
});

describe('C31, C31b: a crisis before verification, and a veiled farewell after', () => {
  it('web: before verification — the script, then the farewell acknowledged in other words; nothing asked for, no verification', async () => {
    const transcript = await play(bot().conversation(), [
      { says: 'i got your letter and honestly i cant do this anymore. i have the pills saved up', must: [SCRIPT, '988'], mustNot: [...NO_COLLECTION, 'date of birth', 'full name'] },
      { says: "it won't matter soon anyway, I won't be around much longer", must: ['988', '911'], mustNot: [SCRIPT, ...NO_COLLECTION, 'date of birth', 'full name'] },
      { says: 'whatever', must: ['988'], mustNot: [SCRIPT, ...NO_COLLECTION, 'date of birth'] },
      { says: 'no', must: ['988'], mustNot: [SCRIPT, ...NO_COLLECTION] },
    ]);
    expect(count(transcript, SCRIPT)).toBe(1);
    expect((await openCrisisHandoffs()).map((h) => h.priority)).toEqual([0]);
  });

  it('SMS: the crisis in the middle of a plan, then the farewell — the same care by text', async () => {
    const sms = smsFrom(bot(), '+14045550101');
    await verified(sms, 'March 14 1985 30301');
    const transcript = await play(sms, [
      { says: 'i can do 50 a month', must: ['at most 12 payments'] },
      { says: "it won't matter soon anyway, I won't be around much longer", must: [SCRIPT, '988'], mustNot: NO_COLLECTION },
      { says: 'i just want it all to end', must: ['988', '911'], mustNot: [SCRIPT, ...NO_COLLECTION] },
      { says: 'yes', must: ['988'], mustNot: [SCRIPT, ...NO_COLLECTION, 'agreed'] },
    ]);
    expect(count(transcript, SCRIPT)).toBe(1);
    expect(await db().plan.count()).toBe(0);
  });

  it('Spanish: "ya no quiero vivir", then "no vale la pena seguir viviendo" — other words, 988 and 911, the person', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    const transcript = await play(conversation, [
      { says: 'ya no quiero vivir', must: [SCRIPT_ES, '988', '911'], mustNot: NO_COLLECTION_ES },
      { says: 'no vale la pena seguir viviendo', must: ['988', '911', 'persona de nuestro equipo'], mustNot: [SCRIPT_ES, ...NO_COLLECTION_ES] },
      { says: 'ok', must: ['988'], mustNot: [SCRIPT_ES, ...NO_COLLECTION_ES] },
      { says: 'ok', must: ['988'], mustNot: [SCRIPT_ES, ...NO_COLLECTION_ES] },
    ]);
    expect(count(transcript, SCRIPT_ES)).toBe(1);
  });
});
