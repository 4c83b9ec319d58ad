/**
 * Issue #19 item 6: short answers are understood — one-letter SMS answers, "si" without its
 * accent, and a no that says more ("no, just mail it to me").
 */
import { describe, expect, it } from 'vitest';
import { DeterministicRecognizer } from '../../src/nlu/deterministicRecognizer.ts';

const recognizer = new DeterministicRecognizer();
const read = (text: string, language: 'en' | 'es') => recognizer.recognizeSync(text, { language });

describe('issue #19 item 6: short answers', () => {
  it.each([
    ['Y', 'en', 'affirm'],
    ['y', 'es', 'affirm'],
    ['Y.', 'en', 'affirm'],
    ['N', 'en', 'deny'],
    ['n', 'es', 'deny'],
    ['S', 'es', 'affirm'],
    ['s', 'es', 'affirm'],
    ['si', 'es', 'affirm'],
    ['sí', 'es', 'affirm'],
    ['Si', 'en', 'affirm'],
  ] as const)('%j (%s) is %s', (text, language, intent) => {
    expect(read(text, language).intent).toBe(intent);
  });
  it('"S" is a yes only in Spanish', () => {
    expect(read('S', 'en').intent).toBe('unknown');
  });
  it.each([
    ['no, just mail it to me', 'en'],
    ['no. mail it please', 'en'],
    ['no, mándemelo por correo', 'es'],
  ] as const)('%j holds a no, and no right', (text, language) => {
    const r = read(text, language);
    expect(r.intents).toContain('deny');
    expect(r.intents).not.toContain('affirm');
    expect(r.intents).not.toContain('cease');
  });
});
