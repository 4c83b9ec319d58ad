import { describe, expect, it } from 'vitest';
import { crisisSign, withoutIdioms } from '../../src/nlu/crisis.ts';
import { normalizeText, recognizeSync } from '../../src/nlu/deterministicRecognizer.ts';

/**
 * Blind round 07 (test/nlu/blind/round-07): what it showed the recognizer missing on first sight,
 * in the batch's own words — crisis signs said indirectly, a fright that is no death, questions
 * after paying that are no dispute, a question about disputing that is the rights, "abonado"
 * (paid toward) that is no "abogado".
 */
const read = (text: string, language: 'en' | 'es' = 'en') => recognizeSync(text, { language });
const sign = (text: string) => crisisSign(withoutIdioms(normalizeText(text)));

describe('crisis signs in words the lists did not have (blind round 07)', () => {
  it.each<[string, 'strong' | 'weak']>([
    ['estoy en el puente ahorita, no me marquen', 'strong'],
    ['nothing i do matters, ill never get out from under this. never', 'weak'],
    ['i cry every night over this and theres nobody i can talk to', 'weak'],
    ['im completely broken. lost my job, lost my apartment, and now this on top', 'weak'],
    ['para que sigo intentando si nunca voy a salir de deudas', 'weak'],
    ['me siento un fracaso, mis hijos merecen algo mejor que yo', 'weak'],
    ['ando bien deprimido, ya ni ganas de levantarme tengo', 'weak'],
  ])('"%s" → %s', (text, expected) => {
    expect(sign(text)).toBe(expected);
  });

  it.each(['lol i nearly died when i opened that letter. what do i actually owe rn', 'my phone screen is broken can u resend the link'])('"%s" is no crisis and no death', (text) => {
    expect(sign(text)).toBeUndefined();
    expect(read(text).intents).not.toContain('deceased');
  });
});

describe('no dispute in a question after paying or about disputing (blind round 07)', () => {
  it.each<[string, 'en' | 'es']>([
    ['i paid it off last week, when will it show as paid on my credit report', 'en'],
    ['ya lo pague, cuando lo quitan de mi buro de credito', 'es'],
    ['ya pague 200 la semana pasada, me confirman si les llego?', 'es'],
    ['thx, got the receipt', 'en'],
    ['ya quedo en cero?', 'es'],
    ['is this past the statute of limitations or not', 'en'],
    ['esto ya prescribio o todavia me pueden cobrar?', 'es'],
  ])('"%s"', (text, language) => {
    expect(read(text, language).intents).not.toContain('dispute');
  });

  it('"what happens if i dispute this" is the rights', () => {
    expect(read('what happens if i dispute this').intent).toBe('rights');
  });

  it.each(['i paid this already why are you texting me', 'this is past the statute of limitations, i dont owe it'])('a claim stays a dispute: "%s"', (text) => {
    expect(read(text).intents).toContain('dispute');
  });
});

describe('"abonado" (paid toward) is no "abogado" (blind round 07)', () => {
  it('"ya habia abonado 300 y no aparecen, el saldo esta mal" is a dispute, no attorney', () => {
    const recognition = read('ya habia abonado 300 y no aparecen, el saldo esta mal', 'es');
    expect(recognition.intents).not.toContain('attorney');
    expect(recognition.intents).toContain('dispute');
  });
  it('a misspelt "abogdo" is still an attorney', () => {
    expect(read('ya tengo abogdo', 'es').intents).toContain('attorney');
  });
});
