/**
 * DESIGN 8, issue #11 item 2: crisis errs on the side of the person. Strong signs — said outright,
 * means, a plan or a date, not being around, farewells, others better off — are 'crisis' (988 and
 * a priority handoff); weaker ones — hopelessness without any of those — are 'distress' (a gentle
 * check-in, never collection talk); figures of speech are neither. English and Spanish.
 *
 * None of these rows is in a training file.
 */
import { describe, expect, it } from 'vitest';
import { crisisSign, withoutIdioms } from '../../src/nlu/crisis.ts';
import { DeterministicRecognizer } from '../../src/nlu/deterministicRecognizer.ts';
import { normalizeText } from '../../src/nlu/text/normalize.ts';

const recognizer = new DeterministicRecognizer();
const intentOf = (text: string, language: 'en' | 'es' = 'en') => recognizer.recognizeSync(text, { language }).intent;

const STRONG: Array<[string, 'en' | 'es']> = [
  ['I think about killing myself every night', 'en'],
  ['there are thirty pills on my nightstand and I have counted them twice', 'en'],
  ['I swallowed a handful of my sleeping pills before I started typing', 'en'],
  ['my brother keeps a rifle in the basement, I loaded it this morning', 'en'],
  ["I'm parked on top of the overpass right now", 'en'],
  ['friday is the day, I have it all planned out', 'en'],
  ["you won't have to chase me for this after the weekend", 'en'],
  ["don't bother with a plan, I won't be around long enough to pay it", 'en'],
  ['my wife gets the life insurance and that covers everything', 'en'],
  ['this is the last message I will send anyone', 'en'],
  ['I left a note for my son on the kitchen table', 'en'],
  ['I gave my cat to my neighbor so she is looked after', 'en'],
  ["I'm going to end it tonight, sorry", 'en'],
  ['everyone would be better off if I were gone', 'en'],
  ['me quiero quitar la vida', 'es'],
  ['ya tengo las pastillas juntas en la mesa', 'es'],
  ['ya le escribí una carta de despedida a mi hija', 'es'],
  ['cuando ya no esté, díganle a mi mamá que la quiero', 'es'],
  ['no quiero seguir en este mundo, ya lo tengo decidido', 'es'],
  ['mis hijos estarían mejor sin mí', 'es'],
];

const WEAK: Array<[string, 'en' | 'es']> = [
  ["I can't keep going like this", 'en'],
  ["I just can't take any more of this", 'en'],
  ["honestly what's the point of any of it", 'en'],
  ["I feel like I'm nothing but a burden", 'en'],
  ["there's no way out for me", 'en'],
  ['ya no puedo más con todo esto', 'es'],
  ['no le veo salida a nada', 'es'],
  ['estoy harta de todo, ya me rendí', 'es'],
];

const NEITHER: Array<[string, 'en' | 'es']> = [
  ["I'm dying to get this paid off", 'en'],
  ['this interest is killing me lol', 'en'],
  ["I'd kill for a lower payment", 'en'],
  ['I was dead asleep when you texted', 'en'],
  ["I'm going to pay the rest on Friday", 'en'],
  ["I won't be home on Friday, can I pay Monday", 'en'],
  ['what is the point of this fee', 'en'],
  ['my pharmacy bill for my pills is huge this month', 'en'],
  ['is it going to rain today', 'en'],
  ["I'd rather pay online", 'en'],
  ['take the whole amount off my card', 'en'],
  ['me muero de ganas de terminar de pagar', 'es'],
  ['estoy muerta de cansancio, mañana pago', 'es'],
  ['ya me voy a dormir, mañana le pago', 'es'],
];

describe('DESIGN 8: crisis signs', () => {
  it.each(STRONG)('strong: %j is crisis', (text, language) => {
    expect(intentOf(text, language)).toBe('crisis');
  });
  it.each(WEAK)('weaker: %j is a check-in (distress) or crisis, never anything else', (text, language) => {
    expect(['distress', 'crisis']).toContain(intentOf(text, language));
  });
  it.each(NEITHER)('figure of speech or ordinary: %j is neither', (text, language) => {
    const { intents } = recognizer.recognizeSync(text, { language });
    expect(intents).not.toContain('crisis');
    expect(intents).not.toContain('distress');
  });
  it('the weaker lexicon alone says check-in, not 988', () => {
    expect(crisisSign(withoutIdioms(normalizeText("I can't go on like this")))).toBe('weak');
    expect(crisisSign(withoutIdioms(normalizeText('I have the pills counted out on the table')))).toBe('strong');
    expect(crisisSign(withoutIdioms(normalizeText("I'm dying to pay this off")))).toBeUndefined();
  });
  it('a crisis wins over every other intent in the same message', () => {
    const r = recognizer.recognizeSync("stop texting me, I'm done with life, my lawyer can have it", { language: 'en' });
    expect(r.intent).toBe('crisis');
    expect(r.intents).toEqual(expect.arrayContaining(['crisis', 'cease', 'attorney']));
  });
  it('verification facts never hide a crisis', () => {
    expect(intentOf('Feeling Suicidal Tonight')).toBe('crisis');
    expect(intentOf('Maria Johnson 3/14/1985, i want to kill myself')).toBe('crisis');
  });
});
