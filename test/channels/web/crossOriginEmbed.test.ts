/**
 * Issue 10 item 8: the README's embed snippet on an agency's own site — a page served from another
 * origin than the bot — in real Chromium. Web Chat sends `x-requested-with` (and `x-ms-bot-agent`)
 * on its Direct Line calls, so the CORS preflight must allow them or the chat never connects.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bubbles, describeInBrowser, launchChromium, openPage, sayAndExpect } from '../../helpers/browser.ts';
import type { RunningApp } from '../../helpers/testApp.ts';
import { startWebTestApp } from '../../helpers/webTestApp.ts';

let running: RunningApp;
let browser: Browser;
let agencySite: http.Server;
let agencyUrl: string;

describeInBrowser('the chat embedded on another origin (README snippet)', () => {
  beforeAll(async () => {
    running = await startWebTestApp();
    browser = await launchChromium();
    // The agency's own site: another port is another origin.
    agencySite = http.createServer((_req, res) => {
      const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency</title></head><body>
<h1>Agency site</h1>
<div id="debt-bot-chat" style="height: 600px; max-width: 640px"></div>
<script src="${running.baseUrl}/webchat/embed.js" data-target="debt-bot-chat" async></script>
</body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((resolve) => agencySite.listen(0, '127.0.0.1', resolve));
    agencyUrl = `http://127.0.0.1:${(agencySite.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    agencySite?.closeAllConnections();
    await new Promise((resolve) => agencySite?.close(resolve));
    await running?.stop();
  });

  it('connects, greets and answers from a page on a second origin', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(agencyUrl, { waitUntil: 'domcontentloaded' });
    expect(new URL(page.url()).origin).not.toBe(new URL(running.baseUrl).origin);
    await bubbles(page, `virtual assistant of ${running.config.COLLECTOR_NAME}`).waitFor({ timeout: 20_000 });
    await sayAndExpect(page, 'A-1001', /date of birth/i);
    expect(problems.filter((p) => /CORS|Access-Control/i.test(p))).toEqual([]);
    await context.close();
  }, 60_000);

  it('answers the preflight for the headers Web Chat sends', async () => {
    const res = await fetch(`${running.baseUrl}/v3/directline/tokens/generate`, {
      method: 'OPTIONS',
      headers: { origin: agencyUrl.replace(/\/$/, ''), 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-ms-bot-agent,x-requested-with' },
    });
    expect(res.status).toBe(204);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    for (const header of ['content-type', 'authorization', 'x-ms-bot-agent', 'x-requested-with']) expect(allowed).toContain(header);
  });
});
