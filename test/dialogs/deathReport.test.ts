import { describe, expect, it } from 'vitest';
import { importPlacements, PLACEMENT_COLUMNS } from '../../src/import/placements.ts';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, type Expect } from '../helpers/conversation.ts';

/**
 * Issue #12 item 15, fresh-eyes review C14 (DESIGN 17): a relative reports a death on the web the
 * way people write it — the deceased's name in the first message, the date of birth and ZIP after,
 * "do I have to pay it?", the estate's contact in one sentence, "ok thank you". Everything said is
 * used, the condolence is said once, the relative is never verified, never asked to pay, and told
 * nothing about the debt. Two placements share the deceased's name (fictional), so only the date
 * of birth and ZIP tell them apart. Fresh database with the demo debtors per test.
 */

const bot = freshBotForEachTest();
const db = () => bot().database.db;
const account = (accountNumber: string) => db().account.findUniqueOrThrow({ where: { accountNumber } });

/** Harold Jenkins (born June 2 1949, ZIP 44102), and a namesake born in 1971 in Chicago. */
async function importTheJenkinses() {
  const rows = [
    'B-2005,Harold,Jenkins,1949-06-02,7001,44102,(216) 555-0305,,"8 Lorain Ave, Cleveland, OH 44102",America/New_York,en,Peachtree Medical Group,Peachtree Medical Group,2025-03-01,2750.00,0.00,0.00,0.00,0.00,USD,false',
    'B-2099,Harold,Jenkins,1971-02-02,9999,60601,,,"1 Lake St, Chicago, IL 60601",America/Chicago,en,Southside Dental,Southside Dental,2025-05-01,300.00,0.00,0.00,0.00,0.00,USD,false',
  ];
  const report = await importPlacements(db(), `${PLACEMENT_COLUMNS.join(',')}\n${rows.join('\n')}\n`, { hashKey: bot().config.IDENTITY_HASH_KEY });
  expect(report.imported).toBe(2);
}

const CONDOLENCE = 'I am so sorry for your loss';
const CONDOLENCE_ES = 'Lamento mucho su pérdida';
/** Nobody is asked to pay, verified as the deceased, or told anything about a debt (DESIGN 1, 17). */
const NO_COLLECTION: Expect[] = [/\$\d/, 'You are verified', 'What is your date of birth', 'Here are your options', 'Peachtree', 'Southside', /\bbalance\b/i, 'Do you agree'];
const NO_COLLECTION_ES: Expect[] = [/\$\d/, 'Su identidad está confirmada', '¿Cuál es su fecha de nacimiento', 'Estas son sus opciones', 'Peachtree', 'Southside', /\bsaldo\b/i];
/** The deceased's name, once given, is never asked for again. */
const ASKS_NAME: Expect[] = ["relative's full name", "relative's first and last name", 'account number from the letter'];
const ASKS_NAME_ES: Expect[] = ['nombre completo de su familiar', 'nombre y apellido de su familiar', 'número de cuenta'];

async function deathHandoff() {
  const handoff = await db().handoff.findFirstOrThrow({ where: { reason: 'deceased' } });
  return JSON.parse(handoff.detailJson).deceased as Record<string, unknown>;
}

async function expectJenkinsRecorded() {
  expect((await account('B-2005')).deceased).toBe(true);
  expect((await account('B-2099')).deceased).toBe(false);
  const harold = await account('B-2005');
  expect(await db().auditEvent.count({ where: { accountId: harold.id, type: { in: ['verification.succeeded', 'disclosure.shown'] } } })).toBe(0);
  const audit = await db().auditEvent.findFirstOrThrow({ where: { accountId: harold.id, type: 'status.reported' } });
  expect(audit.actor).toBe('third_party');
}

const condolences = (transcript: string[][], words: string) => transcript.flat().filter((text) => text.includes(words)).length;

describe('C14: a relative reports a death on the web (DESIGN 17)', () => {
  it('the name in the first message, the date of birth and ZIP after, "do I have to pay it?", the estate in one sentence, "ok thank you"', async () => {
    await importTheJenkinses();
    const transcript = await play(bot().conversation(), [
      {
        says: 'Hi, my father Harold Jenkins passed away in October. We got a letter from you about his hospital bill',
        must: [CONDOLENCE, 'not personally responsible', 'who is handling the estate'],
        mustNot: [...NO_COLLECTION, ...ASKS_NAME],
      },
      { says: 'his date of birth was June 2 1949 and his zip was 44102', must: ['I have noted that', 'estate'], mustNot: [...NO_COLLECTION, ...ASKS_NAME, CONDOLENCE] },
      {
        says: 'Do I have to pay it? I dont want his account to go bad',
        must: ['nothing you need to pay', 'co-signed', 'estate'],
        mustNot: [...NO_COLLECTION, ...ASKS_NAME, CONDOLENCE],
      },
      { says: 'the estate is handled by my brother Mark Jenkins, 216-555-0400', must: ['passed this on'], mustNot: [...NO_COLLECTION, ...ASKS_NAME, CONDOLENCE] },
      { says: 'ok thank you', must: ['You are welcome'], mustNot: [...NO_COLLECTION, ...ASKS_NAME, /\?/] },
    ]);
    expect(condolences(transcript, CONDOLENCE)).toBe(1);
    await expectJenkinsRecorded();
    expect(await deathHandoff()).toMatchObject({
      reportedBy: 'relative',
      accountIdentified: true,
      deceasedName: 'Harold Jenkins',
      deceasedFactorsGiven: ['dob', 'zip'],
      estateName: 'Mark Jenkins',
      estateContact: '216-555-0400',
    });
    // The deceased's date of birth never reaches the officer's handoff.
    expect(JSON.stringify(await deathHandoff())).not.toMatch(/1949/);
  });

  it('without the date of birth, two namesakes are not guessed between: passed to a person, no account touched', async () => {
    await importTheJenkinses();
    await play(bot().conversation(), [
      { says: 'my father Harold Jenkins passed away last month', must: [CONDOLENCE], mustNot: ASKS_NAME },
      { says: 'my brother Mark Jenkins, 216-555-0400', must: ['passed this on'] },
    ]);
    expect((await account('B-2005')).deceased).toBe(false);
    expect((await account('B-2099')).deceased).toBe(false);
    expect(await deathHandoff()).toMatchObject({ accountIdentified: false, deceasedName: 'Harold Jenkins', estateName: 'Mark Jenkins', estateContact: '216-555-0400' });
  });

  it('the estate contact given after the report was passed on (a message that reads as a death report again): added, the condolence not repeated', async () => {
    await importTheJenkinses();
    const transcript = await play(bot().conversation(), [
      { says: 'my mother passed away, this was her account', must: [CONDOLENCE] },
      { says: 'her account number is A-1006', must: ['estate'] },
      { says: "I don't know who handles the estate", must: ['passed this on'] },
      { says: 'actually the estate is handled by my brother Mark Jenkins, 216-555-0400', must: ['passed that on as well'], mustNot: [CONDOLENCE, ...ASKS_NAME] },
      { says: 'thanks', must: ['You are welcome'], mustNot: [/\?/, ...ASKS_NAME] },
      { says: 'thank you', mustNot: [/\?/, ...ASKS_NAME] },
    ]);
    expect(condolences(transcript, CONDOLENCE)).toBe(1);
    expect(await deathHandoff()).toMatchObject({ accountIdentified: true, estateName: 'Mark Jenkins', estateContact: '216-555-0400' });
  });

  it('Spanish: "mi padre Harold Jenkins falleció", la fecha de nacimiento y el código postal, "¿tengo que pagarla yo?", la herencia, "ok gracias"', async () => {
    await importTheJenkinses();
    const transcript = await play(bot().conversation({ locale: 'es-US' }), [
      {
        says: 'Hola, mi padre Harold Jenkins falleció en octubre. Nos llegó una carta de ustedes sobre su cuenta del hospital',
        must: [CONDOLENCE_ES, 'no son personalmente responsables', 'quién se encarga de la herencia'],
        mustNot: [...NO_COLLECTION_ES, ...ASKS_NAME_ES],
      },
      { says: 'su fecha de nacimiento era el 2 de junio de 1949 y su código postal 44102', must: ['lo he anotado'], mustNot: [...NO_COLLECTION_ES, ...ASKS_NAME_ES, CONDOLENCE_ES] },
      { says: '¿Tengo que pagarla yo? No quiero que su cuenta quede mal', must: ['No hay nada que usted deba pagar'], mustNot: [...NO_COLLECTION_ES, CONDOLENCE_ES] },
      { says: 'la herencia la lleva mi hermano Marcos Jenkins, 216-555-0400', must: ['Lo he comunicado'], mustNot: [...NO_COLLECTION_ES, ...ASKS_NAME_ES, CONDOLENCE_ES] },
      { says: 'ok gracias', must: ['De nada'], mustNot: [...NO_COLLECTION_ES, ...ASKS_NAME_ES, /¿/] },
    ]);
    expect(condolences(transcript, CONDOLENCE_ES)).toBe(1);
    await expectJenkinsRecorded();
    expect(await deathHandoff()).toMatchObject({ deceasedName: 'Harold Jenkins', estateName: 'Marcos Jenkins', estateContact: '216-555-0400' });
  });

  it('SMS from the relative\'s own phone: the same conversation, never verified by the phone', async () => {
    await importTheJenkinses();
    const transcript = await play(smsFrom(bot(), '+12165550999'), [
      { says: 'my dad harold jenkins died last month, you sent him a letter', must: [CONDOLENCE], mustNot: [...NO_COLLECTION, ...ASKS_NAME] },
      { says: 'he was born june 2 1949, zip 44102', must: ['I have noted that'], mustNot: [...NO_COLLECTION, CONDOLENCE] },
      { says: 'my sister Ana Jenkins handles it, ana.jenkins@example.com', must: ['passed this on'], mustNot: [...NO_COLLECTION, CONDOLENCE] },
      { says: 'ok thanks', must: ['You are welcome'], mustNot: [/\?/] },
    ]);
    expect(condolences(transcript, CONDOLENCE)).toBe(1);
    await expectJenkinsRecorded();
    expect(await deathHandoff()).toMatchObject({ deceasedName: 'harold jenkins', estateName: 'Ana Jenkins', estateContact: 'ana.jenkins@example.com' });
  });
});
