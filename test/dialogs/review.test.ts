import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, type TestConversation } from '../helpers/conversation.ts';

/**
 * Fresh-eyes review of the reworked conversation (52 whole conversations played by someone who had
 * not seen the tests): each failing or awkward conversation, generalised, as a conversation table.
 * Fresh database with the demo debtors per test; the clock is Monday, November 23, 2026, 10:00 in New York.
 */

const ESIGN = /agree to receive notices about this account electronically/;
const ESIGN_ES = /Acepta recibir avisos sobre esta cuenta de forma electr[oó]nica/;
const NOTICE_LINK = /\/notices\//;
const RIGHTS = /you can dispute all or part of this debt/;

const MARIA_PHONE = '+14045550101';

const bot = freshBotForEachTest();
const db = () => bot().database.db;
const account = (accountNumber: string) => db().account.findUniqueOrThrow({ where: { accountNumber } });
const esignConsents = async (accountNumber: string) => db().consent.count({ where: { accountId: (await account(accountNumber)).id, kind: 'esign' } });

describe('DESIGN 3 (1006.42), 16: E-SIGN consent only from a yes to the consent question itself', () => {
  const acknowledgements = ['ok', 'okay', 'fine', 'ok whatever', 'sure'];
  for (const ack of acknowledgements) {
    it(`web: "${ack}" to the handoff message while the question is open is not consent; the question is asked again`, async () => {
      const conversation = bot().conversation();
      await play(conversation, [
        { says: 'A-1004 January 9 1990 60614', must: [ESIGN] },
        { says: 'can i talk to someone', must: ['person'], mustNot: [NOTICE_LINK] },
        { says: ack, must: [/notices/], mustNot: [NOTICE_LINK, 'Thank you. Here is your validation notice'] },
      ]);
      expect(await esignConsents('A-1004')).toBe(0);
      await play(conversation, [{ says: 'yes', must: [NOTICE_LINK, RIGHTS] }]);
      expect(await esignConsents('A-1004')).toBe(1);
    });
  }

  it('SMS: "ok" after an answer to a side question is not consent; "yes" right after the question is', async () => {
    const conversation = smsFrom(bot(), MARIA_PHONE);
    await play(conversation, [
      { says: 'Maria Johnson March 14 1985 30301', must: [ESIGN] },
      { says: 'agent', mustNot: [NOTICE_LINK] },
      { says: 'okay', mustNot: [NOTICE_LINK] },
    ]);
    expect(await esignConsents('A-1001')).toBe(0);
    await play(conversation, [{ says: 'yes', must: [NOTICE_LINK] }]);
    expect(await esignConsents('A-1001')).toBe(1);
  });

  it('Spanish: "vale" to the handoff message is not consent; "sí" right after the question is', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await play(conversation, [
      { says: 'A-1002 2 de noviembre de 1979 78201', must: [ESIGN_ES] },
      { says: 'quiero hablar con una persona', mustNot: [NOTICE_LINK] },
      { says: 'vale', must: [ESIGN_ES], mustNot: [NOTICE_LINK] },
    ]);
    expect(await esignConsents('A-1002')).toBe(0);
    await play(conversation, [{ says: 'sí', must: [NOTICE_LINK] }]);
    expect(await esignConsents('A-1002')).toBe(1);
  });
});

describe('#19 item 5: the conversation follows the first Spanish message, whatever else it holds', () => {
  const firstMessages: Array<[string, (c: ReturnType<typeof bot>) => TestConversation]> = [
    ['hola, me llegó una carta de ustedes. Me llamo Maria Johnson', (b) => b.conversation()],
    ['hola, me escribieron por una deuda. Me llamo Maria Johnson', (b) => smsFrom(b, MARIA_PHONE)],
  ];
  for (const [first, open] of firstMessages) {
    it(`DESIGN 2, 3: "${first}" on an English account — disclosure, E-SIGN question and rights in Spanish`, async () => {
      const conversation = open(bot());
      await play(conversation, [
        { says: first, must: [/fecha de nacimiento/], mustNot: [/date of birth/i, /Please/] },
        { says: '14/03/1985', mustNot: [/ZIP code/, /Did you mean/] },
        { says: '30301', must: ['agencia de cobro de deudas', ESIGN_ES], mustNot: ['debt collector', ESIGN] },
        { says: 'sí', must: ['Sus derechos', NOTICE_LINK], mustNot: [RIGHTS] },
      ]);
      expect((await account('A-1001')).language).toBe('es');
    });
  }
});
