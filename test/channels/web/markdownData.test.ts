/**
 * Issue 10 item 12: Web Chat renders the bot's text as Markdown with raw HTML allowed. Data that
 * reaches debtor-facing text — names and creditors from a placement file, the debtor's own words
 * echoed back — must show as the literal characters, never become an element or a link. Checked by
 * rendering the stored replies with Web Chat's own Markdown settings (markdown-it, html + linkify +
 * typographer), and by SMS, where the same data arrives unescaped (SMS shows no Markdown).
 */
import { createRequire } from 'node:module';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/domain/markdown.ts';
import { DirectLineDebtor } from '../../helpers/directLineClient.ts';
import type { RunningApp } from '../../helpers/testApp.ts';
import { startWebTestApp } from '../../helpers/webTestApp.ts';

const require = createRequire(import.meta.url);
// The renderer Web Chat uses (botframework-webchat/lib/markdown/renderMarkdown.js), with its options.
const MarkdownIt = require('markdown-it') as new (options: object) => { render(text: string): string };
const webChatMarkdown = new MarkdownIt({ breaks: false, html: true, linkify: true, typographer: true, xhtmlOut: true });

const HOSTILE_FIRST_NAME = 'Linda<img src=x onerror=alert(1)>';
const HOSTILE_CREDITOR = '[Pay here](https://evil.example/pay) **Bank** <b>Inc</b>';
const HOSTILE_ORIGINAL = 'www.evil.example & `Co` _Ltd_';
const HOSTILE_ATTORNEY = '<img src=x> [Call me](javascript:alert(1)) # Esq.';

let running: RunningApp;
beforeAll(async () => {
  running = await startWebTestApp();
  const db = running.database.db;
  const account = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1004' } });
  await db.account.update({ where: { id: account.id }, data: { firstName: HOSTILE_FIRST_NAME, originalCreditor: HOSTILE_ORIGINAL } });
  await db.creditor.update({ where: { id: account.creditorId }, data: { name: HOSTILE_CREDITOR } });
});
afterAll(async () => running?.stop());

/** Elements Markdown made out of a reply, besides paragraphs and line breaks. */
function elementsIn(text: string): string[] {
  return [...webChatMarkdown.render(text).matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1]!.toLowerCase()).filter((tag) => tag !== 'p' && tag !== 'br');
}

/** What a reader sees: the rendered HTML's text, entities decoded. */
function visibleText(text: string): string {
  return webChatMarkdown
    .render(text)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('data in Web Chat replies is escaped for Markdown (item 12)', () => {
  it('escapes every Markdown and HTML construct so the rendered text is the value itself', () => {
    for (const value of [HOSTILE_FIRST_NAME, HOSTILE_CREDITOR, HOSTILE_ORIGINAL, HOSTILE_ATTORNEY, '1. not a list', '> not a quote', 'mailto:x@y.example', 'A &amp; B', 'O\'Connor "Jr"']) {
      expect(elementsIn(escapeMarkdown(value)), value).toEqual([]);
      expect(visibleText(escapeMarkdown(value)).trim(), value).toBe(value);
    }
    expect(escapeMarkdown('two\nlines\r\n\n- item')).not.toMatch(/[\r\n]/);
  });

  it('placement data and the debtor\'s echoed words show literally on the website chat, never as elements or links', async () => {
    const debtor = await DirectLineDebtor.start(running.baseUrl);
    await debtor.say('A-1004');
    await debtor.say('January 9 1990');
    const replies = [await debtor.say('60614'), await debtor.say('why is it so high?')];
    await debtor.say('I have an attorney');
    await debtor.say(HOSTILE_ATTORNEY);
    replies.push(await debtor.say('555 0100'));
    const all = replies.join('\n');
    expect(elementsIn(all)).toEqual([]);
    const seen = visibleText(all);
    for (const value of [HOSTILE_FIRST_NAME, HOSTILE_CREDITOR, HOSTILE_ORIGINAL]) expect(seen).toContain(value);
    // Markup typed as an attorney's name is not read as a name at all (letters only): the
    // representation is recorded and a person gets the details — nothing of it is echoed.
    expect(seen).not.toContain('Call me');
  });

  it('by SMS the same data arrives as typed, without escapes', async () => {
    const say = async (text: string) =>
      (
        await running.app.inProcess.runTurn({
          type: 'message',
          channelId: 'sms',
          serviceUrl: 'sms://in-process',
          conversation: { id: 'sms:+13125550199' } as Activity['conversation'],
          from: { id: '+13125550199', role: 'user' } as Activity['from'],
          recipient: { id: 'bot', role: 'bot' } as Activity['recipient'],
          text,
        })
      )
        .map((r) => r.text ?? '')
        .join('\n');
    await say('hi');
    await say('January 9 1990');
    const verified = await say('60614');
    expect(verified).toContain(HOSTILE_FIRST_NAME);
    expect(verified).toContain(HOSTILE_CREDITOR);
    expect(verified).not.toContain('\\');
  });
});
