import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrismaTurnStore } from '../../src/storage/prismaTurnStore.ts';
import { turnStoreFor, type TurnStore } from '../../src/storage/turnStore.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { createFixtureAccount } from '../helpers/accountFixture.ts';
import { recordEsignConsent } from '../../src/notices/notices.ts';

/**
 * The turn store's read of the debtor's latest messages (a card number typed across messages), on
 * the driver's prepared statements (SQLite or PostgreSQL, by the test project) and through Prisma:
 * the same rows, oldest first, only the debtor's inbound ones since the window's start.
 */
let database: TestDatabase;

beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

async function conversationWithMessages(): Promise<{ id: string; at: (minutesAgo: number) => Date }> {
  const db = database.db;
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
  const conversation = await db.conversation.create({ data: { externalId: `c-${Math.random()}`, channel: 'web' } });
  const other = await db.conversation.create({ data: { externalId: `o-${Math.random()}`, channel: 'web' } });
  const rows = [
    { text: 'too old', minutesAgo: 30, direction: 'in', author: 'debtor' },
    { text: 'first', minutesAgo: 8, direction: 'in', author: 'debtor' },
    { text: 'bot says', minutesAgo: 7, direction: 'out', author: 'bot' },
    { text: 'second', minutesAgo: 6, direction: 'in', author: 'debtor' },
    { text: 'officer', minutesAgo: 5, direction: 'out', author: 'officer' },
    { text: 'third', minutesAgo: 4, direction: 'in', author: 'debtor' },
    { text: 'fourth', minutesAgo: 2, direction: 'in', author: 'debtor' },
  ];
  await db.message.createMany({ data: rows.map((r) => ({ conversationId: conversation.id, direction: r.direction, author: r.author, text: r.text, createdAt: at(r.minutesAgo) })) });
  await db.message.create({ data: { conversationId: other.id, direction: 'in', author: 'debtor', text: 'elsewhere', createdAt: at(1) } });
  return { id: conversation.id, at };
}

describe.each<[string, (t: TestDatabase) => TurnStore]>([
  ['the driver\'s prepared statements', (t) => turnStoreFor(t.db)],
  ['Prisma', (t) => new PrismaTurnStore(t.db)],
])('recentDebtorMessages through %s', (_name, storeOf) => {
  it('the latest debtor messages of the conversation since the window, oldest first', async () => {
    const { id, at } = await conversationWithMessages();
    const store = storeOf(database);
    expect((await store.recentDebtorMessages(id, { limit: 3, since: at(10) })).map((m) => m.text)).toEqual(['second', 'third', 'fourth']);
    expect((await store.recentDebtorMessages(id, { limit: 5, since: at(10) })).map((m) => m.text)).toEqual(['first', 'second', 'third', 'fourth']);
    expect((await store.recentDebtorMessages(id, { limit: 3, since: at(3) })).map((m) => m.text)).toEqual(['fourth']);
    expect(await store.recentDebtorMessages('no-such-conversation', { limit: 3, since: at(10) })).toEqual([]);
  });
});

describe.each<[string, (t: TestDatabase) => TurnStore]>([
  ['the driver\'s prepared statements', (t) => turnStoreFor(t.db)],
  ['Prisma', (t) => new PrismaTurnStore(t.db)],
])('the turn\'s account read carries the E-SIGN standing, through %s', (_name, storeOf) => {
  it('none, then given, then withdrawn — and another account\'s consent is not this one\'s', async () => {
    const db = database.db;
    const accountId = await createFixtureAccount(db, { accountNumber: 'A-9001' });
    const other = await createFixtureAccount(db, { accountNumber: 'A-9002' });
    const store = storeOf(database);
    await recordEsignConsent(db, { accountId: other, channel: 'web', wording: 'Do you agree to receive notices electronically?' });
    expect((await store.account(accountId))?.esign).toBe('none');
    const { consentId } = await recordEsignConsent(db, { accountId, channel: 'web', wording: 'Do you agree to receive notices electronically?' });
    expect((await store.account(accountId))?.esign).toBe('given');
    await db.consent.update({ where: { id: consentId }, data: { withdrawnAt: new Date() } });
    expect((await store.account(accountId))?.esign).toBe('withdrawn');
  });
});

describe.each<[string, (t: TestDatabase) => TurnStore]>([
  ['the driver\'s prepared statements', (t) => turnStoreFor(t.db)],
  ['Prisma', (t) => new PrismaTurnStore(t.db)],
])('ensureConversation through %s', (_name, storeOf) => {
  it('creates the record on the first message, with the defaults; later finds it and marks it active', async () => {
    const store = storeOf(database);
    const externalId = `web-${Math.random()}`;
    const first = await store.ensureConversation(externalId, 'web');
    expect(first).toEqual({ id: expect.stringMatching(/^c[0-9a-z]{24}$/), holder: 'bot', accountId: null });
    const stored = await database.db.conversation.findUniqueOrThrow({ where: { externalId } });
    expect(stored).toMatchObject({ id: first.id, channel: 'web', holder: 'bot', language: 'en', accountId: null });
    await database.db.conversation.update({ where: { id: first.id }, data: { holder: 'queued', lastActivityAt: new Date(Date.now() - 60_000) } });
    const again = await store.ensureConversation(externalId, 'web');
    expect(again).toEqual({ id: first.id, holder: 'queued', accountId: null });
    const touched = await database.db.conversation.findUniqueOrThrow({ where: { externalId } });
    expect(touched.lastActivityAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(await database.db.conversation.count({ where: { externalId } })).toBe(1);
  });
});
