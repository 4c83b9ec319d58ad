/**
 * What an ordinary turn costs the database, counted in the driver (issue 14 targets: at most four SQL
 * statements and one commit per ordinary turn): the turn's opening (replay check, journal, state,
 * conversation, verified account with creditor and plans) is one statement, its end one
 * transaction of three (processed mark, state, transcript). Counts, never timings.
 *
 * On PostgreSQL the conversation's turn lock (an advisory lock on the coordination's own
 * connections, src/db/coordination.ts) is counted apart: it is not the turn's reading or writing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installSqlCounter, takeSqlCount, type SqlCount } from '../../scripts/lib/sqlCounter.ts';
import { startTestApp, type RunningApp } from '../helpers/testApp.ts';
import { BotClient } from '../helpers/botClient.ts';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { createLogger } from '../../src/logger.ts';

installSqlCounter();

const COORDINATION = /pg_advisory|pg_notify|pg_try_advisory|^\s*LISTEN/i;

function turnCount(count: SqlCount): { statements: number; commits: number; lockCommits: number; sql: string[] } {
  const sql = count.sql.filter((s) => !COORDINATION.test(s));
  return { statements: sql.length, commits: count.commits, lockCommits: count.lockCommits, sql };
}

let running: RunningApp;

beforeAll(async () => {
  running = await startTestApp({ DEMO_DATA: 'true' });
  await seedDemoDataIfEmpty(running.database.db, running.config.IDENTITY_HASH_KEY, createLogger('silent'));
});
afterAll(() => running?.stop());

/** A Bot Framework channel's conversation (an Emulator-like id: not of the website chat's shape). */
function client(): BotClient {
  return new BotClient(running.baseUrl, `emulator|${Math.random().toString(36).slice(2)}`);
}

async function counted(conversation: BotClient, text: string): Promise<{ reply: string } & ReturnType<typeof turnCount>> {
  takeSqlCount();
  const reply = await conversation.say(text);
  return { reply, ...turnCount(takeSqlCount()) };
}

async function verify(conversation: BotClient): Promise<void> {
  for (const text of ['hi', 'A-1001', 'March 14 1985', '30301']) await conversation.say(text);
  expect(await conversation.say('yes')).toMatch(/dispute/i);
}

describe('SQL per ordinary turn (issue 14)', () => {
  it('a turn before verification: one read, then processed mark, state and transcript in one commit', async () => {
    const conversation = client();
    await conversation.say('hi');
    const turn = await counted(conversation, 'A-1001');
    expect(turn.reply).toMatch(/date of birth/i);
    expect(turn.statements, turn.sql.join('\n')).toBeLessThanOrEqual(4);
    expect(turn.commits).toBe(1);
    // On PostgreSQL the turn ran under the conversation's advisory lock (several instances), counted apart.
    expect(turn.lockCommits).toBe(process.env.TEST_DATABASE === 'postgres' ? 1 : 0);
  });

  it('a verified turn reads the account, its creditor and plans with the opening, not again', async () => {
    const conversation = client();
    await verify(conversation);
    // The first message clearly in English makes English the debtor's choice, recorded once (dialogs/language.ts).
    await conversation.say('I want to set up a payment plan');
    for (const text of ['thanks', 'how much do I owe', 'thanks']) {
      const turn = await counted(conversation, text);
      expect(turn.reply.length).toBeGreaterThan(0);
      expect(turn.statements, `${text}:\n${turn.sql.join("\n")}`).toBeLessThanOrEqual(4);
      expect(turn.commits, text).toBeLessThanOrEqual(1);
      expect(turn.sql.filter((s) => /FROM\s+[`"]?(main[`"]?\.[`"]?)?Account[`"]?\s/i.test(s) && !/UNION ALL/.test(s)), text).toEqual([]);
    }
  });

  it('the verifying turn and the E-SIGN yes each write their records in one transaction besides the turn\'s commit', async () => {
    const conversation = client();
    // An account no other test here consents for: the E-SIGN question follows the verification.
    for (const text of ['hi', 'A-1006', 'December 5 1995']) await conversation.say(text);
    // Verification (account, audit), the conversation's link and the disclosure's audit: one transaction.
    const verifying = await counted(conversation, '10025');
    expect(verifying.reply).toMatch(/verified/i);
    expect(verifying.commits, verifying.sql.join('\n')).toBe(2);
    // The consent and the notice it allows: one transaction.
    const consenting = await counted(conversation, 'yes');
    expect(consenting.reply).toMatch(/notices\//);
    expect(consenting.commits, consenting.sql.join('\n')).toBe(2);
  });

  it('a replayed activity is answered by the one read: nothing written', async () => {
    const conversation = client();
    await conversation.say('hi');
    const activity = { text: 'A-1001', id: `replay-${Math.random()}` };
    await conversation.post(activity);
    takeSqlCount();
    await conversation.post(activity);
    const replay = turnCount(takeSqlCount());
    expect(replay.statements, replay.sql.join('\n')).toBe(1);
    expect(replay.commits).toBe(0);
  });
});
