/**
 * Issue #16 in real Chromium with the official Web Chat: buttons and cards (item 1), the layout at
 * 1280×800 and the full-screen phone view at 390×844, an officer who looks like a person, the page
 * in Spanish (item 2), a keyboard-only journey and axe-core on every debtor page (item 6).
 * Screenshots: test-artifacts/debtor-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendToDebtor } from '../../../src/officer/debtorMessages.ts';
import { accessibilityProblems } from '../../helpers/accessibility.ts';
import { bubbles, describeInBrowser, launchChromium, sayAndExpect, sendBox } from '../../helpers/browser.ts';
import { createConsoleAccounts, OFFICER } from '../../helpers/consoleClient.ts';
import type { RunningApp } from '../../helpers/testApp.ts';
import { startWebTestApp } from '../../helpers/webTestApp.ts';

const ARTIFACTS = path.resolve('test-artifacts');
let running: RunningApp;
let browser: Browser;

async function open(viewport: { width: number; height: number }, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale, extraHTTPHeaders: { 'Accept-Language': locale } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `debtor-${name}.png`) });

async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('.webchat__basic-transcript__scrollable').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight), { timeout: 5_000 })
    .toBeLessThan(2);
}

async function verify(page: Page): Promise<void> {
  await bubbles(page, 'virtual assistant').first().waitFor({ timeout: 20_000 });
  await sayAndExpect(page, 'A-1001', /date of birth/i);
  await sayAndExpect(page, 'March 14 1985', /ZIP code/i);
  await sayAndExpect(page, '30301', /electronically/);
}

describeInBrowser('the debtor page in Chromium (issue #16)', () => {
  beforeAll(async () => {
    running = await startWebTestApp({ OUTBOX_INTERVAL_MS: '200' });
    await createConsoleAccounts(running.database.db);
    running.app.outboxWorker.start();
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await running?.app.outboxWorker.stop();
    await running?.stop();
  });

  it('1280×800: the message box is visible without scrolling; yes/no buttons, the notice button, payment options, the recap card; an officer with a name and an avatar', async () => {
    const { context, page, problems } = await open({ width: 1280, height: 800 });
    await page.goto(`${running.baseUrl}/`);
    await bubbles(page, 'virtual assistant').first().waitFor({ timeout: 20_000 });
    const box = await sendBox(page).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await verify(page);

    // Bot Framework suggestedActions: buttons; clicking one answers.
    await page.getByRole('button', { name: 'Yes', exact: true }).last().click();
    const noticeButton = page.getByRole('button', { name: 'Open your notice' }).or(page.getByRole('link', { name: 'Open your notice' }));
    await noticeButton.first().waitFor({ timeout: 15_000 });
    // The link is a short label, not a raw token run into the next sentence.
    expect(await page.locator('.webchat__bubble__content').allInnerTexts().then((t) => t.join('\n'))).not.toMatch(/\/notices?\/[A-Za-z0-9_-]{16,}/);

    await sayAndExpect(page, 'what are my payment options?', /Here are your options/);
    // A real list, not "•" run into one paragraph.
    expect(await page.locator('.webchat__bubble__content ul li').filter({ hasText: 'Pay the full balance' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pay in full', exact: true }).last().click();
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Terms to review' }).last();
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain('Do you agree to these terms?');
    await settled(page);
    await shot(page, 'desktop-recap');
    expect(await accessibilityProblems(page)).toEqual([]);

    // An officer writes: their first name and the team, their own avatar — not the assistant's.
    const conversationId = await page.evaluate(() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage).find((k) => k.startsWith('debt-bot.webchat:'))!)!).conversationId as string);
    const db = running.database.db;
    const conversation = await db.conversation.findUniqueOrThrow({ where: { externalId: conversationId } });
    const officer = await db.officer.findUniqueOrThrow({ where: { email: OFFICER.email } });
    await sendToDebtor(db, conversation, { body: 'Hello, I can help you with the plan.', officerId: officer.id, now: new Date() });
    await bubbles(page, 'I can help you with the plan').waitFor({ timeout: 15_000 });
    const firstName = officer.name.split(' ')[0]!;
    await page.getByText(`${firstName} · Summit Recovery team`).waitFor({ timeout: 5_000 });
    await settled(page);
    await shot(page, 'desktop-officer');
    expect(await page.locator('.debt-bot-officer-avatar').first().innerText({ timeout: 5_000 })).toBe(firstName.charAt(0));
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('390×844 in Spanish: the page speaks Spanish, the chat opens full screen, and there is a way back', async () => {
    const { context, page, problems } = await open({ width: 390, height: 844 }, 'es-US');
    await page.goto(`${running.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await bubbles(page, 'asistente virtual').first().waitFor({ timeout: 20_000 });
    const chat = await page.locator('#chat').boundingBox();
    expect(chat).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    const box = await page.locator('.webchat__send-box input, .webchat__send-box textarea').first().boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    await shot(page, 'phone-chat');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Volver a la página' }).click();
    await page.getByRole('heading', { name: 'Sus derechos' }).waitFor();
    expect(await page.getByRole('button', { name: 'Abrir el chat' }).isVisible()).toBe(true);
    expect(await page.locator('#contact').innerText()).toContain('de lunes a viernes');
    await shot(page, 'phone-page');
    await page.getByRole('button', { name: 'Abrir el chat' }).click();
    expect(await page.locator('#chat').boundingBox()).toMatchObject({ y: 0, height: 844 });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('keyboard only: skip link, the message box with a visible focus ring, typed answers, a button chosen with Tab and Enter', async () => {
    const { context, page, problems } = await open({ width: 1280, height: 800 });
    await page.goto(`${running.baseUrl}/`);
    await bubbles(page, 'virtual assistant').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the chat');
    await page.keyboard.press('Enter');
    let reached = false;
    const visited: string[] = [];
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Message input box');
      visited.push(await page.evaluate(() => `${document.activeElement?.tagName}.${document.activeElement?.className}:${document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.slice(0, 20)}`));
    }
    expect([reached, visited]).toEqual([true, visited]);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    // Linda Park (A-1004): another demo debtor, so the E-SIGN question is still open.
    for (const [said, expected] of [
      ['A-1004', /date of birth/i],
      ['January 9 1990', /ZIP code/i],
      ['60614', /electronically/],
    ] as const) {
      const before = await bubbles(page, expected).count();
      await page.keyboard.type(said, { delay: 5 });
      await page.keyboard.press('Enter');
      await bubbles(page, expected).nth(before).waitFor({ timeout: 15_000 }).catch(async (error) => {
        await shot(page, 'keyboard-failure');
        throw error;
      });
    }
    // The buttons are one tab stop (Web Chat's suggested actions): Shift+Tab from the message box, Enter.
    let onYes = false;
    const back: string[] = [];
    for (let i = 0; i < 12 && !onYes; i++) {
      await page.keyboard.press('Shift+Tab');
      onYes = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Yes');
      back.push(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent?.trim().slice(0, 20)}`));
    }
    expect([onYes, back]).toEqual([true, back]);
    await page.keyboard.press('Enter');
    await bubbles(page, /validation notice, which you can save or print/).waitFor({ timeout: 15_000 });
    const linda = await running.database.db.account.findFirstOrThrow({ where: { accountNumber: 'A-1004' } });
    expect(await running.database.db.consent.count({ where: { accountId: linda.id, kind: 'esign' } })).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
