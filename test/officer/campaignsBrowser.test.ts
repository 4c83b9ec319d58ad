/**
 * Outreach campaigns in a real browser (headless Chromium, issue #17): a supervisor previews what
 * each debtor will receive, launches over the demo placements, and watches the figures change
 * without reloading as the outbox sends (quiet hours hold them until the window opens); pauses;
 * and reads the emails in the console email outbox. axe-core finds no serious or critical problem
 * on the page. Screenshots: test-artifacts/campaigns-*.png.
 */
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { describeInBrowser, openPage } from '../helpers/browser.ts';
import { OFFICER, SUPERVISOR } from '../helpers/consoleClient.ts';
import { businessHourAfter } from '../outreach/outreachHarness.ts';
import { accessibilityProblems } from '../helpers/accessibility.ts';
import { ARTIFACTS, signInToConsole, unexpectedProblems, useConsoleBrowser, type ConsoleBrowser } from './consoleBrowserHelpers.ts';

// Each test launches campaigns over a whole service and runs its outbox: slow on a busy two-core machine.
vi.setConfig({ testTimeout: 90_000 });

const env = {} as ConsoleBrowser;

describeInBrowser('outreach campaigns in Chromium (issue #17)', () => {
  useConsoleBrowser(env);

  it('a supervisor previews, launches and watches a campaign; pauses it; reads the email outbox', async () => {
    const { page, context, problems } = await openPage(env.browser);
    await signInToConsole(page, env.running.baseUrl, SUPERVISOR);
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('heading', { name: 'Outreach campaigns' }).waitFor();
    await page.getByText('No campaign yet.').waitFor();

    await page.getByLabel('Campaign name').fill('December placements');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('#campaign-preview-summary', { hasText: '6 accounts match; 6 can be reached. Texts: 5. Emails: 4.' }).waitFor();
    const carlos = page.locator('#campaign-preview-table tr[data-account="A-1002"]');
    await expect(carlos.locator('td').first().textContent()).resolves.toBe('Spanish');
    await carlos.getByText(/^Email to carlos/).click();
    await carlos.getByText('Un mensaje de Summit Recovery Services').waitFor();
    await page.locator('tr[data-account="A-1004"]', { hasText: 'No consent to texts on file (TCPA)' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'campaigns-preview.png'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Launch campaign' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('6 of 6 matched accounts will get a first message (5 texts, 4 emails).').waitFor();
    await dialog.getByRole('button', { name: 'Launch' }).click();
    await page.getByText('Campaign launched: 9 messages queued for 6 accounts.').waitFor();
    const row = page.locator('#campaigns tr[data-campaign="December placements"]');
    await row.waitFor();
    await expect(row.locator('[data-figure="status"]').textContent()).resolves.toBe('Running');

    // The outbox sends when the hour allows it; the page follows without a reload.
    await env.running.app.outboxWorker.runOnce(businessHourAfter());
    await row.locator('[data-figure="sent"]', { hasText: '6 (100%)' }).waitFor({ timeout: 10_000 });
    await expect(row.locator('[data-figure="queued"]').textContent()).resolves.toBe('0');
    await page.locator('#email-outbox-list li', { hasText: 'A message from Summit Recovery Services — to maria.johnson@example.com — sent' }).waitFor();
    await page.locator('#email-outbox-list li', { hasText: 'Un mensaje de Summit Recovery Services' }).first().click();
    await page.locator('#email-outbox-list pre', { hasText: 'es un cobrador de deudas' }).first().waitFor();

    await row.getByRole('button', { name: 'Pause December placements' }).click();
    await row.locator('[data-figure="status"]', { hasText: 'Paused' }).waitFor();
    await row.getByRole('button', { name: 'Resume December placements' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'campaigns-progress.png'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    // The report page shows the campaign too.
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.locator('#campaign-report-table tr[data-campaign="December placements"]').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(unexpectedProblems(problems)).toEqual([]);
    await context.close();
  });

  it('an officer has no Campaigns link, and the page route shows the queue instead', async () => {
    const { page, context, problems } = await openPage(env.browser);
    await signInToConsole(page, env.running.baseUrl, OFFICER);
    await expect(page.getByRole('link', { name: 'Campaigns' }).isVisible()).resolves.toBe(false);
    await page.goto(`${env.running.baseUrl}/officer#/campaigns`);
    await page.getByRole('heading', { name: /Escalations/ }).waitFor();
    expect(unexpectedProblems(problems)).toEqual([]);
    await context.close();
  });
});
