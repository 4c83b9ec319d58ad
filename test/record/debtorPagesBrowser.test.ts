/**
 * Issue #16 item 6: axe-core on the debtor's other pages in Chromium — the validation notice, the
 * demo checkout and the receipt it returns to, and the debtor's record — no serious or critical
 * finding. Screenshots: test-artifacts/debtor-record.png, debtor-receipt.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessibilityProblems } from '../helpers/accessibility.ts';
import { describeInBrowser, launchChromium } from '../helpers/browser.ts';
import { DirectLineDebtor } from '../helpers/directLineClient.ts';
import type { RunningApp } from '../helpers/testApp.ts';
import { startWebTestApp } from '../helpers/webTestApp.ts';

const ARTIFACTS = path.resolve('test-artifacts');
let running: RunningApp;
let browser: Browser;

describeInBrowser('debtor pages are accessible (axe-core, issue #16 item 6)', () => {
  beforeAll(async () => {
    running = await startWebTestApp();
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('the notice, the demo checkout, the receipt page and the record have no serious or critical axe finding', async () => {
    const debtor = await DirectLineDebtor.start(running.baseUrl);
    await debtor.say('A-1004');
    await debtor.say('January 9 1990');
    await debtor.say('60614');
    const consented = await debtor.say('yes');
    const link = (kind: string, text: string) => new RegExp(`https?://\\S+/${kind}/[A-Za-z0-9_.-]+`).exec(text)?.[0];
    const notice = link('notices', consented)!;
    const record = link('record', consented)!;
    await debtor.say('pay in full');
    const pay = link('pay', await debtor.say('yes'))!;
    const local = (url: string) => `${running.baseUrl}${new URL(url).pathname}`;

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    for (const [name, url] of [
      ['notice', local(notice)],
      ['record', local(record)],
    ] as const) {
      await page.goto(url);
      expect([name, await accessibilityProblems(page)]).toEqual([name, []]);
      if (name === 'record') await page.screenshot({ path: path.join(ARTIFACTS, 'debtor-record.png'), fullPage: true });
    }
    await page.goto(local(pay));
    await page.getByRole('button', { name: 'Pay (demo)' }).waitFor();
    expect(['checkout', await accessibilityProblems(page)]).toEqual(['checkout', []]);
    await page.getByRole('button', { name: 'Pay (demo)' }).click();
    await page.getByRole('heading', { name: 'Payment receipt' }).waitFor({ timeout: 30_000 }).catch(async (error) => {
      console.log('after pay:', page.url(), (await page.locator('body').innerText()).slice(0, 400));
      throw error;
    });
    expect(await page.locator('dl').innerText()).toMatch(/Amount paid\s+\$400\.00\s+Date\s+\w+ \d+, \d{4}\s+Remaining balance\s+\$0\.00/);
    expect(['receipt', await accessibilityProblems(page)]).toEqual(['receipt', []]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'debtor-receipt.png'), fullPage: true });
    await context.close();
  }, 90_000);
});
