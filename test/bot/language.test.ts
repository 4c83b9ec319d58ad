import { describe, expect, it } from 'vitest';
import { writtenLanguage } from '../../src/bot/language.ts';

/** The language a debtor writes in (#19 item 5): clear Spanish or clear English, otherwise nothing. */
describe('writtenLanguage', () => {
  it.each([
    ['hola', 'es'],
    ['quiero pagar mi deuda', 'es'],
    ['¿cuánto debo?', 'es'],
    ['14 de marzo de 1985', 'es'],
    ['mi fecha es November 2 1979', 'es'],
    ['Hi, I want to pay this off in full', 'en'],
    ['how much do I owe on this account', 'en'],
    ['A-1001', null],
    ['ok', null],
    ['yes', null],
    ['sí', null],
    ['Maria Johnson', null],
    ['30301', null],
    ['November 2 1979', null],
    ['thanks', null],
  ] as const)('"%s" → %s', (text, language) => {
    expect(writtenLanguage(text)).toBe(language);
  });
});
