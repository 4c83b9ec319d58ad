/**
 * The whole service for console API tests: a fresh database with the demo accounts, the three
 * console accounts signed in, SMS with a Twilio signing key, and helpers for the two kinds of
 * debtor (website chat through Direct Line, SMS through a signed Twilio webhook).
 */
import twilio from 'twilio';
import { afterAll, beforeAll, expect } from 'vitest';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { ConsoleClient, createConsoleAccounts, OFFICER, SECOND_OFFICER, SUPERVISOR } from '../helpers/consoleClient.ts';
import { DirectLineDebtor } from '../helpers/directLineClient.ts';
import { startTestApp, type RunningApp } from '../helpers/testApp.ts';

export const PUBLIC_URL = 'https://bot.example.test';
const AUTH_TOKEN = 'console-test-twilio-token-0123456789';
const OUR_NUMBER = '+14045550100';

export const DISCLOSED = 'This is Dana from Example Recovery, a debt collector. This is an attempt to collect a debt.';

/** Verification answers of the demo accounts (prisma/demo-placements.csv). */
export const DEMO = {
  'A-1001': ['A-1001', 'March 14 1985', '30301'],
  'A-1003': ['A-1003', 'July 21 1968', '94110'],
  'A-1004': ['A-1004', 'January 9 1990', '60614'],
  'A-1006': ['A-1006', 'December 5 1995', '10025'],
} as const;

export interface ConsoleApp {
  running: RunningApp;
  officer: ConsoleClient;
  secondOfficer: ConsoleClient;
  supervisor: ConsoleClient;
}

export async function startConsoleApp(env: Record<string, string> = {}): Promise<ConsoleApp> {
  const running = await startTestApp({ PUBLIC_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM_NUMBER: OUR_NUMBER, CONSOLE_LIVE_INTERVAL_MS: '200', ...env });
  await seedDemoDataIfEmpty(running.database.db, running.config.IDENTITY_HASH_KEY);
  await createConsoleAccounts(running.database.db);
  return {
    running,
    officer: await ConsoleClient.signedIn(running.baseUrl, OFFICER),
    secondOfficer: await ConsoleClient.signedIn(running.baseUrl, SECOND_OFFICER),
    supervisor: await ConsoleClient.signedIn(running.baseUrl, SUPERVISOR),
  };
}

/** The app for a test file: started before its tests, stopped after them. Its fields are filled in by beforeAll. */
export function useConsoleApp(): ConsoleApp {
  const app = {} as ConsoleApp;
  beforeAll(async () => {
    Object.assign(app, await startConsoleApp());
  }, 60_000);
  afterAll(async () => app.running?.stop());
  return app;
}

/** A text from `from`, signed as Twilio signs it, to the SMS webhook. */
export async function postSms(running: RunningApp, from: string, body: string): Promise<Response> {
  const params: Record<string, string> = { MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`, AccountSid: 'AC0', From: from, To: OUR_NUMBER, Body: body };
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/api/sms`, params);
  const res = await fetch(`${running.baseUrl}/api/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  return res;
}

/** A website-chat debtor, verified as `account` when given, who then says each of `then`. */
export async function webDebtor(running: RunningApp, account: keyof typeof DEMO | null, then: string[] = []): Promise<{ debtor: DirectLineDebtor; conversationId: string }> {
  const debtor = await DirectLineDebtor.start(running.baseUrl);
  await debtor.say('hi');
  for (const text of account ? DEMO[account] : []) await debtor.say(text);
  for (const text of then) await debtor.say(text);
  const conversation = await running.database.db.conversation.findUniqueOrThrow({ where: { externalId: debtor.conversationId } });
  return { debtor, conversationId: conversation.id };
}

/** The open escalation of a conversation. */
export async function openHandoff(running: RunningApp, conversationId: string) {
  return running.database.db.handoff.findFirstOrThrow({ where: { conversationId, status: { in: ['queued', 'accepted'] } } });
}
