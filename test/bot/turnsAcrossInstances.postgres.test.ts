/**
 * Issue 13, item 1 (lost updates): turns of one conversation arriving at two instances at once.
 * botbuilder saves conversation state with eTag "*", so without a lock that spans instances the
 * second turn reads the state before the first one saved it, and one of the two updates is lost
 * (measured: 2 of 20 conversations verified). Each instance here is what the service wires —
 * buildBot on its own client of one PostgreSQL database.
 */
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBot } from '../../src/app.ts';
import { InProcessAdapter } from '../../src/bot/inProcessAdapter.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

/** Holds a marked turn (inside the turn lock) until the test lets it go. */
class Gate implements Middleware {
  readonly entered = new Map<string, () => void>();
  readonly released = new Map<string, Promise<void>>();
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const id = context.activity.conversation.id;
    const hold = (context.activity.channelData as { hold?: boolean } | undefined)?.hold;
    if (hold) {
      this.entered.get(id)?.();
      await this.released.get(id);
    }
    await next();
  }
}

const DEBTORS = [
  ['A-1001', 'March 14 1985', '30301'],
  ['A-1003', '7/21/1968', '94110'],
  ['A-1004', '1990-01-09', '60614'],
  ['A-1006', 'December 5 1995', '10025'],
] as const;

let database: TestDatabase;
let second: Db;
const instances: Array<{ adapter: InProcessAdapter; gate: Gate }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  second = await openDatabase(database.url, { poolSize: 5, lockConnections: 25 });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url });
  await seedDemoDataIfEmpty(database.db, config.IDENTITY_HASH_KEY);
  for (const db of [database.db, second]) {
    const parts = buildBot({ config, db, logger: createLogger('silent') });
    const gate = new Gate();
    instances.push({ adapter: new InProcessAdapter([...parts.middleware, gate], (context) => parts.bot.run(context)), gate });
  }
});
afterAll(async () => {
  await second.$disconnect();
  await database.close();
});

function message(conversationId: string, text: string, hold = false): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'directline',
    conversation: { id: conversationId } as Activity['conversation'],
    from: { id: `user-${conversationId}`, role: 'user' } as Activity['from'],
    recipient: { id: 'bot', role: 'bot' } as Activity['recipient'],
    locale: 'en-US',
    text,
    ...(hold ? { channelData: { hold: true } } : {}),
  };
}

describe('[PostgreSQL only] turns of one conversation on two instances', () => {
  it('20 conversations whose verification answers overlap across two instances all end verified: no lost update', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const id = `overlap-${i}`;
        const [account, dob, zip] = DEBTORS[i % DEBTORS.length]!;
        await a.adapter.runTurn(message(id, 'hi'));
        // The account number is still being answered on A when the date of birth reaches B.
        let entered!: () => void;
        const inside = new Promise<void>((resolve) => (entered = resolve));
        let release!: () => void;
        a.gate.entered.set(id, entered);
        a.gate.released.set(id, new Promise<void>((resolve) => (release = resolve)));
        const first = a.adapter.runTurn(message(id, account, true));
        await inside;
        const secondTurn = b.adapter.runTurn(message(id, dob));
        await sleep(300);
        release();
        await Promise.all([first, secondTurn]);
        const last = await a.adapter.runTurn(message(id, zip));
        return last.map((r) => r.text ?? '').join('\n');
      }),
    );
    const verified = outcomes.filter((text) => /debt collector/i.test(text));
    expect(verified, outcomes.filter((text) => !/debt collector/i.test(text)).join('\n---\n')).toHaveLength(20);
    expect(await database.db.auditEvent.count({ where: { type: 'verification.succeeded' } })).toBe(20);
  }, 120_000);
});
