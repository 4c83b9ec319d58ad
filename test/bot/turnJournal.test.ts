/**
 * The turn journal (src/bot/turnJournal.ts, turnUnit.ts) on its own: a keyed turn that stopped
 * after some writes (the process died) and is run again replays those writes instead of making
 * them twice, with the first attempt's clock and random draws; a re-run that asks for different
 * writes runs them. The end-to-end proof, with SIGKILL, is test/hardening/crash.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeResult, encodeResult, journaledDb, openJournal } from '../../src/bot/turnJournal.ts';
import { runInTurnUnit, TurnUnit } from '../../src/bot/turnUnit.ts';
import { createFixtureAccount } from '../helpers/accountFixture.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

let database: TestDatabase;
let accountId: string;
beforeEach(async () => {
  database = await createTestDatabase();
  accountId = await createFixtureAccount(database.db);
});
afterEach(async () => database.close());

const recordDispute = (db: TestDatabase['db']) =>
  db.$transaction(async (tx) => {
    const dispute = await tx.dispute.create({ data: { accountId, kind: 'dispute', words: 'not mine', channel: 'sms' } });
    await tx.account.update({ where: { id: accountId }, data: { disputed: true } });
    return dispute;
  });

describe('turn journal', () => {
  it('a re-run of a keyed turn replays its journaled writes: one dispute, the same result, the same clock and draws', async () => {
    const db = journaledDb(database.db);
    const first = new TurnUnit('sms:SM-crash', new Date('2026-11-23T12:00:00Z'), Buffer.alloc(32, 7));
    const firstResult = await runInTurnUnit(first, () => recordDispute(db));
    const firstAudit = await runInTurnUnit(first, () => db.auditEvent.create({ data: { type: 'dispute.recorded', actor: 'debtor', accountId } }));
    const firstToken = first.randomBytes(16);
    // The process dies here: no commit. The retry opens the same key.
    const retry = new TurnUnit('sms:SM-crash', new Date('2026-11-23T12:05:00Z'), Buffer.alloc(32, 9));
    expect(await openJournal(database.db, retry)).toEqual({ done: false });
    expect(retry.now.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    const replayed = await runInTurnUnit(retry, () => recordDispute(db));
    const replayedAudit = await runInTurnUnit(retry, () => db.auditEvent.create({ data: { type: 'dispute.recorded', actor: 'debtor', accountId } }));
    expect(replayed).toEqual(firstResult);
    expect(replayed.createdAt).toBeInstanceOf(Date);
    expect(replayedAudit.id).toBe(firstAudit.id);
    expect(retry.randomBytes(16)).toEqual(firstToken);
    expect(await database.db.dispute.count()).toBe(1);
    expect(await database.db.auditEvent.count()).toBe(1);
    // A write the first attempt never reached runs.
    await runInTurnUnit(retry, () => db.auditEvent.create({ data: { type: 'handoff.queued', actor: 'bot', accountId } }));
    expect(await database.db.auditEvent.count()).toBe(2);
  });

  it('a re-run that asks for a different write first runs everything from there on', async () => {
    const db = journaledDb(database.db);
    const first = new TurnUnit('directline:c:1', new Date(), Buffer.alloc(32, 1));
    await runInTurnUnit(first, () => db.auditEvent.create({ data: { type: 'hardship.reported', actor: 'debtor', accountId } }));
    const retry = new TurnUnit('directline:c:1', new Date(), Buffer.alloc(32, 2));
    expect(await openJournal(database.db, retry)).toEqual({ done: false });
    await runInTurnUnit(retry, () => recordDispute(db));
    await runInTurnUnit(retry, () => db.auditEvent.create({ data: { type: 'hardship.reported', actor: 'debtor', accountId } }));
    expect(await database.db.dispute.count()).toBe(1);
    expect(await database.db.auditEvent.count()).toBe(2);
  });

  it('a processed activity is reported done', async () => {
    await database.db.processedEvent.create({ data: { id: 'sms:SM-done', source: 'sms' } });
    expect(await openJournal(database.db, new TurnUnit('sms:SM-done', new Date(), Buffer.alloc(32)))).toEqual({ done: true });
  });

  it('writes outside a keyed turn are not journaled', async () => {
    const db = journaledDb(database.db);
    await db.auditEvent.create({ data: { type: 'hardship.reported', actor: 'debtor', accountId } });
    await runInTurnUnit(new TurnUnit(undefined, new Date(), Buffer.alloc(32)), () => recordDispute(db));
    expect(await database.db.turnEffect.count()).toBe(0);
  });

  it('keeps dates and undefined through the journal', () => {
    const value = { at: new Date('2026-01-02T03:04:05.678Z'), nested: [{ when: new Date(0) }], n: 1, s: 'x', nil: null };
    expect(decodeResult(encodeResult(value))).toEqual(value);
    expect(decodeResult(encodeResult(undefined))).toBeUndefined();
  });
});
