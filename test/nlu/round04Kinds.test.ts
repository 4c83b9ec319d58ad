/**
 * DESIGN 4-8, issue #11 items 1-3, issue #19 items 2-3: the kinds of wording blind round 04 found
 * missing on first sight, and the kinds of ordinary messages it read as rights, each said in new
 * words (none of these rows is in a training file, a dev batch or a blind batch, except the brief's
 * own example and the earlier rounds' ceases, marked). Each block names the behaviour of the
 * round-04 brief it holds.
 */
import { describe, expect, it } from 'vitest';
import { DeterministicRecognizer } from '../../src/nlu/deterministicRecognizer.ts';
import { isRightsIntent, type Intent } from '../../src/nlu/recognizer.ts';

const recognizer = new DeterministicRecognizer();
const read = (text: string, language: 'en' | 'es') => recognizer.recognizeSync(text, { language });
const rightsIn = (text: string, language: 'en' | 'es') => read(text, language).intents.filter(isRightsIntent);

describe('behaviour 3: a money offer to make the debt go away is never crisis (DESIGN 8)', () => {
  it.each<[string, 'en' | 'es']>([
    ['i can send 300 today if that makes this whole thing go away', 'en'],
    ['would half make the debt disappear?', 'en'],
    ['take 1,000 cash and make it all go away', 'en'],
    ['les doy 500 hoy para que desaparezca la deuda', 'es'],
    ['le pago la mitad ahorita para que se acabe esto', 'es'],
  ])('%j raises neither crisis nor a check-in', (text, language) => {
    const { intents } = read(text, language);
    expect(intents).not.toContain('crisis');
    expect(intents).not.toContain('distress');
  });
  it("the brief's example: \"I'll give you 40% right now to make it go away\" is a settlement offer", () => {
    const { intent, intents } = read("I'll give you 40% right now to make it go away", 'en');
    expect(intent).toBe('settle');
    expect(intents).not.toContain('crisis');
  });
  it('the words alone, with no money, are still read for crisis', () => {
    expect(read('i just want to make it all go away, for good, tonight', 'en').intents).toEqual(expect.arrayContaining([expect.stringMatching(/crisis|distress/)]));
  });
  it('a phone battery running out is no crisis either', () => {
    expect(read('se me está muriendo la pila, al rato le escribo', 'es').intents).not.toContain('crisis');
  });
});

describe('behaviour 5: veiled crisis (DESIGN 8)', () => {
  it.each<[string, 'en' | 'es']>([
    ['the note is written. you people win', 'en'],
    ['finished my goodbye letter last night', 'en'],
    ["the noose is up in the garage, it's done", 'en'],
    ['the pills are in my nightstand waiting', 'en'],
    ['díganle a mis hijos que los quiero mucho', 'es'],
    ['ya escribí mi carta, no me busquen', 'es'],
    ['la soga ya está en el cuarto', 'es'],
    ['only writing to say goodbye', 'en'],
  ])('%j is crisis (988 + priority handoff)', (text, language) => {
    expect(read(text, language).intent).toBe('crisis');
  });
  it.each<[string, 'en' | 'es']>([
    ['nobody can help me anymore, not even my own family', 'en'],
    ["i can't fight this anymore, please just let me go", 'en'],
    ["I don't have it in me anymore", 'en'],
    ['no one can save me now', 'en'],
    ['soon I won’t owe anybody anything', 'en'],
    ['muy pronto no le voy a deber nada a nadie', 'es'],
    ['es la última vez que les contesto. adiós', 'es'],
    ['take it all, i dont need any of it', 'en'],
    ['ya no puedo luchar más', 'es'],
  ])('%j gets at least the check-in', (text, language) => {
    expect(['crisis', 'distress']).toContain(read(text, language).intent);
  });
  it.each<[string, 'en' | 'es']>([
    ['i left a note for the mailman to hold my letters', 'en'],
    ['i wrote my letter to the credit bureau already', 'en'],
    ['no one can help me with the payment page, it keeps erroring', 'en'],
    ["once I pay this off I won't owe anybody anything", 'en'],
    ['ya escribí mi carta de disputa', 'es'],
    ['let me go get my card', 'en'],
    ['last time I paid you guys, bye', 'en'],
  ])('%j is no crisis', (text, language) => {
    expect(read(text, language).intents).not.toContain('crisis');
  });
});

describe('behaviour 5: everyday disputes (DESIGN 4)', () => {
  it.each<[string, 'en' | 'es']>([
    ['the statement said 600, why do I owe 2,100 now', 'en'],
    ['how is it 3 400 if the bill was 900', 'en'],
    ['¿cómo que debo 2000 si el recibo era de 350?', 'es'],
    ['how can I still owe money after they sold the truck', 'en'],
    ['I was only an authorized user on my dad’s card', 'en'],
    ['that loan was never in my name', 'en'],
    ['yo solo era usuaria autorizada de esa tarjeta', 'es'],
    ['are you sure you have the right person? I never lived in Texas', 'en'],
    ['the date of birth on this doesn’t match mine and my name is spelled wrong', 'en'],
    ['esa no es mi fecha de nacimiento, se equivocaron', 'es'],
    ["there's an open claim with my insurance for this", 'en'],
    ['this should not be in collections, it was under appeal', 'en'],
    ['el seguro tenía que cubrir esa cirugía', 'es'],
    ['the repair was covered by the warranty', 'en'],
    ["that's my ex-wife's card, not mine", 'en'],
    ['en el divorcio esa deuda le tocaba a ella', 'es'],
    ['la cuenta quedó en cero cuando la cerré', 'es'],
    ['I closed that account with a zero balance', 'en'],
    ['nunca firmé ese contrato', 'es'],
    ['I never enrolled in that program', 'en'],
  ])('%j is a dispute', (text, language) => {
    expect(read(text, language).intent).toBe('dispute');
  });
  it.each<[string, 'en' | 'es']>([
    ['I paid 150 in March, could I do 75 a month for the rest?', 'en'],
    ['ya abone 200, ¿puedo pagar el resto en 4 pagos?', 'es'],
    ['the first bill was 700, can you show me where the extra came from?', 'en'],
  ])('%j is no dispute (a partial payment with a request about the rest; a question about the breakdown)', (text, language) => {
    expect(read(text, language).intents).not.toContain('dispute');
  });
});

describe('behaviour 2: a legitimacy question is no dispute (issue #19 item 3)', () => {
  it.each<[string, 'en' | 'es']>([
    ['never heard of Harbor Point Recovery', 'en'],
    ["never heard of you guys, who are you?", 'en'],
    ['nunca había oído hablar de ustedes', 'es'],
    ['nunca he oído de Crestline Collections', 'es'],
    ['suena a estafa esto', 'es'],
    ['looks like a scam tbh', 'en'],
  ])('%j raises no right', (text, language) => {
    expect(rightsIn(text, language)).toEqual([]);
  });
  it('"never heard of this debt" is still a dispute', () => {
    expect(read("I've never heard of this debt", 'en').intent).toBe('dispute');
  });
});

describe('behaviour 4: one channel taken back is a withdrawal of consent, never a cease (DESIGN 5, 18; E-SIGN)', () => {
  it.each<[string, 'en' | 'es']>([
    ['knock off the texts, phone calls are ok', 'en'],
    ['you may call me but do not text me', 'en'],
    ['only regular mail from now on, no emails', 'en'],
    ['stop emailing me please', 'en'],
    ['stop emailing my office address', 'en'],
    ['no me manden más emails', 'es'],
    ['mejor por carta, no textos', 'es'],
    ['no me escriban por mensaje, mejor llámenme', 'es'],
  ])('%j is withdraw_consent and no cease', (text, language) => {
    const { intent, intents } = read(text, language);
    expect(intent).toBe('withdraw_consent');
    expect(intents).not.toContain('cease');
  });
  it('the channel taken back is read with it', () => {
    expect(read('knock off the texts, phone calls are ok', 'en').entities.contactPreference).toMatchObject({ avoidChannels: ['text'], preferChannels: ['call'] });
  });
  it.each<[string, 'en' | 'es']>([
    ["don't call me, texting is fine", 'en'],
    ['text me, do not call', 'en'],
  ])('%j: calls refused, texts welcome, is a time preference (no right)', (text, language) => {
    expect(rightsIn(text, language)).toEqual([]);
    expect(read(text, language).intents).toContain('time_preference');
  });
  it.each<[string, 'en' | 'es']>([
    ['no calls, no texts, no letters', 'en'],
    ['do not call me, do not text me, do not email me', 'en'],
    ['no me llamen, no me escriban, no me manden nada', 'es'],
    // Rows of blind rounds 01-03, which label them a cease (round 04 labels the bare opt-out words and
    // a texts-only refusal a withdrawal; the earlier three labellers' reading is kept, and is the safer one).
    ['STOP', 'en'],
    ['unsubscribe', 'en'],
    ['please stop texting me', 'en'],
    ['baja', 'es'],
  ])('%j is a cease', (text, language) => {
    expect(read(text, language).intent).toBe('cease');
  });
  it('too early in the day is a time preference, not a cease', () => {
    expect(rightsIn('trabajo de noche, no me marquen tan temprano', 'es')).toEqual([]);
  });
});

const RIGHTS_04: Array<[string, Intent, 'en' | 'es']> = [
  // DESIGN 6: a lawyer being brought in
  ["I'm hiring an attorney over this", 'attorney', 'en'],
  // DESIGN 7: a bankruptcy told through its lawyer; the lawyer asked for when the debtor points to them
  ['my chapter 7 lawyer says you have to stop', 'bankruptcy', 'en'],
  ['my bankruptcy attorney is Ana Ruiz, call her at 555-201-7788', 'attorney', 'en'],
  // DESIGN 7: identity theft told through a stolen wallet
  ['somebody took my purse in 2022 and now these loans keep showing up', 'identity_theft', 'en'],
  // DESIGN 4: the creditor asked for
  ['who is the lender on this', 'original_creditor', 'en'],
  ['¿de dónde viene esta deuda?', 'original_creditor', 'es'],
  ['¿de qué clínica es?', 'original_creditor', 'es'],
  // DESIGN 7: a spouse in the active military
  ['mi esposa está en la marina activa', 'military', 'es'],
  // DESIGN 8: hardship in everyday words
  ["I'm on disability, that's it", 'hardship', 'en'],
  ['vivimos nomás de la pensión', 'hardship', 'es'],
  ['me recortaron los turnos', 'hardship', 'es'],
  ['estoy bien corta de lana', 'hardship', 'es'],
  ['nos quedamos sin chamba los dos', 'hardship', 'es'],
];

describe('rights kinds round 04 missed (DESIGN 4-8)', () => {
  it.each(RIGHTS_04)('%j is %s', (text, intent, language) => {
    expect(read(text, language).intent).toBe(intent);
  });
  it.each<[string, 'en' | 'es']>([
    ['no estoy muerta jaja, solo no había visto el mensaje', 'es'],
    ['should I be getting a lawyer for this?', 'en'],
    ["I'm looking for a lawyer who does payment plans", 'en'],
  ])('%j raises no right', (text, language) => {
    expect(rightsIn(text, language)).toEqual([]);
  });
});
