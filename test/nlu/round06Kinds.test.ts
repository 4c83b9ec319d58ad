import { describe, expect, it } from 'vitest';
import { recognizeSync } from '../../src/nlu/deterministicRecognizer.ts';
import { isHedgedDoubt } from '../../src/nlu/disputeHedge.ts';

/**
 * Blind round 06 (test/nlu/blind/round-06) and the round-4 review: a debtor who says they never
 * claimed the debt was not theirs, or asks why a dispute was opened, raises no dispute; a hedged
 * doubt or a dispute only the model saw is asked about (isHedgedDoubt), a plain one is not.
 */
const read = (text: string, language: 'en' | 'es' = 'en') => recognizeSync(text, { language });

describe('no dispute in words that deny disputing (blind round 06)', () => {
  it.each<[string, 'en' | 'es']>([
    ['no no i never said it wasnt mine', 'en'],
    ['why does it say dispute opened?? i didnt ask for that', 'en'],
    ['nunca dije que no era mía la deuda', 'es'],
    ['porq dice disputa? yo no puse ninguna', 'es'],
    ["what dispute?? i'm not disputing anything", 'en'],
    ['cual disputa?? no estoy disputando nada', 'es'],
    ['if I make a payment does it restart the statute of limitations', 'en'],
  ])('"%s"', (text, language) => {
    expect(read(text, language).intents).not.toContain('dispute');
  });
});

describe('which doubts are asked about before anything is recorded', () => {
  it.each<[string, 'en' | 'es', boolean]>([
    ['why is it this high? i thought my insurance covered most of it', 'en', true],
    ['creo que el seguro pagaba eso', 'es', true],
    ['not sure this is mine', 'en', true],
    ['this is not mine', 'en', false],
    ['I never had an account with them', 'en', false],
  ])('"%s" → asked: %s', (text, language, asked) => {
    expect(isHedgedDoubt(text, read(text, language))).toBe(asked);
  });
});

describe('"by accident" is no hardship (review 4, D12)', () => {
  it.each<[string, boolean]>([
    ['wait sorry i hit that by accident. i actually want to pay the 525', false],
    ['i was in a car accident and cant work', true],
    ['i had an accident at work', true],
  ])('"%s" → hardship: %s', (text, hardship) => {
    expect(read(text).intents.includes('hardship')).toBe(hardship);
  });
});

describe('a year said as a year is no SSN (review 4, D21)', () => {
  it('"… 33101. This is an old account from like 2015" reads no SSN last 4; "3/14/1985 and 1234" still does', () => {
    expect(read('Robert Williams 5/30/1958 33101. This is an old account from like 2015, can you even take me to court over it at this point?').entities.ssnLast4).toBeUndefined();
    expect(read('3/14/1985 and 1234').entities.ssnLast4).toBe('1234');
  });
});
