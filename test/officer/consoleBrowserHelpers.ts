/** What the console's browser tests share: signing in, and the browser problems that are not expected. */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { createConsoleAccounts } from '../helpers/consoleClient.ts';
import type { RunningApp } from '../helpers/testApp.ts';
import { startWebTestApp } from '../helpers/webTestApp.ts';

export async function signInToConsole(page: Page, baseUrl: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/officer`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Escalations/ }).waitFor();
}

/**
 * Browser problems, less the answers the console expects: 401 to its first "am I signed in?"
 * request, 403 for a temporary password, 409 and 422 when it refuses an action with a sentence,
 * and Chromium's note when a live stream's reconnection is answered with the JSON 401 of an ended
 * session (the page then shows the sign-in form). What is left is printed, so a failure says what it was.
 */
export function unexpectedProblems(problems: string[]): string[] {
  const left = problems.filter((p) => !/status of (401|403|409|422)\b/.test(p) && !/EventSource's response has a MIME type \("application\/json"\)/.test(p));
  if (left.length > 0) console.log('browser problems:', left);
  return left;
}

export const ARTIFACTS = path.resolve('test-artifacts');

export interface ConsoleBrowser {
  running: RunningApp;
  browser: Browser;
}

/**
 * Registers the hooks of a console browser test (call it inside the describe, so a missing
 * Chromium skips them too): the whole service with the demo accounts and the website chat, the
 * console accounts, the outbox worker, and Chromium. `env` is filled in before the tests run.
 */
export function useConsoleBrowser(env: ConsoleBrowser): void {
  beforeAll(async () => {
    env.running = await startWebTestApp({ OUTBOX_INTERVAL_MS: '200', CONSOLE_LIVE_INTERVAL_MS: '300' });
    await createConsoleAccounts(env.running.database.db);
    env.running.app.outboxWorker.start();
    env.browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.running?.app.outboxWorker.stop();
    await env.running?.stop();
  });
}
