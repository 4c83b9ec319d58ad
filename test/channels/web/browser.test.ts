/**
 * The demo page in a real browser: headless Chromium (Debian's `chromium`, installed by .ci/run)
 * driven by playwright-core. A debtor verifies by typing into the official Web Chat send box,
 * sees the balance, reloads and finds the same conversation. The screenshot is saved as
 * test-artifacts/webchat.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bubbles, describeInBrowser, launchChromium, openPage as openWatchedPage, sayAndExpect, sendBox, type Watched } from '../../helpers/browser.ts';
import type { RunningApp } from '../../helpers/testApp.ts';
import { startWebTestApp } from '../../helpers/webTestApp.ts';

const ARTIFACTS = path.resolve('test-artifacts');
const STORAGE_PREFIX = 'debt-bot.webchat:';

let running: RunningApp;
let browser: Browser;


const openPage = (): Promise<Watched> => openWatchedPage(browser);
const transcript = (page: Page) => page.locator('.webchat__basic-transcript');

async function storedConversationId(page: Page): Promise<string | undefined> {
  return page.evaluate((prefix) => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(prefix)) return (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { conversationId?: string }).conversationId;
    }
    return undefined;
  }, STORAGE_PREFIX);
}

describeInBrowser('the demo page with Web Chat', () => {
  beforeAll(async () => {
    running = await startWebTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('a debtor verifies in Web Chat, sees the balance, and a reload resumes the same conversation', async () => {
    const { context, page, problems } = await openPage();
    await page.goto(`${running.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Resolve your account online' }).waitFor();
    await bubbles(page, `virtual assistant of ${running.config.COLLECTOR_NAME}`).waitFor({ timeout: 20_000 });

    await sayAndExpect(page, 'A-1001', /date of birth/i);
    await sayAndExpect(page, 'March 14 1985', /ZIP code/i);
    await sayAndExpect(page, '30301', '$1,085.00');
    const shown = (await page.locator('.webchat__bubble__content').allInnerTexts()).join('\n');
    expect(shown).toMatch(/is a debt collector/);
    // The verification answers were replaced by their masked echo from the server.
    expect(shown).not.toContain('March 14 1985');
    expect(shown).toContain('A-••••');

    // Let Web Chat finish scrolling to the newest message before taking the picture.
    await expect
      .poll(() => page.locator('.webchat__basic-transcript__scrollable').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight), { timeout: 5_000 })
      .toBeLessThan(2);
    await bubbles(page, '$1,085.00').last().waitFor({ state: 'visible' });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat.png'), fullPage: true });

    const conversationId = await storedConversationId(page);
    expect(conversationId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const activitiesBefore = await running.database.db.directLineActivity.count({ where: { conversationId } });

    await page.reload();
    await bubbles(page, '$1,085.00').first().waitFor({ timeout: 20_000 });
    expect(await storedConversationId(page)).toBe(conversationId);
    // The same conversation, replayed; not a new one with a new greeting.
    expect(await running.database.db.directLineConversation.count({ where: { id: conversationId } })).toBe(1);
    expect(await bubbles(page, `virtual assistant of ${running.config.COLLECTOR_NAME}`).count()).toBe(1);

    // And it carries on where it was: still verified, no new identity check.
    await sayAndExpect(page, 'agent', /officer|person|team/i);
    expect(await running.database.db.directLineActivity.count({ where: { conversationId } })).toBeGreaterThan(activitiesBefore);
    expect((await page.locator('.webchat__bubble__content').allInnerTexts()).join('\n')).not.toMatch(/need to confirm who you are[\s\S]*need to confirm who you are/);

    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('is accessible: landmarks, headings, a labelled send box, and keyboard use from the skip link', async () => {
    const { context, page, problems } = await openPage();
    await page.goto(`${running.baseUrl}/`);
    await bubbles(page, `virtual assistant of ${running.config.COLLECTOR_NAME}`).waitFor({ timeout: 20_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    for (const role of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Chat with our virtual assistant' }).count()).toBe(1);

    // Keyboard only: the first Tab reaches the skip link, which leads to the chat.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the chat');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('chat');
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Message input box');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await bubbles(page, /account number/).nth(1).waitFor({ timeout: 15_000 });

    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('serves the page with a strict Content-Security-Policy and Web Chat from our own server, cached', async () => {
    const page = await fetch(`${running.baseUrl}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/style-src [^;]*'unsafe-inline'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await page.text();
    expect(html).toContain(`<script nonce="${nonce}" src="/webchat/webchat.js?v=`);
    const second = await fetch(`${running.baseUrl}/`);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);

    const script = await fetch(`${running.baseUrl}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(script.headers.get('content-encoding')).toBe('gzip');
    const etag = script.headers.get('etag')!;
    expect((await script.text()).length).toBeGreaterThan(1_000_000);
    const cached = await fetch(`${running.baseUrl}/webchat/webchat.js`, { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);

    const embed = await fetch(`${running.baseUrl}/webchat/embed.js`);
    expect(embed.status).toBe(200);
    const source = await embed.text();
    expect(source).toContain('"accent":"#1d3557"');
    expect(source).not.toContain('__STYLE_OPTIONS__');
  });
});
