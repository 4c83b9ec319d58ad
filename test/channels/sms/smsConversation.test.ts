import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeSmsParts } from '../../../src/channels/sms/smsDeliverer.ts';
import { smsSegments } from '../../../src/domain/smsText.ts';
import { messagesFor } from '../../../src/messages/catalogue.ts';
import { conversationMessagesFor } from '../../../src/messages/conversation.ts';
import { catalogueOn } from '../../../src/messages/smsShort.ts';
import { MARIA_PHONE, outboxTo, startSmsHarness, type SmsHarness } from './smsHarness.ts';

/**
 * Whole conversations through the real SMS route (signed Twilio webhook → bot turn → outbox), as
 * debtors text: no conversationUpdate ever comes, so the first text must be read (issue #12 item 1),
 * and what was said is never asked for again. Each test has its own database and server.
 */

const CARLOS_PHONE = '+12105550134';

let harness: SmsHarness;
beforeEach(async () => {
  harness = await startSmsHarness();
  // Monday, November 23, 2026, 10:00 in New York: officers at work.
  harness.clock.current = new Date('2026-11-23T15:00:00Z');
});
afterEach(async () => harness.close());

/** Texts as the debtor and returns the reply queued for the phone (empty when the bot stays silent). */
async function text(from: string, body: string): Promise<string> {
  const before = (await outboxTo(harness, from)).length;
  const res = await harness.postSms({ From: from, Body: body });
  expect(res.status).toBe(200);
  return (await outboxTo(harness, from)).slice(before).map((row) => row.body).join('\n');
}

describe('SMS, whole conversations through the webhook', () => {
  it('#12 item 1, DESIGN 1, 2: the first text holds the date of birth and ZIP — verified at once, the disclosure before any account fact', async () => {
    const reply = await text(MARIA_PHONE, 'Hi, my birthday is March 14 1985 and zip 30301');
    expect(reply).toContain('You are verified');
    const disclosure = reply.search(/is a debt collector/);
    expect(disclosure).toBeGreaterThan(0);
    expect(reply.slice(0, disclosure)).not.toMatch(/\$\d|Peachtree|balance/i);
    expect(reply.indexOf('$1,085.00')).toBeGreaterThan(disclosure);
    const conversation = await harness.db.conversation.findUniqueOrThrow({ where: { externalId: `sms:${MARIA_PHONE}` } });
    const stored = (await harness.db.message.findMany({ where: { conversationId: conversation.id } })).map((m) => m.text).join('\n');
    expect(stored).not.toMatch(/March 14|30301/);
  });

  it('#19 items 4, 7 in Spanish: a goal in the first text, an ambiguous date asked about once, then the terms', async () => {
    expect(await text(CARLOS_PHONE, 'hola, quiero pagar todo')).toMatch(/fecha de nacimiento/);
    expect(await text(CARLOS_PHONE, '11/02/1979')).toContain('¿Quiso decir el 2 de noviembre de 1979?');
    expect(await text(CARLOS_PHONE, 'sí')).toContain('código postal');
    const verified = await text(CARLOS_PHONE, '78201');
    expect(verified).toContain('Su identidad está confirmada');
    expect(verified).toContain('Estos son los términos de su pago');
    expect(verified).toContain('$3,518.15 el 23 de noviembre de 2026');
  });

  it('#12 items 6, 9: a question at the E-SIGN question, a person asked for and withdrawn — nothing dropped, no doom loop', async () => {
    const verified = await text('+13125550199', 'Jan 9 1990 zip 60614');
    expect(verified).toMatch(/agree to receive notices/);
    const sued = await text('+13125550199', 'can they sue me?');
    expect(sued).toContain('nothing in this chat is a threat of legal action');
    expect(sued).toContain('about your notices');
    expect(await text('+13125550199', 'agent')).toContain('asked a person to join');
    expect(await text('+13125550199', 'how long is the wait?')).toMatch(/The wait is about \d+ minutes/);
    expect(await text('+13125550199', "never mind, I'll stay with the bot")).toContain('cancelled your request for a person');
    expect(await text('+13125550199', 'yes')).toContain('/notices/');
  });

  it('#16 item 3 in Spanish: long replies come in their SMS versions — GSM-7, two segments each — with the same facts', async () => {
    const sms = catalogueOn('sms', 'main', 'es');
    const conversation = catalogueOn('sms', 'conversation', 'es');
    const twoGsmSegments = (text: string) => {
      const { encoding, segments } = smsSegments(composeSmsParts(text, { botInitiated: false, footer: '' })[0]!);
      expect([encoding, segments <= 2]).toEqual(['GSM-7', true]);
    };
    const hello = await text(CARLOS_PHONE, 'hola');
    expect(hello).toContain(sms.askDobFirst());
    expect(hello).not.toContain(messagesFor('es').askDobFirst());
    await text(CARLOS_PHONE, '2 de noviembre de 1979');
    await text(CARLOS_PHONE, '78201');
    expect(await text(CARLOS_PHONE, 'estoy pasando por dificultades, perdí mi trabajo')).toContain(sms.hardship());
    expect(await text(CARLOS_PHONE, 'disputo esta deuda')).toContain(sms.disputeRecorded());
    for (const said of [sms.askDobFirst(), sms.hardship(), sms.disputeRecorded()]) twoGsmSegments(said);

    // DESIGN 17 by SMS: the conversation catalogue's SMS versions, with every fact of the full text.
    const relative = await text('+13125550111', 'hola, mi padre falleció y le llegó una carta de ustedes');
    expect(relative).toContain(conversation.deathCondolence());
    expect(relative).not.toContain(conversationMessagesFor('es').deathCondolence());
    expect(relative).toMatch(/no son personalmente responsables.*a menos que las hayan firmado como codeudores.*con los bienes de la herencia, no con su propio dinero/);
    twoGsmSegments(conversation.deathCondolence());
  });
});
