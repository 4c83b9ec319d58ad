import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueHandoff, queueHandoffIn } from '../../src/handoff/queue.ts';
import { createFixtureAccount } from '../helpers/accountFixture.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

async function conversation(externalId: string) {
  return database.db.conversation.create({ data: { externalId, channel: 'test' } });
}

describe('handoff queue', () => {
  it('queues a conversation, marks it queued and audits it', async () => {
    const c = await conversation('c1');
    const queued = await queueHandoff(database.db, { reason: 'asked', conversationId: c.id });
    expect(queued.ahead).toBe(0);
    expect(queued.expectedWaitMinutes).toBeGreaterThan(0);
    expect((await database.db.conversation.findUniqueOrThrow({ where: { id: c.id } })).holder).toBe('queued');
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { type: 'handoff.queued', conversationId: c.id } });
    expect(JSON.parse(audit.detailJson)).toMatchObject({ reason: 'asked' });
  });

  it('crisis goes ahead of everything already waiting', async () => {
    for (let i = 0; i < 3; i++) await queueHandoff(database.db, { reason: 'asked', conversationId: (await conversation(`w${i}`)).id });
    const later = await queueHandoff(database.db, { reason: 'asked', conversationId: (await conversation('later')).id });
    expect(later.ahead).toBe(3);
    const crisis = await queueHandoff(database.db, { reason: 'crisis', conversationId: (await conversation('crisis')).id });
    expect(crisis.ahead).toBe(0);
    const row = await database.db.handoff.findUniqueOrThrow({ where: { id: crisis.id } });
    expect(row.priority).toBe(0);
  });

  it('queues one conversation once, raising its priority when a more urgent reason arrives', async () => {
    const c = await conversation('c2');
    const first = await queueHandoff(database.db, { reason: 'asked', conversationId: c.id });
    const second = await queueHandoff(database.db, { reason: 'crisis', conversationId: c.id });
    expect(second.id).toBe(first.id);
    const rows = await database.db.handoff.findMany({ where: { conversationId: c.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: 'crisis', priority: 0 });
    expect(Object.keys(JSON.parse(rows[0]!.detailJson)).sort()).toEqual(['asked', 'crisis']);
    // A less urgent reason later does not lower it.
    await queueHandoff(database.db, { reason: 'hardship', conversationId: c.id });
    expect((await database.db.handoff.findUniqueOrThrow({ where: { id: first.id } })).priority).toBe(0);
  });

  it('queueHandoffIn is part of the caller\'s transaction: a later failure there leaves no handoff', async () => {
    const c = await conversation('c3');
    await expect(
      database.db.$transaction(async (tx) => {
        const row = await queueHandoffIn(tx, { reason: 'dispute', conversationId: c.id });
        expect(await tx.handoff.count({ where: { id: row.id } })).toBe(1);
        throw new Error('a later step of the same transaction failed');
      }),
    ).rejects.toThrow('a later step');
    expect(await database.db.handoff.count({ where: { conversationId: c.id } })).toBe(0);
    expect(await database.db.auditEvent.count({ where: { type: 'handoff.queued', conversationId: c.id } })).toBe(0);
    expect((await database.db.conversation.findUniqueOrThrow({ where: { id: c.id } })).holder).toBe('bot');
  });

  it('without a conversation, an open handoff of the same account and reason is reused', async () => {
    const accountId = await createFixtureAccount(database.db);
    const first = await queueHandoff(database.db, { reason: 'delinquent', accountId, detail: { planId: 'p1', missedCount: 2 } });
    const again = await queueHandoff(database.db, { reason: 'delinquent', accountId, detail: { planId: 'p1', missedCount: 2 } });
    expect(again.id).toBe(first.id);
    const other = await queueHandoff(database.db, { reason: 'dispute', accountId, detail: { chargeback: true } });
    expect(other.id).not.toBe(first.id);
    expect(await database.db.handoff.count({ where: { accountId, status: 'queued' } })).toBe(2);
    expect(JSON.parse((await database.db.handoff.findUniqueOrThrow({ where: { id: first.id } })).detailJson)).toEqual({ delinquent: { planId: 'p1', missedCount: 2 } });

    // Once resolved, the same reason opens a new handoff; an account's conversation handoff is separate.
    await database.db.handoff.update({ where: { id: first.id }, data: { status: 'resolved', resolvedAt: new Date() } });
    const next = await queueHandoff(database.db, { reason: 'delinquent', accountId });
    expect(next.id).not.toBe(first.id);
    const c = await database.db.conversation.create({ data: { externalId: 'c4', channel: 'test', accountId } });
    expect((await queueHandoff(database.db, { reason: 'delinquent', accountId, conversationId: c.id })).id).not.toBe(next.id);
    // A request with neither conversation nor account cannot be matched: each is queued.
    const a = await queueHandoff(database.db, { reason: 'asked' });
    expect((await queueHandoff(database.db, { reason: 'asked' })).id).not.toBe(a.id);
  });
});
