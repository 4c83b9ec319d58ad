/**
 * Issue #15 in a real browser (headless Chromium): the safety rail (an officer cannot message an
 * opted-out or ceased SMS debtor without the console saying why — the joined and closing notes
 * included), hand-back continuity (the officer's hardship plan is what the bot sets up), the
 * account timeline across conversations and channels, keyboard sending, and the supervisor's
 * officer management; plus the report cards against the CSV and the placements page.
 * Screenshots: test-artifacts/console-*.png. DESIGN 5, 6, 8, 11.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { calendarDateInZone } from '../../src/domain/validationPeriod.ts';
import { accessibilityProblems } from '../helpers/accessibility.ts';
import { bubbles, describeInBrowser, openPage, sayAndExpect, type Watched } from '../helpers/browser.ts';
import { OFFICER, SUPERVISOR } from '../helpers/consoleClient.ts';
import { DirectLineDebtor } from '../helpers/directLineClient.ts';
import { ARTIFACTS, signInToConsole, unexpectedProblems, useConsoleBrowser, type ConsoleBrowser } from './consoleBrowserHelpers.ts';


const env = {} as ConsoleBrowser;
const db = () => env.running.database.db;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `console-${name}.png`), fullPage: true });
const unexpected = unexpectedProblems;
const signIn = (page: Page, who: { email: string; password: string }) => signInToConsole(page, env.running.baseUrl, who);

/** A text from `phone` through the dev SMS route (the same inbound path as Twilio's webhook). */
async function sms(phone: string, text: string): Promise<void> {
  const res = await fetch(`${env.running.baseUrl}/dev/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, text }) });
  expect(res.status).toBe(200);
}

async function openRow(page: Page, text: string | RegExp): Promise<void> {
  const row = page.locator('tr[data-handoff]', { hasText: text }).first();
  await row.waitFor({ timeout: 10_000 });
  await row.getByRole('link', { name: /^Open/ }).click();
  await page.locator('#handoff-heading').waitFor();
}

describeInBrowser('officer console workflows in Chromium (issue #15)', () => {
  useConsoleBrowser(env);

  it('safety rail: the console says why before the officer acts, and nothing reaches an SMS debtor who asked us to stop or replied STOP', async () => {
    const { page, context, problems } = await openPage(env.browser);
    await signIn(page, OFFICER);
    const ceased = '+12105550134';
    await sms(ceased, 'stop texting me please');
    await openRow(page, 'Asked us to stop contact');

    const rail = page.locator('#contact-rail');
    await rail.getByRole('heading', { name: 'Do not message this debtor' }).waitFor();
    await expect(rail.textContent()).resolves.toMatch(/asked us to stop contacting them/);
    const take = page.locator('#take-over');
    await expect(take.textContent()).resolves.toBe('Take over (the debtor will not be told)');
    await shot(page, 'safety-rail');
    expect(await accessibilityProblems(page)).toEqual([]);
    await take.click();
    await page.getByText('Nothing was sent to the debtor').waitFor();
    await page.locator('#reply-hint', { hasText: 'Nothing may be sent to this debtor now' }).waitFor();
    await expect(page.locator('#reply').isDisabled()).resolves.toBe(true);

    // Resolve: no default outcome, a confirmation that says nothing will be sent.
    await expect(page.locator('#outcome').inputValue()).resolves.toBe('');
    await page.locator('#resolve').click();
    await page.getByText('Choose the outcome first.').waitFor();
    await page.getByLabel('Outcome').selectOption({ label: 'No action needed' });
    await page.locator('#resolve').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Nothing is sent to the debtor').waitFor();
    await shot(page, 'resolve-confirmation');
    await dialog.getByRole('button', { name: /^Resolve as/ }).click();
    await page.getByText('Resolved. Nothing was sent to the debtor.').waitFor();
    await page.locator('#handoff-status', { hasText: 'Resolved: No action needed' }).waitFor();

    // A number that replied STOP: the same box, for that reason.
    const optedOut = '+13125550199';
    await sms(optedOut, 'I need a real person');
    await sms(optedOut, 'STOP');
    await page.goto(`${env.running.baseUrl}/officer#/queue`);
    await openRow(page, 'Debtor asked for a person');
    await page.locator('#contact-rail [data-reason="sms_opted_out"]', { hasText: 'replied STOP' }).waitFor();
    await page.locator('#take-over').click();
    await page.getByText('Nothing was sent to the debtor').waitFor();
    await page.locator('#reply-hint', { hasText: 'Nothing may be sent to this debtor now' }).waitFor();
    await shot(page, 'safety-rail-opted-out');

    await env.running.app.outboxWorker.runOnce();
    const officerTexts = await db().outboxMessage.findMany({ where: { to: { in: [ceased, optedOut] }, kind: 'officer' } });
    expect(officerTexts).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 90_000);

  it('keyboard: opening an escalation puts focus on it; a saved reply is inserted; Enter sends, Shift+Enter starts a new line, and the page does not jump', async () => {
    await db().cannedReply.create({ data: { title: 'Greeting with disclosure', body: 'Hi {debtorFirstName}, this is {officerFirstName} from the agency, a debt collector. This is an attempt to collect a debt.' } });
    const debtor = await DirectLineDebtor.start(env.running.baseUrl);
    for (const text of ['hi', 'A-1001', 'March 14 1985', '30301', 'agent']) await debtor.say(text);
    const { page, context, problems } = await openPage(env.browser);
    await signIn(page, OFFICER);
    await openRow(page, 'Maria Johnson');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('handoff-heading');
    await page.locator('#take-over').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('reply');

    const reply = page.locator('#reply');
    await page.getByLabel('Saved replies').selectOption({ label: 'Greeting with disclosure' });
    const greeting = 'Hi Maria, this is Dana from the agency, a debt collector. This is an attempt to collect a debt.';
    await expect(reply.inputValue()).resolves.toBe(greeting);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('reply');
    await page.keyboard.press('Shift+Enter');
    await reply.pressSequentially('How can I help you?', { delay: 1 });
    await expect(reply.inputValue()).resolves.toBe(`${greeting}\nHow can I help you?`);
    await page.evaluate(() => window.scrollTo(0, 200));
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('Enter');
    await page.getByText('Sent.').waitFor();
    await expect.poll(async () => (await debtor.received()).map((a) => a.text).join('\n'), { timeout: 10_000 }).toContain('How can I help you?');
    await expect(reply.inputValue()).resolves.toBe('');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('reply');
    await page.waitForTimeout(700); // a live update redraws the page meanwhile
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(scrolled);

    // A warning holds the message back; sending anyway needs a reason.
    await reply.fill('Please pay today, this is your last chance.');
    await page.keyboard.press('Enter');
    await page.locator('#warnings', { hasText: 'pressures the debtor' }).waitFor();
    await page.locator('#send-anyway').click();
    await page.getByText('Say in a few words why').waitFor();
    await shot(page, 'keyboard-and-warnings');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 90_000);

  it('hand-back continuity: the officer records hardship and offers $20 a month; the bot sets up exactly that after the debtor’s YES', async () => {
    const officer: Watched = await openPage(env.browser);
    const debtor: Watched = await openPage(env.browser);
    await signIn(officer.page, OFFICER);
    await debtor.page.goto(env.running.baseUrl);
    await bubbles(debtor.page, /debt|verify|account/i).first().waitFor({ timeout: 20_000 });
    await sayAndExpect(debtor.page, 'A-1004', /date of birth/i);
    await sayAndExpect(debtor.page, 'January 9 1990', /ZIP|Social Security/i);
    await sayAndExpect(debtor.page, '60614', /debt collector/i);
    await sayAndExpect(debtor.page, 'yes', /notice/i);
    await sayAndExpect(debtor.page, 'I want to talk to a person', /person|officer/i);

    await openRow(officer.page, 'Linda Park');
    await officer.page.locator('#take-over').click();
    await bubbles(debtor.page, /Dana, a member of our team, has joined/).waitFor({ timeout: 10_000 });
    await debtor.page.getByRole('textbox', { name: 'Message input box' }).fill('I lost my job. I can only pay $20 a month.');
    await debtor.page.keyboard.press('Enter');
    await officer.page.locator('#transcript', { hasText: 'I can only pay $20 a month' }).waitFor({ timeout: 10_000 });

    await officer.page.locator('#record-hardship').click();
    await officer.page.locator('#account-flags', { hasText: 'Hardship' }).waitFor();
    const offer = officer.page.locator('#agreement');
    await offer.getByLabel('Kind', { exact: true }).first().selectOption('installments');
    await officer.page.locator('#offer-amount').fill('20');
    await officer.page.locator('#offer-frequency').selectOption('monthly');
    await officer.page.locator('#offer-first').fill(calendarDateInZone(new Date(Date.now() + 3 * 86_400_000), 'America/Chicago'));
    await shot(officer.page, 'offer-form');
    await officer.page.locator('#send-offer').click();
    await officer.page.getByRole('dialog').getByText('judged under the hardship limits').waitFor();
    await officer.page.locator('#confirm-ok').click();
    await officer.page.getByText('Offer sent. The bot now takes the debtor’s answer.').waitFor();
    await officer.page.locator('#handoff-status', { hasText: 'Plan offered' }).waitFor();

    await bubbles(debtor.page, /terms we talked about/).waitFor({ timeout: 10_000 });
    await sayAndExpect(debtor.page, 'yes', /agreed and recorded/);
    await debtor.page.screenshot({ path: path.join(ARTIFACTS, 'console-debtor-after-offer.png') });
    const plan = await db().plan.findFirstOrThrow({ where: { account: { accountNumber: 'A-1004' }, status: 'agreed' }, include: { installments: true } });
    expect(plan).toMatchObject({ hardship: true, total: 40000, authorizedChannel: 'web' });
    expect(plan.installments.map((i) => i.amount)).toEqual(new Array(20).fill(2000));
    await officer.page.locator('#plans', { hasText: 'Installment plan · Agreed · $400.00 · monthly · hardship terms' }).waitFor({ timeout: 10_000 });
    await shot(officer.page, 'continuity');
    expect(unexpected(officer.problems)).toEqual([]);
    expect(unexpected(debtor.problems)).toEqual([]);
    await officer.context.close();
    await debtor.context.close();
  }, 120_000);

  it('the account timeline shows every conversation and channel; the account is found from the header search', async () => {
    const web = await DirectLineDebtor.start(env.running.baseUrl);
    for (const text of ['hi', 'A-1006', 'December 5 1995', '10025', 'I lost my job last month']) await web.say(text);
    for (const text of ['hi', 'A-1006', 'December 5 1995', '10025', 'I dispute this, it is not my debt']) await sms('+16465550112', text);

    const { page, context, problems } = await openPage(env.browser);
    await signIn(page, OFFICER);
    await page.getByLabel('Find an account').fill('aisha');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Accounts matching “aisha”/ }).waitFor();
    await page.getByRole('link', { name: 'A-1006' }).click();
    const timeline = page.locator('#timeline');
    await timeline.locator('li', { hasText: 'I lost my job last month' }).filter({ hasText: 'Debtor · Web chat' }).waitFor();
    await timeline.locator('li', { hasText: 'I dispute this' }).filter({ hasText: 'Debtor · SMS' }).first().waitFor();
    await timeline.locator('li[data-kind="dispute"]', { hasText: 'Dispute · SMS' }).waitFor();
    await expect(timeline.locator('li[data-kind="audit"]').count()).resolves.toBe(0);
    await page.getByLabel('Audit trail').check();
    await timeline.locator('li[data-kind="audit"]', { hasText: 'Debtor verified' }).first().waitFor();

    await page.getByLabel('New note (for officers only; never sent to the debtor)').fill('Disputed by SMS after telling the web chat about losing her job.');
    await page.locator('#add-note').click();
    await timeline.locator('li[data-kind="note"]', { hasText: 'Disputed by SMS' }).waitFor();
    await page.locator('#account-flags', { hasText: 'Hardship' }).waitFor(); // the web chat's hardship is on the account
    await shot(page, 'account-timeline');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 90_000);

  it('a supervisor adds an officer, resets the password, disables and enables the account; the new officer chooses a password at first sign-in', async () => {
    const { page, context, problems } = await openPage(env.browser);
    await signIn(page, SUPERVISOR);
    await page.getByRole('link', { name: 'Officers' }).click();
    await page.getByLabel('Full name').fill('Nina Newhire');
    await page.getByLabel('Email (they sign in with it)').fill('nina@agency.test');
    await page.getByLabel('Role').selectOption('officer');
    await page.getByRole('button', { name: 'Add officer' }).click();
    const secret = page.locator('#temporary-password-value');
    await secret.waitFor();
    const temporary = (await secret.textContent())!.trim();
    const row = page.locator('tr[data-officer="nina@agency.test"]');
    await row.getByText('has not chosen a password yet').waitFor();
    await shot(page, 'officers');
    expect(await accessibilityProblems(page)).toEqual([]);

    const nina = await openPage(env.browser);
    await nina.page.goto(`${env.running.baseUrl}/officer`);
    await nina.page.getByLabel('Email').fill('nina@agency.test');
    await nina.page.getByLabel('Password', { exact: true }).fill(temporary);
    await nina.page.getByRole('button', { name: 'Sign in' }).click();
    await nina.page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await expect(nina.page.locator('#nav').isVisible()).resolves.toBe(false);
    await nina.page.getByLabel('Temporary (current) password').fill(temporary);
    await nina.page.getByLabel('New password', { exact: true }).fill('nina picks her own phrase');
    await nina.page.getByLabel('New password again').fill('nina picks her own phrase');
    await nina.page.getByRole('button', { name: 'Set my password' }).click();
    await nina.page.getByRole('heading', { name: /Escalations/ }).waitFor();

    // Reset: a new temporary password, and Nina is signed out.
    await row.getByRole('button', { name: 'Reset password of Nina Newhire' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
    await expect.poll(async () => (await secret.textContent())?.trim(), { timeout: 15_000 }).not.toBe(temporary);
    await nina.page.reload();
    await nina.page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await row.getByRole('button', { name: 'Disable Nina Newhire' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable Nina Newhire' }).click();
    await row.getByText('Disabled: cannot sign in').waitFor();
    await row.getByRole('button', { name: 'Enable Nina Newhire' }).click();
    await row.getByText('has not chosen a password yet').waitFor();
    await expect(page.locator(`tr[data-officer="${SUPERVISOR.email}"] [data-action="disable"]`).count()).resolves.toBe(0); // not for oneself
    expect(unexpected(problems)).toEqual([]);
    expect(unexpected(nina.problems)).toEqual([]);
    await nina.context.close();
    await context.close();
  }, 90_000);

  it('reports: the cards add up and match the CSV; placements: template, sample and guide, and no stale error above a result', async () => {
    const { page, context, problems } = await openPage(env.browser);
    await signIn(page, SUPERVISOR);
    await page.getByRole('link', { name: 'Reports' }).click();
    const card = page.locator('#figure-conversations');
    await card.locator('li').first().waitFor();
    const parts = (await card.locator('li').allTextContents()).map((t) => Number(t.split(': ')[1]));
    const total = Number(await card.locator('strong').textContent());
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    const csv = await (await page.request.get(`${env.running.baseUrl}${await page.locator('#report-csv').getAttribute('href')}`)).text();
    const value = (metric: string, key = '') => csv.split('\r\n').map((l) => l.split(',')).find((r) => r[0] === 'conversations' && r[1] === metric && r[2] === key)?.[4];
    expect(Number(value('total'))).toBe(total);
    expect(['web', 'sms', 'other'].map((k) => Number(value('by_channel', k)))).toEqual(parts);
    await expect(page.locator('#figure-escalations').textContent()).resolves.toMatch(/Asked us to stop contact: \d/);
    const charts = page.locator('.charts img');
    await expect.poll(() => charts.evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length), { timeout: 10_000 }).toBe(3);
    await page.locator('#unanswered-questions').waitFor();
    await shot(page, 'reports');

    await page.getByRole('link', { name: 'Placements' }).click();
    await page.locator('#columns table').waitFor();
    await page.locator('#upload').click();
    await page.getByText('Choose a CSV file first.').waitFor();
    const sample = await (await page.request.get(`${env.running.baseUrl}/officer/api/placements/sample.csv`)).text();
    const file = path.join(os.tmpdir(), `placements-sample-${Date.now()}.csv`);
    writeFileSync(file, sample);
    await page.getByLabel('Placement file (CSV)').setInputFiles(file);
    await page.locator('#upload').click();
    await page.locator('#upload-summary', { hasText: 'Imported 3' }).waitFor();
    await expect(page.locator('#flash').textContent()).resolves.toBe('');
    await expect(page.locator('#placement-template').getAttribute('href')).resolves.toBe('/officer/api/placements/template.csv');
    await shot(page, 'placements');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 90_000);

  it('the queue marks escalations past their waiting-time target, and shows those assigned to me', async () => {
    const conversation = await db().conversation.create({ data: { externalId: `overdue-${Date.now()}`, channel: 'web' } });
    const old = await db().handoff.create({ data: { reason: 'dispute', priority: 20, conversationId: conversation.id, createdAt: new Date(Date.now() - 3 * 3_600_000), detailJson: '{"dispute":true}' } });
    const { page, context, problems } = await openPage(env.browser);
    await signIn(page, OFFICER);
    const row = page.locator(`tr[data-handoff="${old.id}"]`);
    await row.locator('.overdue-tag', { hasText: 'Overdue (target 2 h)' }).waitFor();
    await expect(row.getAttribute('class')).resolves.toContain('overdue');
    await row.getByRole('link', { name: /^Open/ }).click();
    // The list is filled once the escalation has loaded (slower on PostgreSQL): wait for it, then read it.
    await page.getByLabel('Assigned to').locator('option', { hasText: 'Me (Dana Ortiz)' }).waitFor({ state: 'attached' });
    const options = await page.getByLabel('Assigned to').locator('option').allTextContents();
    expect(options.slice(0, 2)).toEqual(['Nobody', 'Me (Dana Ortiz)']);
    expect(options).toContain('Lee Park');
    await page.getByLabel('Assigned to').selectOption({ label: 'Me (Dana Ortiz)' });
    await page.locator('#assign').click();
    await page.getByText('Assigned to you.').waitFor();
    await page.getByRole('link', { name: '← Queue' }).click();
    await page.getByLabel('Assigned to me').check();
    await page.locator(`tr[data-handoff="${old.id}"] td`, { hasText: 'Me' }).waitFor();
    await expect(page.locator('tr[data-handoff]').count()).resolves.toBe(1);
    await page.getByLabel('All').check();
    await shot(page, 'queue');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('signed out, the page shows no navigation and no sign-out button', async () => {
    const { page, context } = await openPage(env.browser);
    await page.goto(`${env.running.baseUrl}/officer`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    for (const name of ['Queue', 'Reports', 'Placements']) await expect(page.getByRole('link', { name }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(false);
    await shot(page, 'signed-out');
    await context.close();
  });
});
