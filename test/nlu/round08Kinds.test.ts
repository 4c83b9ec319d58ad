import { describe, expect, it } from 'vitest';
import { crisisSign, withoutIdioms } from '../../src/nlu/crisis.ts';
import { normalizeText, recognizeSync } from '../../src/nlu/deterministicRecognizer.ts';
import { extractName } from '../../src/nlu/entities/names.ts';

/**
 * Blind round 08 (test/nlu/blind/round-08) and review 8: what they showed the recognizer missing on
 * first sight, in their own words.
 */
const read = (text: string, language: 'en' | 'es' = 'en') => recognizeSync(text, { language });
const sign = (text: string) => crisisSign(withoutIdioms(normalizeText(text)));

describe('crisis: a way already decided (blind round 08)', () => {
  it.each(['no pienso llegar a fin de mes, ya decidi como hacerlo', 'ya se como lo voy a hacer, no me busquen', 'i already decided how i am going to do it'])('"%s" is a strong sign', (text) => {
    expect(sign(text)).toBe('strong');
  });

  it.each(['no voy a llegar a fin de mes con estos pagos', 'ya decidi como pagar, 200 al mes'])('"%s" is money talk, no crisis', (text) => {
    expect(sign(text)).toBeUndefined();
  });
});

describe('military service said in Spanish with English words, or for a son at sea whose account it is (blind round 08)', () => {
  it.each(['estoy en el army, me toca base en alemania todo el año', 'mi hijo esta en la marina y anda embarcado, esta cuenta es de el'])('"%s" → military', (text) => {
    expect(read(text, 'es').intents).toContain('military');
  });

  it('a cousin in the army with no link to the account is not', () => {
    expect(read('mi primo esta en el ejercito', 'es').intents).not.toContain('military');
  });
});

describe('Spanish "contestar" is to answer, not to contest (review 8, 04)', () => {
  it('"antes de contestar, ¿cuáles son mis derechos?" asks for the rights and disputes nothing', () => {
    const { intents } = read('antes de contestar, ¿cuáles son mis derechos?', 'es');
    expect(intents).toContain('rights');
    expect(intents).not.toContain('dispute');
  });

  it('"i want to contest this debt" still disputes it', () => {
    expect(read('i want to contest this debt').intents).toContain('dispute');
  });
});

describe('an amount after "un solo pago de" or "liquidar con" is money, a date or year after "el pago de" is not (review 8, 12)', () => {
  it.each<[string, number[]]>([
    ['quiero liquidar con un solo pago de 3000, se puede?', [300000]],
    ['liquidar con 3000', [300000]],
    ['hice un pago de 300 en marzo', [30000]],
    ['mi ultimo pago de 2019 fue en efectivo', []],
  ])('"%s" → %j', (text, amounts) => {
    expect(read(text, 'es').entities.money.map((m) => m.amount)).toEqual(amounts);
  });
});

describe('keyboard mash is no name (review 8, 09)', () => {
  it.each(['asdfgh jkl', 'qwerty uiop', 'zxcvbn mnb'])('"%s" → no name', (text) => {
    expect(extractName(text, { expected: true })).toBeUndefined();
  });

  it.each(['Wei Ng', 'Brandt Schmidt', 'Lynn Wynn', 'Maria Johnson'])('"%s" is still a name', (text) => {
    expect(extractName(text, { expected: true })?.name).toBe(text);
  });
});
