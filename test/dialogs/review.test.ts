import { describe, expect, it } from 'vitest';
import { importPlacements, PLACEMENT_COLUMNS } from '../../src/import/placements.ts';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, type TestConversation } from '../helpers/conversation.ts';

/**
 * Fresh-eyes review of the reworked conversation (52 whole conversations played by someone who had
 * not seen the tests): each failing or awkward conversation, generalised, as a conversation table.
 * Fresh database with the demo debtors per test; the clock is Monday, November 23, 2026, 10:00 in New York.
 */

const ESIGN = /agree to receive notices about this account electronically/;
/** The Spanish E-SIGN question: on the web "de forma electrónica", by SMS (GSM-7 words) "en formato digital". */
const ESIGN_ES = /Acepta recibir avisos sobre esta cuenta (de forma electrónica|en formato digital)/;
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

describe('DESIGN 6: the attorney\'s details, whenever and however they come', () => {
  const handoffDetail = async () => {
    const handoff = await db().handoff.findFirstOrThrow({ where: { reason: 'attorney' } });
    return (JSON.parse(handoff.detailJson) as { attorney: { attorneyName?: string; attorneyContact?: string | null } }).attorney;
  };

  it('web, first message: "My lawyer Rachel Stein (215) 555-0199 handles this, contact her not me" — name and phone noted, nothing asked again', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'My lawyer Rachel Stein (215) 555-0199 handles this, contact her not me', must: ["noted your attorney's details"], mustNot: [/attorney's name/i, /phone number or email/i] },
    ]);
    expect(await handoffDetail()).toMatchObject({ attorneyName: 'Rachel Stein', attorneyContact: '(215) 555-0199' });
  });

  it('SMS, mid-verification: "Im represented by an attorney, Rachel Stein at Stein & Ford, 215-555-0199…" — name and phone noted', async () => {
    const conversation = smsFrom(bot(), MARIA_PHONE);
    await play(conversation, [
      { says: 'Maria Johnson', must: [/date of birth/i] },
      { says: 'Im represented by an attorney, Rachel Stein at Stein & Ford, 215-555-0199, please talk to her not me', must: ["noted your attorney's details"], mustNot: [/attorney's name/i] },
    ]);
    expect(await handoffDetail()).toMatchObject({ attorneyName: 'Rachel Stein', attorneyContact: '215-555-0199' });
  });

  it('before verification, a bare name is confirmed ("Is … your attorney?"); the debtor\'s own name, denied, is never stored', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'I have a lawyer for this, talk to them not me', must: [/attorney's name/i] },
      { says: 'Maria Johnson', must: ['Is Maria Johnson your attorney?'], mustNot: ['noted'] },
      { says: 'no', must: [/attorney's name/i], mustNot: ['noted'] },
      { says: 'Rachel Stein', must: [/Rachel Stein/, /yes or no/i] },
      { says: 'yes', must: [/phone number or email/i] },
      { says: '215-555-0199', must: ['noted'] },
    ]);
    expect(await handoffDetail()).toMatchObject({ attorneyName: 'Rachel Stein', attorneyContact: '215-555-0199' });
  });

  it('after verification, the debtor\'s own name is never recorded as the attorney\'s', async () => {
    const conversation = bot().conversation();
    await conversation.say('A-1001 March 14 1985 30301');
    await conversation.say('no');
    await play(conversation, [
      { says: 'I have an attorney now', must: [/attorney's name/i] },
      { says: 'Maria Johnson', must: [/attorney's name/i], mustNot: [/recorded that Maria Johnson/] },
    ]);
    const maria = await account('A-1001');
    expect(maria.attorneyName).not.toBe('Maria Johnson');
  });

  for (const [channel, open] of [
    ['web', (b: ReturnType<typeof bot>) => b.conversation()],
    ['SMS', (b: ReturnType<typeof bot>) => smsFrom(b, MARIA_PHONE)],
  ] as const) {
    it(`${channel}: "can I still pay a little" instead of the attorney's name — recorded with what was given and answered, the name not asked forever`, async () => {
      const conversation = open(bot());
      await conversation.say('A-1001 March 14 1985 30301');
      await conversation.say('no');
      await play(conversation, [
        { says: 'I have a lawyer handling this', must: [/attorney's name/i] },
        { says: 'can I still pay a little', must: ['we will not discuss payment with you directly'], mustNot: [/attorney's name/i] },
      ]);
      expect((await account('A-1001')).attorneyRepresented).toBe(true);
    });
  }

  it('Spanish: "mi abogada Ana Ruiz lleva esto, 210-555-0199" is recorded with name and phone', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await conversation.say('A-1002 2 de noviembre de 1979 78201');
    await conversation.say('no');
    await play(conversation, [{ says: 'mi abogada Ana Ruiz lleva esto, 210-555-0199', must: ['Ana Ruiz'], mustNot: [/Cómo se llama su abogado/] }]);
    const carlos = await account('A-1002');
    expect(carlos).toMatchObject({ attorneyRepresented: true, attorneyName: 'Ana Ruiz', attorneyContact: '210-555-0199' });
  });
});

describe('DESIGN 9 (1006.38(b)): no payment before the validation rights are stated', () => {
  const RECAP = /Do you (agree to these terms|authorize these payments)\?|Here is a plan I can set up|Would that work for you/;
  const firstRights = (transcript: string[][], pattern: RegExp) => {
    const all = transcript.flat();
    const rights = all.findIndex((t) => pattern.test(t));
    const recap = all.findIndex((t) => RECAP.test(t));
    return { rights, recap };
  };

  for (const [channel, open, verifySteps] of [
    ['web', (b: ReturnType<typeof bot>) => b.conversation(), ['A-1001', 'March 14 1985', '30301']],
    ['SMS', (b: ReturnType<typeof bot>) => smsFrom(b, MARIA_PHONE), ['Maria Johnson', 'March 14 1985', '30301']],
  ] as const) {
    it(`${channel}: a goal said before verification ("I want to pay this off in full") is served only after the balance and the rights`, async () => {
      const conversation = open(bot());
      const transcript = await play(conversation, [
        { says: 'Hi, I want to pay this off in full', mustNot: [RECAP] },
        ...verifySteps.slice(0, -1).map((says) => ({ says, mustNot: [RECAP] })),
        { says: verifySteps[verifySteps.length - 1]!, must: ['$1,085.00', RIGHTS] },
      ]);
      const { rights, recap } = firstRights(transcript, RIGHTS);
      expect(rights).toBeGreaterThanOrEqual(0);
      if (recap >= 0) expect(rights).toBeLessThan(recap);
    });
  }

  it('web: a payment question while the E-SIGN question is open gets the rights before any plan', async () => {
    const conversation = bot().conversation();
    const transcript = await play(conversation, [
      { says: 'A-1001 March 14 1985 30301', must: [ESIGN], mustNot: [RIGHTS] },
      { says: 'whats the lowest monthly payment i can do', must: [RIGHTS] },
    ]);
    const { rights, recap } = firstRights(transcript, RIGHTS);
    if (recap >= 0) expect(rights).toBeLessThan(recap);
  });

  it('Spanish: "quiero pagar todo" before verification — los derechos antes del pago', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    const transcript = await play(conversation, [
      { says: 'hola, quiero pagar todo lo que debo' },
      { says: 'A-1002 2 de noviembre de 1979 78201', must: ['Sus derechos'] },
    ]);
    const { rights, recap } = firstRights(transcript, /Sus derechos/);
    const recapEs = transcript.flat().findIndex((t) => /¿Acepta estos términos|¿Autoriza estos pagos|¿Le funciona/.test(t));
    expect(rights).toBeGreaterThanOrEqual(0);
    if (recapEs >= 0) expect(rights).toBeLessThan(recapEs);
    if (recap >= 0) expect(rights).toBeLessThan(recap);
  });
});

describe('#12 item 16: the account the debtor names, never a guess', () => {
  /** Maria's second placement: a Visa card debt bought by Meridian Capital Recovery, listed second. */
  async function visaPlacementForMaria() {
    // The required columns only (the demo file also carries the optional contactability ones).
    const header = PLACEMENT_COLUMNS.join(',');
    const row = 'A-2001,Maria,Johnson,1985-03-14,1234,30301,(404) 555-0101,maria.johnson@example.com,"12 Oak Street, Atlanta, GA 30301",America/New_York,en,Meridian Capital Recovery,Horizon Bank Visa,2025-05-01,300.00,0.00,0.00,0.00,0.00,USD,false';
    const report = await importPlacements(db(), `${header}\n${row}\n`, { hashKey: bot().config.IDENTITY_HASH_KEY });
    expect(report.imported).toBe(1);
  }
  const LIST = 'You have 2 accounts with us';
  const VISA = 'Your account ••2001 with Meridian Capital Recovery';
  const MEDICAL = 'Your account ••1001 with Peachtree Medical Group';

  it('SMS: "the visa one" picks the account whose original creditor is the Visa card, not option 1', async () => {
    await visaPlacementForMaria();
    await play(smsFrom(bot(), MARIA_PHONE), [
      { says: 'March 14 1985 30301', must: [LIST] },
      { says: 'the visa one', must: [VISA], mustNot: [MEDICAL] },
    ]);
  });

  it('web: "the medical one" and "the smaller one" pick by creditor and by size', async () => {
    await visaPlacementForMaria();
    await play(bot().conversation(), [
      { says: 'Maria Johnson March 14 1985 30301', must: [LIST] },
      { says: 'the smaller one', must: [VISA], mustNot: [MEDICAL] },
      { says: 'no' },
      { says: 'my other account', must: [LIST] },
      { says: 'the medical one', must: [MEDICAL] },
    ]);
  });

  it('an answer that names no account ("the blue one", "the mastercard one") is asked again, never guessed', async () => {
    await visaPlacementForMaria();
    await play(smsFrom(bot(), MARIA_PHONE), [
      { says: 'March 14 1985 30301', must: [LIST] },
      { says: 'the mastercard one', must: ['reply with the number of the account'], mustNot: [VISA, MEDICAL] },
      { says: 'the blue one', mustNot: [VISA, MEDICAL] },
    ]);
  });
});
