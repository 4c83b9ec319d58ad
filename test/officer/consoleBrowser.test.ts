/**
 * The officer console in a real browser (headless Chromium): an officer signs in, sees a debtor's
 * escalation from the website chat appear live, takes it over, replies, and the reply appears in
 * the debtor's Web Chat; the debtor's answer appears in the console; then the officer hands the
 * conversation back and the bot answers again. Screenshots: test-artifacts/officer-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { bubbles, describeInBrowser, openPage, sayAndExpect, type Watched } from '../helpers/browser.ts';
import { OFFICER, SUPERVISOR } from '../helpers/consoleClient.ts';
import { DirectLineDebtor } from '../helpers/directLineClient.ts';
import { ARTIFACTS, signInToConsole, unexpectedProblems, useConsoleBrowser, type ConsoleBrowser } from './consoleBrowserHelpers.ts';


const env = {} as ConsoleBrowser;


const signIn = (page: Page, who: { email: string; password: string }) => signInToConsole(page, env.running.baseUrl, who);
const unexpected = unexpectedProblems;

const DISCLOSURE = 'This is Dana from the agency, a debt collector. This is an attempt to collect a debt.';

describeInBrowser('officer console in Chromium', () => {
  useConsoleBrowser(env);

  it('shows a wrong password as a sentence and keeps the officer on the sign-in form', async () => {
    const { page, context, problems } = await openPage(env.browser);
    await page.goto(`${env.running.baseUrl}/officer`);
    await page.locator('#email').fill(OFFICER.email);
    await page.locator('#password').fill('definitely wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match an active console account.').waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('an officer picks up a live web-chat escalation, replies into the debtor’s Web Chat, and hands back to the bot', async () => {
    const officer: Watched = await openPage(env.browser);
    const debtor: Watched = await openPage(env.browser);
    await signIn(officer.page, OFFICER);
    await officer.page.locator('#live', { hasText: 'live' }).waitFor();

    await debtor.page.goto(env.running.baseUrl);
    await bubbles(debtor.page, /debt|verify|account/i).first().waitFor({ timeout: 20_000 });
    await sayAndExpect(debtor.page, 'A-1001', /date of birth/i);
    await sayAndExpect(debtor.page, 'March 14 1985', /ZIP|Social Security/i);
    await sayAndExpect(debtor.page, '30301', /debt collector/i);
    await sayAndExpect(debtor.page, 'I want to talk to a person', /person|officer/i);

    // The escalation appears in the queue without a reload.
    const row = officer.page.locator('tr[data-handoff]', { hasText: 'Debtor asked for a person' }).filter({ hasText: 'Maria Johnson' });
    await row.waitFor({ timeout: 10_000 });
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('Web chat');
    await officer.page.screenshot({ path: path.join(ARTIFACTS, 'officer-queue.png'), fullPage: true });
    await row.getByRole('link', { name: 'Open' }).click();
    await officer.page.locator('#transcript', { hasText: 'I want to talk to a person' }).waitFor();
    await officer.page.locator('#account', { hasText: 'A-1001' }).waitFor();

    await officer.page.locator('#take-over').click();
    await bubbles(debtor.page, /Dana, a member of our team, has joined/).waitFor({ timeout: 10_000 });

    // The reply check stops a first message without the disclosure; the officer edits it.
    await officer.page.locator('#reply').fill('Hello Maria, how can I help?');
    await officer.page.locator('#send').click();
    await officer.page.locator('#warnings', { hasText: 'debt collector' }).waitFor();
    await officer.page.locator('#reply').fill(`${DISCLOSURE} How can I help you?`);
    await officer.page.locator('#send').click();
    await bubbles(debtor.page, 'How can I help you?').waitFor({ timeout: 10_000 });
    await officer.page.locator('#deliveries li', { hasText: 'This is Dana from the agency' }).filter({ hasText: 'Delivered:' }).waitFor({ timeout: 10_000 });

    // The debtor's answer reaches the console live; the bot says nothing meanwhile.
    const botBubblesBefore = await bubbles(debtor.page, /.+/).count();
    await debtor.page.getByRole('textbox', { name: 'Message input box' }).fill('Can I pay half now?');
    await debtor.page.keyboard.press('Enter');
    await officer.page.locator('#transcript', { hasText: 'Can I pay half now?' }).waitFor({ timeout: 10_000 });
    await officer.page.waitForTimeout(800);
    expect(await bubbles(debtor.page, /.+/).count()).toBe(botBubblesBefore + 1); // only the debtor's own bubble
    await officer.page.screenshot({ path: path.join(ARTIFACTS, 'officer-conversation.png'), fullPage: true });
    await debtor.page.screenshot({ path: path.join(ARTIFACTS, 'officer-debtor-webchat.png') });

    await officer.page.locator('#hand-back').click();
    await bubbles(debtor.page, /You are back with our virtual assistant/).waitFor({ timeout: 10_000 });
    await debtor.page.screenshot({ path: path.join(ARTIFACTS, 'officer-debtor-after-hand-back.png') });
    // The bot picks up where it was (here: the E-SIGN question it had asked before the escalation).
    await sayAndExpect(debtor.page, 'what is my balance', /answer yes|\$1,085\.00/i);

    expect(unexpected(officer.problems)).toEqual([]);
    expect(unexpected(debtor.problems)).toEqual([]);
    await officer.context.close();
    await debtor.context.close();
  }, 90_000);

  it('an officer reads an out-of-policy proposal and approves it from the console', async () => {
    const debtor = await DirectLineDebtor.start(env.running.baseUrl);
    for (const text of ['hi', 'A-1003', 'July 21 1968', '94110', 'no', 'I can do 20 a month', 'what about 25 a month', '30 a month']) await debtor.say(text);
    expect(await debtor.say('yes')).toContain('sent your proposal');
    const { page, context, problems } = await openPage(env.browser);
    await signIn(page, OFFICER);
    const row = page.locator('tr[data-handoff]', { hasText: 'Out-of-policy proposal' }).filter({ hasText: "James O'Connor" });
    await row.getByRole('link', { name: 'Open' }).click();
    const panel = page.locator('#proposal');
    await panel.getByText('Debtor proposed: Installment plan: $876.25').waitFor();
    await expect(panel.textContent()).resolves.toMatch(/Closest within policy: Installment plan/);
    // Words, not the limits' codes (issue #15).
    await expect(panel.textContent()).resolves.toMatch(/Outside the creditor’s policy: more payments than allowed \(at most 12\); a plan longer than allowed \(at most 365 days\)/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'officer-proposal.png'), fullPage: true });
    await page.locator('#approve').click();
    await page.getByText('Decision sent to the debtor.').waitFor();
    await expect.poll(() => debtor.received().then((a) => a.map((x) => x.text).join('\n')), { timeout: 10_000 }).toContain('approved it');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 60_000);

  it('a supervisor sees the report with its charts; an officer has no Reports link', async () => {
    const supervisor = await openPage(env.browser);
    await signIn(supervisor.page, SUPERVISOR);
    await supervisor.page.getByRole('link', { name: 'Reports' }).click();
    await supervisor.page.getByText('Verification rate').waitFor();
    const charts = supervisor.page.locator('.charts img');
    await expect.poll(() => charts.evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length), { timeout: 10_000 }).toBe(3);
    await supervisor.page.screenshot({ path: path.join(ARTIFACTS, 'officer-reports.png'), fullPage: true });
    expect(unexpected(supervisor.problems)).toEqual([]);
    await supervisor.context.close();

    const officer = await openPage(env.browser);
    await signIn(officer.page, OFFICER);
    await expect(officer.page.getByRole('link', { name: 'Reports' }).isVisible()).resolves.toBe(false);
    await officer.context.close();
  });
});
