/**
 * The reply renderer on the real paths (issue #16 item 1): a debtor on Direct Line (what Web Chat
 * talks to) gets suggestedActions, cards and link buttons; the same conversation by SMS gets
 * numbered choices, and answering with the number works. The transcript keeps the words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectLineDebtor } from '../helpers/directLineClient.ts';
import type { RunningApp } from '../helpers/testApp.ts';
import { startWebTestApp } from '../helpers/webTestApp.ts';
import { MARIA_PHONE, outboxTo, startSmsHarness } from '../channels/sms/smsHarness.ts';

interface RichActivity {
  text?: string;
  suggestedActions?: { actions: Array<{ type: string; title: string; value: string }> };
  attachments?: Array<{ contentType: string; content: { body?: Array<{ text: string }>; buttons?: Array<{ type: string; title: string; value: string }> } }>;
}

let running: RunningApp;
beforeAll(async () => {
  running = await startWebTestApp();
}, 60_000);
afterAll(async () => running?.stop());

async function turn(debtor: DirectLineDebtor, text: string): Promise<RichActivity[]> {
  await debtor.received();
  await debtor.send(text);
  return (await debtor.received()) as RichActivity[];
}

describe('Direct Line replies carry Bot Framework rich features', () => {
  it('yes/no buttons on the E-SIGN question, the notice as a button, payment options, the recap card and the pay button', async () => {
    const debtor = await DirectLineDebtor.start(running.baseUrl);
    await turn(debtor, 'A-1001');
    await turn(debtor, 'March 14 1985');
    const verified = await turn(debtor, '30301');
    const esign = verified.find((a) => /electronically/.test(a.text ?? ''))!;
    expect(esign.suggestedActions!.actions.map((a) => [a.type, a.title, a.value])).toEqual([
      ['imBack', 'Yes', 'yes'],
      ['imBack', 'No', 'no'],
    ]);

    // Clicking "Yes" sends "yes": the consent is recorded and the notice comes as a short labelled button.
    const consented = await turn(debtor, esign.suggestedActions!.actions[0]!.value);
    const withNotice = consented.find((a) => a.attachments?.some((c) => c.contentType === 'application/vnd.microsoft.card.hero'))!;
    const button = withNotice.attachments![0]!.content.buttons![0]!;
    expect(button).toMatchObject({ type: 'openUrl', title: 'Open your notice' });
    expect(button.value).toMatch(/^http.*\/notices?\//);
    expect(withNotice.text).toContain('[Open your notice](');
    expect(withNotice.text).not.toMatch(/\/notices?\/[^\s)]+[ \n][A-Z]/);

    const options = (await turn(debtor, 'what are my payment options?')).find((a) => a.suggestedActions)!;
    expect(options.text).toMatch(/\n\n- Pay the full balance/);
    expect(options.suggestedActions!.actions.map((a) => a.title)).toContain('Pay in full');

    const recap = (await turn(debtor, options.suggestedActions!.actions.find((a) => a.title === 'Pay in full')!.value)).find((a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive')!;
    expect(recap.suggestedActions!.actions.map((a) => a.value)).toEqual(['yes', 'no']);
    const shown = recap.attachments![0]!.content.body!.slice(1).map((b) => b.text).join('\n');

    await turn(debtor, 'yes');
    // DESIGN 11: the authorization stored is the words the card showed.
    const plan = await running.database.db.plan.findFirstOrThrow({ where: { account: { accountNumber: 'A-1001' } }, orderBy: { createdAt: 'desc' } });
    const words = (s: string) => s.replace(/^[•-]\s+/gm, '').replace(/\s+/g, ' ').trim();
    expect(words(shown)).toBe(words(plan.authorizationText!));
  }, 60_000);
});

describe('SMS replies: numbered choices that are understood', () => {
  it('the E-SIGN question ends "Reply 1 or 2"; replying 1 records the consent; the transcript keeps "1"', async () => {
    const harness = await startSmsHarness();
    try {
      harness.clock.current = new Date('2026-11-23T15:00:00Z');
      const send = async (body: string) => {
        const before = (await outboxTo(harness, MARIA_PHONE)).length;
        expect((await harness.postSms({ From: MARIA_PHONE, Body: body })).status).toBe(200);
        return (await outboxTo(harness, MARIA_PHONE)).slice(before).map((r) => r.body).join('\n');
      };
      const verified = await send('Hi, my birthday is March 14 1985 and zip 30301');
      expect(verified).toMatch(/electronically[\s\S]*\n1 Yes\n2 No\nReply 1 or 2\.$/);
      const consented = await send('1');
      expect(consented).toMatch(/\/notices?\//);
      const account = await harness.db.account.findFirstOrThrow({ where: { accountNumber: 'A-1001' } });
      expect(await harness.db.consent.count({ where: { accountId: account.id, kind: 'esign', withdrawnAt: null } })).toBe(1);
      const conversation = await harness.db.conversation.findUniqueOrThrow({ where: { externalId: `sms:${MARIA_PHONE}` } });
      const said = await harness.db.message.findMany({ where: { conversationId: conversation.id, direction: 'in' }, orderBy: { createdAt: 'asc' } });
      expect(said.at(-1)!.text).toBe('1');
      // A number with nothing offered is read as written, not as a choice.
      const unrelated = await send('2');
      expect(unrelated).not.toMatch(/mail the validation notice/);
    } finally {
      await harness.close();
    }
  }, 60_000);
});
