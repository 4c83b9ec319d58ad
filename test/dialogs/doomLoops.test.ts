import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified, type TestConversation } from '../helpers/conversation.ts';

/**
 * Issue #12 item 7, fresh-eyes review C08 and C08b (DESIGN 16, the CFPB's 2023 spotlight on doom
 * loops): a debtor the bot keeps not understanding is never sent the same prompt twice in a row,
 * nor round and round the same two messages; every second turn it did not understand offers the
 * main choices — as buttons on the web, numbered by SMS — and a person; a question answered before
 * is answered again. Fresh database with the demo debtors per test.
 */

const bot = freshBotForEachTest();

interface Turn {
  text: string;
  buttons: string[];
}

/** Plays messages on Web Chat's channel and keeps, per turn, the last message and its buttons. */
async function webTurns(conversation: TestConversation, messages: string[]): Promise<Turn[]> {
  const turns: Turn[] = [];
  for (const message of messages) {
    const activities = await conversation.sayActivities(message);
    const last = activities[activities.length - 1] as Partial<Activity>;
    turns.push({ text: last.text ?? '', buttons: (last.suggestedActions?.actions ?? []).map((a) => String(a.title)) });
  }
  return turns;
}

describe('C08: five messages in a row the bot does not understand, after verification', () => {
  const CONFUSED = ['idk what any of this means tbh', 'huh', 'ugh this is so confusing', '??', 'what'];

  it('web: never the same prompt twice in a row, nor the same two in turn; every second turn the main choices as buttons and a person', async () => {
    const conversation = bot().conversation({ channelId: 'webchat' });
    await verified(conversation, 'A-1001 March 14 1985 30301');
    const turns = await webTurns(conversation, CONFUSED);
    for (let i = 1; i < turns.length; i++) expect(turns[i]!.text, `turn ${i + 1} repeats turn ${i}`).not.toBe(turns[i - 1]!.text);
    // Not round and round two messages: the first four are four different messages.
    expect(new Set(turns.slice(0, 4).map((t) => t.text)).size).toBe(4);
    for (const stuck of [turns[1]!, turns[3]!]) {
      expect(stuck.text).toMatch(/agent/);
      expect(stuck.buttons).toEqual(['My balance', 'Why this amount', 'My rights', 'Payment options', 'Dispute it', 'Talk to a person']);
    }
    // The turns between still offer the choices as buttons with the question.
    expect(turns[2]!.buttons).toContain('Talk to a person');
  });

  it('SMS in Spanish: the main choices numbered, the person among them, and other words each time', async () => {
    const sms = smsFrom(bot(), '+12105550134', 'es-US');
    await verified(sms, 'nací el 2 de noviembre de 1979, código postal 78201');
    const transcript = await play(sms, [
      { says: 'bla', must: ['Perdone, no le entendí'] },
      { says: 'bla bla', must: ['no le estoy entendiendo', 'Hablar con una persona', /Responda 1, 2, 3, 4, 5 o 6\./] },
      { says: 'eh?', must: ['Disculpe, no entendí eso'], mustNot: ['Perdone, no le entendí'] },
      { says: 'mmm', must: ['sigo sin entenderle', 'Hablar con una persona', /Responda 1, 2, 3, 4, 5 o 6\./], mustNot: ['no le estoy entendiendo'] },
      { says: '6', must: ['He pedido que una persona le atienda'] },
    ]);
    expect(transcript).toHaveLength(5);
  });
});

describe('C08b: not understood before verification', () => {
  it('web: "I don\'t have the letter anymore" is answered; the choices (who we are, a person) come as buttons; no message twice', async () => {
    const conversation = bot().conversation({ channelId: 'webchat' });
    const turns = await webTurns(conversation, ['??', 'i dont have the letter anymore', 'idk', 'what do u need', 'ugh', 'hmm']);
    expect(turns[1]!.text).toMatch(/you do not need the letter\. Your first and last name will do/);
    expect(turns[1]!.text).not.toMatch(/as soon as I have confirmed who you are/);
    for (let i = 1; i < turns.length; i++) expect(turns[i]!.text, `turn ${i + 1} repeats turn ${i}`).not.toBe(turns[i - 1]!.text);
    // "idk" then "what do u need": the second misunderstanding in a row — the choices and a person, as buttons.
    expect(turns[3]!.text).toMatch(/agent/);
    expect(turns[3]!.buttons).toEqual(['Who you are', 'Talk to a person']);
    expect(turns[5]!.text).toMatch(/still not getting it/);
    expect(turns[5]!.buttons).toEqual(['Who you are', 'Talk to a person']);
    expect(turns[5]!.text).not.toBe(turns[3]!.text);
  });

  it('Spanish: "ya no tengo la carta" — no hace falta, basta con el nombre', async () => {
    await play(bot().conversation({ locale: 'es-US' }), [
      { says: 'hola', must: ['nombre completo'] },
      { says: 'ya no tengo la carta', must: ['no necesita la carta'], mustNot: ['en cuanto haya confirmado'] },
      { says: 'Carlos Ramírez', must: ['fecha de nacimiento'] },
    ]);
  });

  it('SMS: the "Who you are" choice by its number answers who we are', async () => {
    const sms = smsFrom(bot(), '+13125550100');
    await play(sms, [
      { says: 'hmm', must: [/date of birth/i] },
      { says: 'ugh', must: ['did not understand'] },
      { says: '??', must: ['not understanding you', '1 Who you are', '2 Talk to a person'] },
      { says: '1', must: ['It is right to be careful'] },
    ]);
  });
});

describe('a question answered before is answered again, never word for word the message before', () => {
  it('web: the balance asked twice, thanks twice — answered each time, in other words the second time', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'how much do I owe', must: ['current balance of $1,085.00'] },
      { says: 'how much do I owe?', must: ['As I said', 'current balance of $1,085.00'], mustNot: ['did not understand'] },
      { says: 'thanks', must: ['You are welcome'] },
      { says: 'thank you', must: ['As I said', 'You are welcome'] },
    ]);
  });

  it('Spanish: "¿cuánto debo?" dos veces', async () => {
    const conversation = bot().conversation({ locale: 'es-US' });
    await verified(conversation, 'A-1002 2 de noviembre de 1979 78201');
    await play(conversation, [
      { says: '¿cuánto debo?', must: ['$3,518.15'] },
      { says: '¿cuánto debo?', must: ['Como le decía', '$3,518.15'] },
    ]);
  });
});
