import { TestAdapter, type Activity } from 'botbuilder';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { buildBot, type BotParts } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

/** A settable clock for tests. */
export class TestClock {
  constructor(public current = new Date('2026-11-23T15:00:00Z')) {}
  now = () => new Date(this.current);
  advanceMinutes(minutes: number) {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface TestBot {
  parts: BotParts;
  database: TestDatabase;
  config: Config;
  clock: TestClock;
  /** A conversation on a channel ("test" = web-like, "sms" = from a phone number). */
  conversation(options?: { channelId?: string; from?: string; locale?: string; id?: string }): TestConversation;
  close(): Promise<void>;
}

export interface TestConversation {
  id: string;
  /** Sends a message and returns every reply text of the turn. */
  say(text: string): Promise<string[]>;
  send(activity: Partial<Activity>): Promise<string[]>;
  /** Sends a message and returns the turn's message activities as the channel gets them (buttons, cards). */
  sayActivities(text: string): Promise<Partial<Activity>[]>;
}

/** The whole bot (same wiring as the server) on a fresh database with the demo accounts. */
export async function createTestBot(env: Record<string, string> = {}): Promise<TestBot> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, PUBLIC_URL: 'https://chat.example.test', ...env });
  await seedDemoDataIfEmpty(database.db, config.IDENTITY_HASH_KEY);
  const clock = new TestClock();
  const parts = buildBot({ config, db: database.db, logger: createLogger('silent'), now: clock.now });
  let counter = 0;
  return {
    parts,
    database,
    config,
    clock,
    conversation(options = {}) {
      const id = options.id ?? `conv-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
      const adapter = new TestAdapter(async (context) => parts.bot.run(context));
      parts.middleware.forEach((m) => adapter.use(m));
      const sendActivities = async (activity: Partial<Activity>) => {
        await adapter.processActivity({
          type: 'message',
          channelId: options.channelId ?? 'test',
          conversation: { id, isGroup: false, conversationType: 'personal', name: 'test' },
          from: { id: options.from ?? 'debtor', name: 'debtor', role: 'user' },
          recipient: { id: 'bot', name: 'bot', role: 'bot' },
          locale: options.locale ?? 'en-US',
          ...activity,
        });
        return adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
      };
      const send = async (activity: Partial<Activity>) => (await sendActivities(activity)).map((a) => a.text ?? '');
      return { id, send, say: (text: string) => send({ text }), sayActivities: (text: string) => sendActivities({ text }) };
    },
    async close() {
      await database.close();
    },
  };
}

/** Verifies a demo debtor on the web (account number + DOB + ZIP) and returns all replies. */
export async function verifyAsMaria(conversation: TestConversation): Promise<string[]> {
  const replies = [...(await conversation.say('hi'))];
  replies.push(...(await conversation.say('A-1001')));
  replies.push(...(await conversation.say('March 14 1985')));
  replies.push(...(await conversation.say('30301')));
  return replies;
}

/** What a step expects in the bot's replies: a case-insensitive substring or a pattern. */
export type Expect = string | RegExp;

/** One row of a conversation table: what the debtor says, what the bot must and must not say. */
export interface Step {
  says: string;
  must?: Expect[];
  mustNot?: Expect[];
  /** The bot must say nothing at all. */
  silent?: boolean;
}

export function matches(text: string, expected: Expect): boolean {
  return typeof expected === 'string' ? text.toLowerCase().includes(expected.toLowerCase()) : expected.test(text);
}

/**
 * Plays a conversation table, asserting each step; `check` adds assertions every step must meet
 * (e.g. no pressure wording). Returns the replies of every step.
 */
export async function playSteps(
  conversation: TestConversation,
  steps: Step[],
  check?: (step: Step, text: string) => Promise<void> | void,
): Promise<string[][]> {
  const transcript: string[][] = [];
  for (const step of steps) {
    const replies = await conversation.say(step.says);
    transcript.push(replies);
    const text = replies.join('\n');
    if (step.silent) expect(replies, `after "${step.says}" the bot must stay silent`).toEqual([]);
    for (const expected of step.must ?? []) expect(matches(text, expected), `after "${step.says}" expected ${expected} in:\n${text}`).toBe(true);
    for (const forbidden of step.mustNot ?? []) expect(matches(text, forbidden), `after "${step.says}" did not expect ${forbidden} in:\n${text}`).toBe(false);
    await check?.(step, text);
  }
  return transcript;
}

/** Clears verification locks and every collection-pausing flag of a demo account. */
export async function resetAccountFlags(db: Db, accountNumber: string) {
  return db.account.update({
    where: { accountNumber },
    data: {
      failedVerifications: 0,
      verificationLockedUntil: null,
      disputed: false,
      ceaseCommunication: false,
      attorneyRepresented: false,
      bankruptcy: false,
      deceased: false,
      activeMilitary: false,
      identityTheft: false,
      hardship: false,
    },
  });
}

/**
 * DESIGN 16 (the CFPB's doom loops): the bot never asks the same thing twice in a row word for
 * word — the last message of a turn (its question) is never the last message of the turn before.
 */
export function expectNoPromptTwiceInARow(transcript: string[][]): void {
  const prompts = transcript.filter((replies) => replies.length > 0).map((replies) => replies[replies.length - 1]!);
  for (let i = 1; i < prompts.length; i++) {
    expect(prompts[i], `DESIGN 16: the same question twice in a row:\n${prompts[i]}`).not.toBe(prompts[i - 1]);
  }
}

/** A conversation by SMS from a phone (no conversationUpdate, the phone identifies the debtor). */
export function smsConversation(bot: TestBot, phone: string, locale = 'en-US'): TestConversation {
  return bot.conversation({ channelId: 'sms', from: phone, locale });
}

/**
 * A fresh bot — its own database with the demo debtors — for each test of the file. Call it at the
 * top level of a test file; the getter gives the current test's bot.
 */
export function freshBotForEachTest(env: Record<string, string> = {}): () => TestBot {
  let bot: TestBot | undefined;
  beforeEach(async () => {
    bot = await createTestBot(env);
  });
  afterEach(async () => bot?.close());
  return () => bot!;
}

/** playSteps, with DESIGN 16 checked over the whole table. */
export async function playTable(conversation: TestConversation, steps: Step[]): Promise<string[][]> {
  const transcript = await playSteps(conversation, steps);
  expectNoPromptTwiceInARow(transcript);
  return transcript;
}

/** Verified in one message, the validation notice by mail: no E-SIGN question left open. */
export async function verifiedByMail(conversation: TestConversation, says: string): Promise<void> {
  await conversation.say(says);
  await conversation.say('no');
}
