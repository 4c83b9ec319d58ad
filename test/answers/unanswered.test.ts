import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUnanswered, phraseOf, unansweredPhrases } from '../../src/answers/unanswered.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

/** Issue #12 item 14: what the bot did not understand, counted per phrase for the agency's report. */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('the phrase counted', () => {
  it.each([
    ['Can I pay with Zelle?', 'can i pay with zelle'],
    ['I owe $1,085.00??', 'i owe # ### ##'],
    ['my dob is March 14 1985', 'my dob is ##### ## ####'],
    ['my card 4242 4242 4242 4242 was declined', 'my card card number removed was declined'],
    ['¿Aceptan PayPal?', 'aceptan paypal'],
  ])('"%s" → "%s": folded, digits and identity factors never kept', (text, phrase) => {
    expect(phraseOf(text)).toBe(phrase);
  });
});

describe('the report', () => {
  it('counts per phrase and language over a period, most frequent first', async () => {
    const db = database.db;
    await countUnanswered(db, { text: 'Can I pay with Zelle?', language: 'en', now: new Date('2026-11-20T10:00:00Z') });
    await countUnanswered(db, { text: 'can i pay with zelle', language: 'en', now: new Date('2026-11-21T10:00:00Z') });
    await countUnanswered(db, { text: 'CAN I PAY WITH ZELLE', language: 'en', now: new Date('2026-11-22T10:00:00Z') });
    await countUnanswered(db, { text: 'do you take bitcoin', language: 'en', now: new Date('2026-11-22T11:00:00Z') });
    await countUnanswered(db, { text: '¿Aceptan PayPal?', language: 'es', now: new Date('2026-11-22T12:00:00Z') });
    await countUnanswered(db, { text: 'what about cash', language: 'en', now: new Date('2026-12-02T12:00:00Z') });

    const november = await unansweredPhrases(db, { from: '2026-11-01', to: '2026-11-30' });
    expect(november).toEqual([
      { phrase: 'can i pay with zelle', language: 'en', count: 3, lastSeenAt: new Date('2026-11-22T10:00:00Z') },
      { phrase: 'aceptan paypal', language: 'es', count: 1, lastSeenAt: new Date('2026-11-22T12:00:00Z') },
      { phrase: 'do you take bitcoin', language: 'en', count: 1, lastSeenAt: new Date('2026-11-22T11:00:00Z') },
    ]);
    expect(await unansweredPhrases(db, { from: '2026-11-21', to: '2026-11-21' })).toEqual([
      { phrase: 'can i pay with zelle', language: 'en', count: 1, lastSeenAt: new Date('2026-11-21T10:00:00Z') },
    ]);
    expect(await unansweredPhrases(db, { from: '2026-11-01', to: '2026-12-31', limit: 1 })).toHaveLength(1);
  });
});
