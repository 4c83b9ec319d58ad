import { describe, expect, it } from 'vitest';
import { importPlacements, PLACEMENT_COLUMNS } from '../../src/import/placements.ts';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified, type Expect } from '../helpers/conversation.ts';

/**
 * Issue #12 items 15-16: situations that need a different conversation — a relative reporting a
 * death (DESIGN 17), and one person with several accounts. Fresh database with the demo debtors
 * for each test (prisma/DEMO_ACCOUNTS.md).
 */

const NOT_LIABLE = 'family members are not personally responsible for a relative\'s debts unless they co-signed';
const NOT_LIABLE_ES = 'los familiares no son personalmente responsables de las deudas';
/** Nobody is asked to pay, verified as the deceased, or told whether an account exists. */
const NO_COLLECTION: Expect[] = [/\$\d/, 'You are verified', 'date of birth', 'Here are your options', 'Peachtree', 'Meridian', /\bbalance\b/i, 'Do you'];

const bot = freshBotForEachTest();

const db = () => bot().database.db;
const account = (accountNumber: string) => db().account.findUniqueOrThrow({ where: { accountNumber } });


describe('#12 item 15: a death reported by a relative (DESIGN 17)', () => {
  it('web: condolence first, "not personally responsible", the account number and the estate contact; recorded and paused; never verified or asked to pay', async () => {
    const conversation = bot().conversation();
    const transcript = await play(conversation, [
      { says: 'Hello, my father passed away last month, this was his account', must: ['sorry for your loss', NOT_LIABLE, 'account number from the letter', 'estate'], mustNot: NO_COLLECTION },
      { says: 'his account number is A-1005', must: ['handling the estate'], mustNot: NO_COLLECTION },
      { says: 'my sister Ana Williams is the executor, 305-555-0111', must: ['passed this on', 'will not ask you for payment'], mustNot: NO_COLLECTION },
      { says: 'ok so can I pay it for him? his birthday was May 30 1958, zip 33101', must: ['nothing you need to pay'], mustNot: NO_COLLECTION },
      { says: 'thanks', mustNot: NO_COLLECTION },
    ]);
    expect(transcript[0]![0]).toMatch(/^I am so sorry for your loss/);
    const robert = await account('A-1005');
    expect(robert.deceased).toBe(true);
    const handoff = await db().handoff.findFirstOrThrow({ where: { accountId: robert.id, reason: 'deceased' } });
    expect(JSON.parse(handoff.detailJson).deceased).toMatchObject({ reportedBy: 'relative', accountIdentified: true, estateContact: '305-555-0111' });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { accountId: robert.id, type: 'status.reported' } });
    expect(audit.actor).toBe('third_party');
    expect(await db().auditEvent.count({ where: { accountId: robert.id, type: { in: ['verification.succeeded', 'disclosure.shown'] } } })).toBe(0);
  });

  it('DESIGN 1: the same words whether or not an account matches — nothing tells the relative an account exists', async () => {
    const known = bot().conversation();
    const unknown = bot().conversation();
    const [, , knownRecorded] = await play(known, [{ says: 'my mother passed away, this was her account' }, { says: 'her account number is A-1006' }, { says: "I don't know who handles the estate" }]);
    const [, , unknownRecorded] = await play(unknown, [{ says: 'my mother passed away, this was her account' }, { says: 'her account number is Z-9999' }, { says: "I don't know who handles the estate" }]);
    expect(unknownRecorded).toEqual(knownRecorded);
    expect((await account('A-1006')).deceased).toBe(true);
  });

  it('SMS in Spanish: the name instead of the account number; the estate contact not known', async () => {
    const sms = smsFrom(bot(), '+13055550999', 'es-US');
    await play(sms, [
      { says: 'mi papá falleció, esta era su cuenta', must: ['Lamento mucho su pérdida', NOT_LIABLE_ES], mustNot: NO_COLLECTION },
      { says: 'se llamaba Robert Williams', must: ['herencia'], mustNot: NO_COLLECTION },
      // By SMS the GSM-7 version (src/messages/smsShort.es.ts): "pago alguno" for "ningún pago".
      { says: 'no sé', must: ['Lo he comunicado a nuestro equipo', 'no le pediremos pago alguno'] },
      { says: 'gracias', must: ['No hay nada que usted deba pagar'] },
    ]);
    expect((await account('A-1005')).deceased).toBe(true);
  });

  it('SMS in Spanish: the estate contact given after the report is passed on too, never dropped', async () => {
    const sms = smsFrom(bot(), '+13055550777', 'es-US');
    await play(sms, [
      { says: 'mi esposo falleció, esta era su cuenta', must: [NOT_LIABLE_ES] },
      { says: 'la cuenta es A-1005', must: ['herencia'] },
      { says: 'no sé', must: ['Lo he comunicado'] },
      { says: 'ah, me encargo yo, mi número es 305-555-0123', must: ['También lo he comunicado'] },
    ]);
    const handoff = await db().handoff.findFirstOrThrow({ where: { reason: 'deceased' } });
    expect(JSON.parse(handoff.detailJson).deceased).toMatchObject({ accountIdentified: true, estateContact: '305-555-0123' });
  });

  it('DESIGN 17: reported after verification on the account itself — recorded, paused, and the same plain words about family members', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1005 May 30 1958 33101');
    await play(conversation, [
      { says: 'my father passed away, this was his account', must: ['sorry for your loss', NOT_LIABLE], mustNot: [/\$\d/] },
      { says: 'can I pay it off for him?', must: ['paused'], mustNot: ['Do you agree', 'Here are your options'] },
    ]);
    expect((await account('A-1005')).deceased).toBe(true);
  });

  it('a name shared by several placements is not guessed: the report goes to a person without touching an account', async () => {
    const header = PLACEMENT_COLUMNS.join(',');
    await importPlacements(db(), `${header}\nB-2005,Robert,Williams,1971-02-02,9999,60601,,,"1 Lake St, Chicago, IL 60601",America/Chicago,en,Southside Dental,Southside Dental,2025-05-01,300.00,0.00,0.00,0.00,0.00,USD,false\n`, { hashKey: bot().config.IDENTITY_HASH_KEY });
    await play(bot().conversation(), [{ says: 'my husband died, this was his account' }, { says: 'Robert Williams' }, { says: 'no idea' }]);
    expect((await account('A-1005')).deceased).toBe(false);
    expect((await account('B-2005')).deceased).toBe(false);
    const handoff = await db().handoff.findFirstOrThrow({ where: { reason: 'deceased' } });
    expect(JSON.parse(handoff.detailJson).deceased).toMatchObject({ accountIdentified: false, deceasedName: 'Robert Williams' });
  });
});

describe('#12 item 16: one person, several accounts', () => {
  async function secondPlacementForMaria() {
    const header = PLACEMENT_COLUMNS.join(',');
    const row = 'A-2001,Maria,Johnson,1985-03-14,1234,30301,(404) 555-0101,maria.johnson@example.com,"12 Oak Street, Atlanta, GA 30301",America/New_York,en,Southside Dental,Southside Dental,2025-05-01,300.00,0.00,0.00,0.00,0.00,USD,false';
    const report = await importPlacements(db(), `${header}\n${row}\n`, { hashKey: bot().config.IDENTITY_HASH_KEY });
    expect(report.imported).toBe(1);
  }

  it('web, by name: verified once, the disclosure first, then the accounts listed; "2" picks the second; "my other account" switches', async () => {
    await secondPlacementForMaria();
    const transcript = await play(bot().conversation(), [
      { says: 'my name is Maria Johnson' },
      { says: 'March 14 1985' },
      { says: '30301', must: ['You are verified', 'You have 2 accounts with us', '••1001 with Peachtree Medical Group: $1,085.00', '••2001 with Southside Dental: $300.00'] },
      { says: '2', must: ['Your account ••2001 with Southside Dental has a current balance of $300.00'], mustNot: ['$1,085.00'] },
      { says: 'no', must: ['mail the validation notice'] },
      { says: 'my other account', must: ['You have 2 accounts with us'] },
      { says: 'the Peachtree one', must: ['Your account ••1001 with Peachtree Medical Group has a current balance of $1,085.00'] },
    ]);
    expect(transcript[2]![0]).toMatch(/is a debt collector/);
    const audits = await db().auditEvent.findMany({ where: { type: 'verification.succeeded', account: { firstName: 'Maria' } } });
    expect(audits).toHaveLength(2);
  });

  it('SMS, by the phone on file: the list, then the choice by the last digits', async () => {
    await secondPlacementForMaria();
    await play(smsFrom(bot(), '+14045550101'), [
      { says: 'March 14 1985 30301', must: ['You have 2 accounts with us'] },
      { says: '2001', must: ['Southside Dental has a current balance of $300.00'] },
    ]);
  });

  it('Spanish: the list in Spanish, and an answer it cannot place is asked again in other words', async () => {
    await secondPlacementForMaria();
    await play(bot().conversation({ locale: 'es-US' }), [
      { says: 'me llamo Maria Johnson, nací el 14 de marzo de 1985, código postal 30301', must: ['Tiene 2 cuentas con nosotros', 'Responda con su número'] },
      { says: 'la verde', must: ['responda con el número de la cuenta'] },
      { says: 'la primera', must: ['Su cuenta ••1001 con Peachtree Medical Group'] },
    ]);
  });
});
