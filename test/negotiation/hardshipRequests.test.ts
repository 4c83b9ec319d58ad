import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/negotiation.ts';
import { hardshipRequest } from '../../src/negotiation/hardshipRequests.ts';
import { parseOfferMessage } from '../../src/negotiation/offerParser.ts';
import { recognizeSync } from '../../src/nlu/deterministicRecognizer.ts';

/**
 * What a debtor in hardship asks for besides an offer (DESIGN 8, review C33, C04): a pause, or not
 * being able to pay even the smallest plan — unless the same message makes an offer of its own or
 * asks for the options. Read with the deterministic recognizer and the offer parser, as the dialog does.
 */
function read(text: string, language: 'en' | 'es' = 'en'): ReturnType<typeof hardshipRequest> {
  const recognition = recognizeSync(text, { language });
  const { offer } = parseOfferMessage(text, recognition, { today: '2026-11-23' });
  return hardshipRequest(text, recognition, offer as Offer | null);
}

describe('hardshipRequest', () => {
  it.each<[string, 'en' | 'es', ReturnType<typeof hardshipRequest>]>([
    ['can you just put it on hold for a couple months', 'en', 'pause'],
    ['can you pause my payments', 'en', 'pause'],
    ['I need more time', 'en', 'pause'],
    ['¿pueden ponerlo en pausa un par de meses?', 'es', 'pause'],
    ['I really cant even do 10 right now', 'en', 'cannot_pay'],
    ["I can't pay anything right now", 'en', 'cannot_pay'],
    ["I can't afford that", 'en', 'cannot_pay'],
    ['de verdad no puedo ni 10 ahora', 'es', 'cannot_pay'],
    ['no puedo pagar nada', 'es', 'cannot_pay'],
    // An offer of its own is judged as an offer; a question about the options gets the options.
    ["i cant pay $400 right now, could I do $20 a month until I find work", 'en', null],
    ['no puedo pagar $400 ahora, ¿podría pagar $20 al mes?', 'es', null],
    ['can you put it on hold and then I pay 50 a month', 'en', null],
    ['I lost my job and I cant pay anything. what are my options', 'en', null],
    ['I can do 50 a month', 'en', null],
    ['what is the balance', 'en', null],
  ])('"%s" → %s', (text, language, request) => {
    expect(read(text, language)).toBe(request);
  });

  it('"can\'t even do 10": the 10 is not an offer', () => {
    const text = 'I really cant even do 10 right now';
    expect(parseOfferMessage(text, recognizeSync(text, { language: 'en' }), { today: '2026-11-23' }).offer).toBeNull();
  });
});
