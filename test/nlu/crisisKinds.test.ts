/**
 * DESIGN 8, issue #11 item 2: the kinds of crisis wording that blind round 02 found missing on first
 * sight, each said in new words (none of these rows is in a training file, a dev batch or a blind
 * batch). A missed suicidal message is the worst failure this product can have: each kind must be
 * read as 'crisis' (988 + priority handoff), or at least the check-in where the kind is a weaker
 * sign; the figures of speech beside them must stay ordinary.
 */
import { describe, expect, it } from 'vitest';
import { DeterministicRecognizer } from '../../src/nlu/deterministicRecognizer.ts';

const recognizer = new DeterministicRecognizer();
const read = (text: string, language: 'en' | 'es') => recognizer.recognizeSync(text, { language });

const STRONG_KINDS: Record<string, Array<[string, 'en' | 'es']>> = {
  'a means at hand, with time alone or at the last straw': [
    ["there's a shotgun in the hall closet and my wife is away till tuesday", 'en'],
    ['I own a pistol and this letter is the final straw', 'en'],
    ["gonna empty the whole bottle of my dad's pain pills", 'en'],
    ['hay una escopeta en el cuarto y estoy sola toda la semana', 'es'],
    ['me voy a tomar el bote entero de pastillas', 'es'],
  ],
  'easier or better to die': [
    ["honestly it'd be simpler to just be dead", 'en'],
    ['death would be the easier way out of all this', 'en'],
    ['mejor me muero, así se acaba la deuda', 'es'],
    ['preferiría morirme que deberles', 'es'],
  ],
  'tired of living': [
    ["I'm worn out, tired of living, tired of everything", 'en'],
    ["I'm sick of being alive", 'en'],
    ['estoy cansada de vivir', 'es'],
    ['ya estoy harto de la vida, de verdad', 'es'],
  ],
  'someone else at risk': [
    ["my husband says he's going to kill himself if they garnish his wages", 'en'],
    ['my mom keeps saying she wants to die over this medical bill', 'en'],
    ['my son left a goodbye post on instagram and is not answering his phone', 'en'],
    ['mi hermana dice que se va a matar por esta deuda', 'es'],
    ['mi papá se quiere morir por lo del embargo', 'es'],
  ],
  'a goodbye, a set day, everything arranged': [
    ['this is my goodbye, thank you for your patience', 'en'],
    ["Thursday is the day. Don't call after that.", 'en'],
    ["I've put everything in order. I won't be needing any of this much longer.", 'en'],
    ['les escribo para despedirme, esta es mi despedida', 'es'],
    ['el domingo se acaba todo para mí', 'es'],
  ],
  'going away for good, leaving this world': [
    ["I think it's time I went away for good", 'en'],
    ["I'm ready to leave this world", 'en'],
    ['me voy a ir para siempre y ya no les voy a deber', 'es'],
  ],
  'stopping treatment, not caring what happens': [
    ["I quit my insulin. I don't care what happens to me anymore", 'en'],
    ["honestly I don't care if I wake up tomorrow", 'en'],
    ['dejé de tomar mis pastillas del corazón, ya no me importa lo que me pase', 'es'],
    ['no me importa si me muero', 'es'],
  ],
};

const WEAK_KINDS: Array<[string, 'en' | 'es']> = [
  ['if I just disappeared would the debt go away', 'en'],
  ["I can't keep fighting", 'en'],
  ['there is no future for me', 'en'],
  ["I stopped taking my meds, can't afford them", 'en'],
  ['si desaparezco ya no les debo?', 'es'],
  ['ya no tengo futuro', 'es'],
];

/** Figures of speech and ordinary messages beside those kinds: no crisis, no check-in. */
const ORDINARY: Array<[string, 'en' | 'es']> = [
  ['this bill is killing me lol', 'en'],
  ["I sold my gun to make this month's payment", 'en'],
  ["heading to the gun range after work, I'll pay tomorrow", 'en'],
  ['we could sell a couple of rifles from the collection to cover this', 'en'],
  ['I brought a bottle of water to the branch, can I pay there', 'en'],
  ['friday is the day I get paid, I will pay then', 'en'],
  ["I'm checking out the payment page now", 'en'],
  ["goodbye for now, I'll come back after payday", 'en'],
  ["I made peace with the fact that I owe this, let's set up a plan", 'en'],
  ['this chat is dead slow lol, but yes', 'en'],
  ['estoy muerta de cansancio, luego pago', 'es'],
  ['ni muerto dejo de pagar', 'es'],
  ['el viernes es el día de pago, ahí les deposito', 'es'],
];

describe('crisis kinds round 02 missed (DESIGN 8)', () => {
  for (const [kind, rows] of Object.entries(STRONG_KINDS)) {
    it.each(rows)(`${kind}: %j is crisis`, (text, language) => {
      expect(read(text, language).intent).toBe('crisis');
    });
  }
  it.each(WEAK_KINDS)('%j is at least the check-in', (text, language) => {
    expect(['crisis', 'distress']).toContain(read(text, language).intent);
  });
  it.each(ORDINARY)('%j is neither crisis nor the check-in', (text, language) => {
    const { intents } = read(text, language);
    expect(intents).not.toContain('crisis');
    expect(intents).not.toContain('distress');
  });
});
