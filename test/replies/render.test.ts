import { describe, expect, it } from 'vitest';
import { repliesFor } from '../../src/messages/replies.ts';
import { blocksOf, cardWords, linkKind, renderReply, reply, resolveNumberedChoice, toMarkdown } from '../../src/replies/render.ts';

const yesNo = repliesFor('en').yesNo();
const recap = [
  'Here are the terms of your payment. Please read them before you agree:',
  '• $1,085.00 on December 7, 2026',
  'Number of payments: 1.',
  'Do you agree to these terms? Reply yes to agree, or tell me what you would like to change.',
].join('\n');

describe('the reply renderer (issue #16 item 1)', () => {
  it('web: choices become Bot Framework suggestedActions (imBack) whose values are words the bot understands typed', () => {
    const out = renderReply(reply('Do you agree? Please answer yes or no.', { choices: yesNo }), 'web', 'en');
    expect(out.suggestedActions?.actions).toEqual([
      { type: 'imBack', title: 'Yes', value: 'yes' },
      { type: 'imBack', title: 'No', value: 'no' },
    ]);
    expect(out.text).toBe('Do you agree? Please answer yes or no.');
    expect(out.channelData).toBeUndefined();
  });

  it('web: "•" lines become a Markdown list apart from the paragraphs, so Web Chat draws a real list', () => {
    expect(toMarkdown('Options:\n• Pay in full.\n• A plan.\nWhich would you like?', (u) => u)).toBe('Options:\n\n- Pay in full.\n- A plan.\n\nWhich would you like?');
    expect(blocksOf('a\n• b\n• c\nd').map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
  });

  it('web: a long pay or notice link becomes a short label and an openUrl button, never a raw token run into the next sentence', () => {
    const url = 'https://bot.example.test/pay/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const out = renderReply({ type: 'message', text: `You can make it on our secure payment page: ${url}\nPlease enter your card only on that page.` }, 'web', 'en');
    expect(out.text).toBe(`You can make it on our secure payment page: [Pay securely](${url})\n\nPlease enter your card only on that page.`);
    const card = out.attachments![0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.hero');
    expect((card.content as { buttons: unknown[] }).buttons).toEqual([{ type: 'openUrl', title: 'Pay securely', value: url }]);
    expect(linkKind('https://x.test/notices/abc')).toBe('notice');
    expect(repliesFor('es').link('notice')).toBe('Abrir su aviso');
  });

  it('web: the recap is an Adaptive Card whose words are exactly the recap text (the authorization stored), with yes/no buttons', () => {
    const out = renderReply(reply(recap, { card: 'recap', choices: yesNo }), 'web', 'en');
    const card = out.attachments![0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const words = (s: string) => s.replace(/^[•-]\s+/gm, '').replace(/\s+/g, ' ').trim();
    expect(words(cardWords(card))).toBe(words(recap));
    expect(out.text).toBe('');
    expect(out.suggestedActions?.actions.map((a) => a.value)).toEqual(['yes', 'no']);
  });

  it('SMS: the same reply degrades to plain text with numbered choices, in the reply language', () => {
    const en = renderReply(reply('Do you agree?', { choices: yesNo }), 'sms', 'en');
    expect(en).toMatchObject({ text: 'Do you agree?\n1 Yes\n2 No\nReply 1 or 2.' });
    expect(en.suggestedActions).toBeUndefined();
    const es = renderReply(reply('¿Qué desea hacer?', { choices: repliesFor('es').paymentOptions({ settlement: true, plan: true }) }), 'sms', 'es');
    expect(es.text).toBe('¿Qué desea hacer?\n1 Pagar todo\n2 Liquidar\n3 Plan de pagos\n4 Hablar con una persona\nResponda 1, 2, 3 o 4.');
    // A card on SMS is its text.
    expect(renderReply(reply(recap, { card: 'recap' }), 'sms', 'en').text).toBe(recap);
  });

  it('other channels (tests, the emulator) get the text unchanged', () => {
    expect(renderReply(reply('Hi', { choices: yesNo }), 'other', 'en').text).toBe('Hi');
  });

  it('SMS: only a bare number among the choices just offered picks one; anything else is read as written', () => {
    expect(resolveNumberedChoice('2', ['yes', 'no'])).toBe('no');
    expect(resolveNumberedChoice(' 1. ', ['yes', 'no'])).toBe('yes');
    expect(resolveNumberedChoice('3', ['yes', 'no'])).toBeNull();
    expect(resolveNumberedChoice('2 a month', ['yes', 'no'])).toBeNull();
    expect(resolveNumberedChoice('2', undefined)).toBeNull();
  });
});
