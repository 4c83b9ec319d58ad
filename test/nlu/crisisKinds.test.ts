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

/** The kinds blind round 03 missed on first sight, in new words (none of these rows is in a training file or batch). */
const STRONG_KINDS_03: Record<string, Array<[string, 'en' | 'es']>> = {
  'a weapon held or at hand right now': [
    ["I've got my husband's pistol in my lap as I type this", 'en'],
    ['the rifle is right here next to me', 'en'],
    ['holding a loaded gun right now', 'en'],
    ['tengo el revólver de mi papá aquí conmigo ahora mismo', 'es'],
    ['tengo el arma en la mano ahorita', 'es'],
  ],
  'driving off a bridge, into a wall or a tree': [
    ['I could just steer into a tree on the highway', 'en'],
    ['thinking of driving my truck into a wall tonight', 'en'],
    ['voy a estrellar el carro contra un muro', 'es'],
  ],
  'a question about a death, asked for oneself': [
    ['if someone took their own life would the debt go away? asking for myself', 'en'],
    ["what happens to this account if I die? I'm asking about me", 'en'],
    ['si una persona se quita la vida, ¿la deuda se cobra? pregunto por mí', 'es'],
    ['qué pasa con la deuda si me muero? pregunto por mí', 'es'],
  ],
  'stopping treatment as a way out of paying': [
    ["I'll just stop taking my heart meds, costs less than paying you", 'en'],
    ['voy a dejar la insulina, sale más barato que pagarles', 'es'],
  ],
  'worth more dead or insured': [
    ['valgo más muerto que vivo', 'es'],
    ['mi seguro de vida vale más que yo', 'es'],
  ],
};

const WEAK_KINDS_03: Array<[string, 'en' | 'es']> = [
  ['I have never been this low', 'en'],
  ['never felt so low before', 'en'],
  ['nunca me había sentido tan mal, tan hundida', 'es'],
];

const ORDINARY_03: Array<[string, 'en' | 'es']> = [
  ['I drive over the bridge to work every day, can I pay at the branch', 'en'],
  ["I'm holding the letter right now, what's the reference number?", 'en'],
  ['my gun permit renewal is due, can I pay next week', 'en'],
  ['mi laptop pasó a mejor vida, les escribo desde otra', 'es'],
  ['ya pasó a mejor vida mi teléfono viejo, anoten este número', 'es'],
  ['paycheck to paycheck, nothing left at the end of the month', 'en'],
];

describe('crisis kinds round 03 missed (DESIGN 8)', () => {
  for (const [kind, rows] of Object.entries(STRONG_KINDS_03)) {
    it.each(rows)(`${kind}: %j is crisis`, (text, language) => {
      expect(read(text, language).intent).toBe('crisis');
    });
  }
  it.each(WEAK_KINDS_03)('%j is at least the check-in', (text, language) => {
    expect(['crisis', 'distress']).toContain(read(text, language).intent);
  });
  it.each(ORDINARY_03)('%j is neither crisis nor the check-in', (text, language) => {
    const { intents } = read(text, language);
    expect(intents).not.toContain('crisis');
    expect(intents).not.toContain('distress');
  });
  it('"paycheck to paycheck, nothing left over" is hardship, not crisis', () => {
    expect(read('living paycheck to paycheck, there is nothing left over after rent', 'en').intents).toContain('hardship');
  });
});
