/**
 * Headless Chromium for browser tests: Debian's `chromium` (installed by .ci/run, or by globalSetup) driven by
 * playwright-core, and pages whose console errors, page errors and CSP violations are collected.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describeNeeding } from './needs.ts';
import { CHROMIUM_PATH } from './systemPackages.ts';

/** A `describe` whose tests run only where Debian's chromium is installed (mandatory in CI). */
export const describeInBrowser = (title: string, body: () => void) => describeNeeding('chromium', title, body);

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/** A fresh browser profile whose console errors, page errors and CSP violations are collected. */
export async function openPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/** Web Chat's visible message bubbles containing `text`. */
export const bubbles = (page: Page, text: string | RegExp) => page.locator('.webchat__bubble__content').filter({ hasText: text });
export const sendBox = (page: Page) => page.getByRole('textbox', { name: 'Message input box' });

/** Types into Web Chat's send box, presses Enter, and waits for `expected` in the transcript. */
export async function sayAndExpect(page: Page, text: string, expected: string | RegExp): Promise<void> {
  const before = await bubbles(page, expected).count();
  const box = sendBox(page);
  await box.click();
  await box.pressSequentially(text, { delay: 5 });
  await page.keyboard.press('Enter');
  await bubbles(page, expected).nth(before).waitFor({ timeout: 15_000 });
}
