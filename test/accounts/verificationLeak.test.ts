/**
 * Issue 10 item 7 (DESIGN 1, 12 CFR 1006.6(d)): whether an account exists must not show in the
 * answers to failed verifications. An existing account locks after three failures across
 * conversations; a made-up account number never does. The debtor-facing words after each failure
 * depend only on what happened in this conversation, and both kinds of failure do the same work
 * (a failed attempt is recorded either way).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { BotClient } from '../helpers/botClient.ts';
import { startTestApp, type RunningApp } from '../helpers/testApp.ts';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp();
  await seedDemoDataIfEmpty(running.database.db, running.config.IDENTITY_HASH_KEY);
});
afterAll(async () => running?.stop());

/** One wrong attempt in a conversation: identifier, a wrong date of birth, a ZIP. Returns the last answer. */
async function failOnce(client: BotClient, accountNumber: string): Promise<string> {
  await client.say(accountNumber);
  await client.say('January 1 1970');
  return client.say('99999');
}

/** Two failures in one conversation, then the first failure of a second conversation. */
async function answersFor(accountNumber: string): Promise<string[]> {
  const first = new BotClient(running.baseUrl);
  await first.say('hi');
  const answers = [await failOnce(first, accountNumber), await failOnce(first, accountNumber)];
  const second = new BotClient(running.baseUrl);
  await second.say('hi');
  answers.push(await failOnce(second, accountNumber));
  answers.push(await failOnce(second, accountNumber));
  return answers;
}

describe('failed verification answers do not tell an existing account from a made-up one (item 7)', () => {
  it('the same words for A-1003 (exists, locks on the third failure) and A-9003 (does not exist)', async () => {
    const existing = await answersFor('A-1003');
    const madeUp = await answersFor('A-9003');
    expect(existing).toEqual(madeUp);
    // The third failure overall was the first of the second conversation: no "try again later" yet.
    expect(existing[2]).toMatch(/Let us try again/);
    // The account did lock (the debtor's real details would fail now), silently.
    const account = await running.database.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1003' } });
    expect(account.verificationLockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it('a failed attempt is recorded for a made-up account number too (the same work on both paths)', async () => {
    const client = new BotClient(running.baseUrl);
    await client.say('hi');
    const before = await running.database.db.auditEvent.count({ where: { type: 'verification.failed', accountId: null } });
    await failOnce(client, 'A-9876');
    expect(await running.database.db.auditEvent.count({ where: { type: 'verification.failed', accountId: null } })).toBe(before + 1);
  });
});
