import { describe, expect, it } from 'vitest';
import { ANSWER_IDS, ANSWER_TEXTS, answerSet, fillAnswer } from '../../src/answers/answerSet.ts';
import { parseCreditorAnswers } from '../../src/answers/creditorAnswers.ts';
import { matchAnswers } from '../../src/answers/matcher.ts';
import { LANGUAGES } from '../../src/messages/catalogue.ts';

/**
 * The curated answer set (issue #12 items 11-13) as data: every phrasing in the files matches its
 * answer, everyday messages match none, and every answer keeps to Reg F.
 */

describe('the answer files', () => {
  it.each(LANGUAGES)('%s: every answer is there, with the texts the dialogs choose from', (language) => {
    const set = answerSet(language);
    for (const id of ANSWER_IDS) expect(Object.keys(set.get(id)!.texts).sort()).toEqual([...ANSWER_TEXTS[id]].sort());
  });

  const examples = LANGUAGES.flatMap((language) => [...answerSet(language).values()].flatMap((answer) => answer.examples.map((example) => [language, answer.id, example] as const)));
  it.each(examples)('%s %s: "%s"', (_language, id, example) => {
    expect(matchAnswers(example)).toContain(id);
  });

  it.each([
    'hi', 'yes', 'no', 'sí', 'ok thanks', 'A-1001', 'March 14 1985', '30301', 'my zip is 30301', 'I want to pay 50 a month', 'I want to pay it all',
    'pay in full', 'how can I pay?', 'what are my options', 'I want to talk to a real person', 'agent', 'stop contacting me', 'I dispute this',
    'what is my balance', 'why is it so high?', 'I lost my job', 'I have a lawyer', 'my name is Maria Johnson', 'quiero pagar todo', 'hola',
    'cancel plan', 'I don\'t recall owing this, the card was closed years ago', 'how long can the plan be?', '100 every two weeks starting the 15th',
  ])('"%s" is not a question of the answer set', (message) => {
    expect(matchAnswers(message)).toEqual([]);
  });

  it('typos within one letter still match ("lawsiut", "legitamate")', () => {
    expect(matchAnswers('is there a lawsiut?')).toContain('lawsuit');
    expect(matchAnswers('is this legitamate')).toContain('who_we_are');
  });

  it('a message with two questions gets both', () => {
    expect(matchAnswers('can they sue me, and will it hurt my credit?')).toEqual(['credit_report', 'lawsuit']);
  });
});

describe('Reg F wording (1006.6(d), 1006.14, 1006.18, 1006.26)', () => {
  const texts = LANGUAGES.flatMap((language) =>
    [...answerSet(language).values()].flatMap((answer) => Object.entries(answer.texts).map(([key, text]) => ({ language, id: answer.id, key, text, needs: answer.needs }))),
  );

  it.each(texts.map((t) => [t.language, t.id, t.key, t.text] as const))('%s %s.%s: no threat, no pressure, no fee, no promise to remove anything', (_l, _id, _k, text) => {
    expect(text).not.toMatch(/will (sue|take you to court|garnish|report you)|legal action (will|may|could) be|we (can|may|could) sue|arrest|jail|c[aá]rcel|le demandaremos si/i);
    expect(text).not.toMatch(/\btoday\b|deadline|expires?|limited[- ]time|act now|\bhoy\b|fecha l[ií]mite/i);
    expect(text).not.toMatch(/\bfees? (is|are|will be) (added|charged)|convenience fee|cargo por conveniencia/i);
    expect(text).not.toMatch(/(we|will) (remove|delete) (it|this|the account) from your credit|lo (quitaremos|borraremos) de su/i);
  });

  it.each(texts.filter((t) => t.needs === 'none' && t.key !== 'verified').map((t) => [t.language, t.id, t.key, t.text] as const))(
    'DESIGN 1: %s %s.%s is said before verification: nothing about a debt, a creditor or an account',
    (_l, _id, _k, text) => {
      expect(text).not.toMatch(/\bdebts?\b|creditor|\bdeudas?\b|acreedor|\{creditor\}|\{balance\}|\{originalCreditor\}/i);
    },
  );

  it('1006.26: on a time-barred debt, the truth — we will not sue; otherwise no threat and no promise', () => {
    expect(answerSet('en').get('lawsuit')!.texts.timeBarred).toMatch(/we will not sue you/);
    expect(answerSet('es').get('lawsuit')!.texts.timeBarred).toMatch(/no le demandaremos/);
    expect(answerSet('en').get('lawsuit')!.texts.default).toMatch(/nothing in this chat is a threat of legal action/);
    expect(answerSet('en').get('lawsuit')!.texts.default).not.toMatch(/will not sue|won't sue/);
  });

  it('a placeholder without a value is an error, never sent in braces', () => {
    expect(() => fillAnswer('call {collectorPhone}', {})).toThrow(/collectorPhone/);
  });
});

describe("a creditor's own wording", () => {
  it('only answers marked creditor-configurable, in English or Spanish', () => {
    expect(parseCreditorAnswers('{"credit_report":{"en":"We report to Equifax.","es":"Reportamos a Equifax."}}')).toEqual({
      credit_report: { en: 'We report to Equifax.', es: 'Reportamos a Equifax.' },
    });
    expect(parseCreditorAnswers('{}')).toEqual({});
    expect(() => parseCreditorAnswers('{"lawsuit":{"en":"We sue everyone."}}')).toThrow(/not creditor-configurable/);
    expect(() => parseCreditorAnswers('{"credit_report":{"fr":"Bonjour"}}')).toThrow();
    expect(() => parseCreditorAnswers('{"credit_report":{"en":""}}')).toThrow();
  });
});

describe('reminders (review 4): asking for a reminder, not to be reminded of the balance', () => {
  it.each<[string, boolean]>([
    ['will yall text me the day before so i dont forget', true],
    ['do you send a reminder?', true],
    ['remind me what I owe', false],
    ['remind me how much is left', false],
  ])('"%s" → reminders: %s', (text, expected) => {
    expect(matchAnswers(text).includes('reminders')).toBe(expected);
  });
});
