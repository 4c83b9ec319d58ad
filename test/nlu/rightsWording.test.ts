/**
 * Words that look like a right but are not one, and rights said through them (issue #11 item 3,
 * issue #19 items 2 and 3, DESIGN 4-8). Every row is checked on all the intents the recognizer
 * reports, not only the first: a right anywhere in the list would change what the bot does.
 *
 * These rows are in no training file (src/nlu/training/): they test what was learned, not what was
 * memorised.
 */
import { describe, expect, it } from 'vitest';
import { DeterministicRecognizer } from '../../src/nlu/deterministicRecognizer.ts';
import { isRightsIntent, type Intent } from '../../src/nlu/recognizer.ts';

const recognizer = new DeterministicRecognizer();
const read = (text: string, language: 'en' | 'es') => recognizer.recognizeSync(text, { language });

/** Issue #19 item 2: paying it off is never a dispute, nor any other right. */
const PAYMENT_WORDING: Array<[string, 'en' | 'es']> = [
  ["I'd like to just pay the whole balance off", 'en'],
  ['i want to pay it off', 'en'],
  ['can i pay it all off today', 'en'],
  ['pay off the balance please', 'en'],
  ['I want to pay off the full amount', 'en'],
  ['let me pay the entire balance off now', 'en'],
  ['i will pay it all', 'en'],
  ['pay it all at once', 'en'],
  ['i wanna clear the balance', 'en'],
  ['i want to clear this off my record by paying it', 'en'],
  ['clear it today', 'en'],
  ["I'd like to clear the whole thing", 'en'],
  ['how do i pay this off completely', 'en'],
  ['i want to settle up the full balance', 'en'],
  ['lets get this paid off', 'en'],
  ['i want this balance off my back, i can pay it all now', 'en'],
  ['take the whole amount off my card', 'en'],
  ['i am ready to pay the balance in full', 'en'],
  ['ill pay everything i owe today', 'en'],
  ['can i just pay it and be done', 'en'],
  ['paying the full balance today', 'en'],
  ['want to knock out the whole balance', 'en'],
  ['I want to wipe out this debt by paying it in full', 'en'],
  ['get rid of this balance, i can pay it all', 'en'],
  ['payoff amount please, i want it gone', 'en'],
  ['the balance is fine, i just want to pay it off', 'en'],
  ['its off my budget worries now, i can pay the whole thing', 'en'],
  ['pay the remaining balance off', 'en'],
  ["I'm paying this off, not disputing anything", 'en'],
  ['just pay it off for me with my card', 'en'],
  ['pay it of today', 'en'],
  ['i wnat to pay it all of', 'en'],
  ['pay the hole balance', 'en'],
  ['i wan to pay the ballance off', 'en'],
  ['payof the acount today', 'en'],
  ['can i pay it al today', 'en'],
  ['pay in ful', 'en'],
  ['i want to pay everythng right now', 'en'],
  ['clear my ballance', 'en'],
  ['pay off balanse', 'en'],
  ['quiero liquidar la deuda', 'es'],
  ['quiero liquidar todo hoy', 'es'],
  ['voy a saldar la cuenta', 'es'],
  ['quiero saldar todo lo que debo', 'es'],
  ['puedo pagar todo de una vez?', 'es'],
  ['quiero pagar el saldo completo', 'es'],
  ['liquidar el saldo por favor', 'es'],
  ['quiero dejar la cuenta en cero', 'es'],
  ['pagar la totalidad hoy', 'es'],
  ['quiero cubrir todo el saldo', 'es'],
  ['quiero terminar de pagar todo ya', 'es'],
  ['voy a liquidar lo que falta', 'es'],
  ['pago todo de un jalón', 'es'],
  ['quiero quitarme esta deuda pagándola completa', 'es'],
  ['liquidar todo', 'es'],
  ['kiero liquidar la deuda', 'es'],
  ['quiero saldar la deuda completa hoy', 'es'],
  ['quiero pagar todo lo que debo', 'es'],
  ['puedo liquidar con tarjeta?', 'es'],
  ['quiero pagarlo todo', 'es'],
  ['i want to pay it off, quiero liquidar', 'es'],
  ['voy a pagar el total', 'es'],
  ['saldar', 'es'],
  ['liquidar', 'es'],
  // Round 04's kinds: payment words beside "never", "wrong", "off", "balance", "clear" and "zero".
  ["I never said I wouldn't pay, set me up a plan", 'en'],
  ['i never said i wont pay. can we do monthly?', 'en'],
  ["I'm not refusing, I just need a plan", 'en'],
  ['nothing wrong with the balance, i want to pay it off', 'en'],
  ['the amount is right, let me pay it all', 'en'],
  ['wrong card earlier, let me pay the balance off with this one', 'en'],
  ['i never miss payments, just pay it off now please', 'en'],
  ['pay off whats left on the balance', 'en'],
  ['i want to clear the full balance off today', 'en'],
  ['never mind the letter, I will pay it all now', 'en'],
  ['I want it off my credit, how do I pay the whole thing', 'en'],
  ['no dispute, take it off my debit card in full', 'en'],
  ['can I knock the balance off in one payment', 'en'],
  ['paying off the rest today', 'en'],
  ['can i pay off this account early', 'en'],
  ['pay it all off, dont want it hanging over me', 'en'],
  ['i want to zero out the balance', 'en'],
  ['bring the balance to zero today', 'en'],
  ['i wanna pay all of it rn', 'en'],
  ['lemme pay it off', 'en'],
  ['i can pay it all off nxt week', 'en'],
  ['clear it', 'en'],
  ['pay it all', 'en'],
  ['quiero liquidar el saldo de una vez', 'es'],
  ['liquidarlo todo hoy mismo', 'es'],
  ['quiero saldar la deuda, no tengo problema con el monto', 'es'],
  ['nunca dije que no iba a pagar, quiero un plan', 'es'],
  ['no estoy peleando nada, quiero pagar todo', 'es'],
  ['liquido todo ahorita', 'es'],
  ['quiero dejarlo en ceros', 'es'],
  ['ya no quiero deber, liquidarlo hoy', 'es'],
  ['me gustaría pagarlo todo de un solo pago', 'es'],
  ['quiero terminar de liquidar lo que queda', 'es'],
];

/** Round 04: money toward the rest after a payment already made is a plan, not a dispute. */
const PAID_SOME: Array<[string, 'en' | 'es']> = [
  ['I already paid 250 in January, can I spread the remaining balance over 5 months?', 'en'],
  ['ya pagué 300 el mes pasado, ¿lo que falta lo puedo pagar en partes?', 'es'],
];

/** Issue #19 item 1's requests to settle: never a right either. */
const SETTLEMENT_WORDING: Array<[string, 'en' | 'es']> = [
  ['Can I settle it for less if I pay in one go?', 'en'],
  ['would you take 600 and call it even', 'en'],
  ['can you knock some off the balance', 'en'],
  ['whats your lowest offer to close this account', 'en'],
  ['¿Puedo liquidar la deuda con un solo pago de 1300 dólares?', 'es'],
  ['me hacen un descuento si pago todo hoy?', 'es'],
];

/** Issue #19 item 3: a question about who we are is no dispute, and no right. */
const LEGITIMACY: Array<[string, 'en' | 'es']> = [
  ['is this legit?', 'en'],
  ['Is this legit', 'en'],
  ['how do I know you are real', 'en'],
  ["how do i know you're real", 'en'],
  ['is this a real company or a scam', 'en'],
  ['prove you are who you say you are', 'en'],
  ['this text looks fake, who are you', 'en'],
  ['are you actually a debt collector?', 'en'],
  ['is this some kind of phishing thing', 'en'],
  ['can i verify you are legitimate before i give you anything', 'en'],
  ['¿esto es legítimo?', 'es'],
  ['¿cómo sé que ustedes son reales?', 'es'],
  ['esto es una estafa o qué', 'es'],
  ['¿son una empresa de verdad?', 'es'],
  // Round 04: a collector never heard of, a message that seems a fraud.
  ['never heard of summit recovery', 'en'], // the brief's example (a round-04 row)
  ['nunca he oído de ustedes', 'es'],
  ['never heard of Lakeview Receivables before today', 'en'],
  ['me parece una estafa', 'es'],
];

/** Issue #11 item 3: negation and reported speech, for every right. */
const NOT_A_RIGHT: Array<{ text: string; language: 'en' | 'es'; not: Intent }> = [
  { text: "I'm not disputing it, I know it's mine", language: 'en', not: 'dispute' },
  { text: 'not arguing about the amount, just want to pay', language: 'en', not: 'dispute' },
  { text: 'no estoy diciendo que no la deba, solo pregunto', language: 'es', not: 'dispute' },
  { text: 'my sister is an attorney and said I should set up payments', language: 'en', not: 'attorney' },
  { text: 'my friend the lawyer said to ask for a plan', language: 'en', not: 'attorney' },
  { text: 'should I get a lawyer?', language: 'en', not: 'attorney' },
  { text: 'mi primo es abogado y me dijo que pague en partes', language: 'es', not: 'attorney' },
  { text: 'my old employer went bankrupt, that is why I fell behind', language: 'en', not: 'bankruptcy' },
  { text: "I'm not going bankrupt, I just need time", language: 'en', not: 'bankruptcy' },
  { text: 'I served in the navy twenty years ago', language: 'en', not: 'military' },
  { text: 'my nephew just joined the army', language: 'en', not: 'military' },
  { text: 'soy veterano, ya no estoy en el ejército', language: 'es', not: 'military' },
  { text: "I'm dead tired, can we talk tomorrow", language: 'en', not: 'deceased' },
  { text: 'se me murió la batería, perdón', language: 'es', not: 'deceased' },
  { text: 'my purse got stolen so I have a new card, can I pay with it', language: 'en', not: 'identity_theft' },
  { text: 'is this message a scam?', language: 'en', not: 'identity_theft' },
  { text: "please don't call me before 9am, texts are fine", language: 'en', not: 'cease' },
  { text: "don't call me at work", language: 'en', not: 'cease' },
  { text: 'stop, I typed the wrong date', language: 'en', not: 'cease' },
  { text: 'no me llamen antes de las 10', language: 'es', not: 'cease' },
  { text: 'no need to get a person involved, I can pay here', language: 'en', not: 'agent' },
  { text: 'the agent I talked to yesterday said friday was fine', language: 'en', not: 'agent' },
  { text: "I'm originally from Ohio", language: 'en', not: 'original_creditor' },
  { text: "I'll mail a money order", language: 'en', not: 'withdraw_consent' },
];

/** The same rights, said plainly or in reported form that still exercises them. */
const IS_A_RIGHT: Array<{ text: string; language: 'en' | 'es'; intent: Intent }> = [
  { text: "I'm disputing this, it isn't mine", language: 'en', intent: 'dispute' },
  { text: "is this legit? I've never had an account with them", language: 'en', intent: 'dispute' },
  { text: 'my lawyer said not to talk to you, call her', language: 'en', intent: 'attorney' },
  { text: "don't call me anymore, at all", language: 'en', intent: 'cease' },
  { text: 'stop calling me. stop texting me. no more contact', language: 'en', intent: 'cease' },
  { text: 'my husband is deployed, this card is in his name', language: 'en', intent: 'military' },
  { text: 'I never opened this, someone used my social', language: 'en', intent: 'identity_theft' },
];

const rightsIn = (intents: readonly Intent[]) => intents.filter(isRightsIntent);

describe('issue #19 item 2: payment wording never raises a right', () => {
  it('has at least 60 ways of saying it, English and Spanish, typos included', () => {
    expect(PAYMENT_WORDING.length).toBeGreaterThanOrEqual(60);
    expect(PAYMENT_WORDING.filter(([, l]) => l === 'es').length).toBeGreaterThanOrEqual(20);
  });
  it.each(PAYMENT_WORDING)('%j raises no right', (text, language) => {
    expect(rightsIn(read(text, language).intents)).toEqual([]);
  });
  it.each(PAID_SOME)('a payment already made, the rest asked about: %j raises no right', (text, language) => {
    expect(rightsIn(read(text, language).intents)).toEqual([]);
  });
  it.each(SETTLEMENT_WORDING)('settling: %j raises no right', (text, language) => {
    expect(rightsIn(read(text, language).intents)).toEqual([]);
  });
  it('the example of the issue is a payment', () => {
    expect(read("I'd like to just pay the whole balance off", 'en').intent).toBe('pay_full');
  });
});

describe('issue #19 item 3: a legitimacy question is no dispute', () => {
  it.each(LEGITIMACY)('%j raises no right', (text, language) => {
    expect(rightsIn(read(text, language).intents)).toEqual([]);
  });
});

describe('issue #11 item 3: negation and reported speech for every right', () => {
  it.each(NOT_A_RIGHT.map((r) => [r.text, r.not, r.language] as const))('%j is not %s', (text, not, language) => {
    expect(read(text, language).intents).not.toContain(not);
  });
  it.each(IS_A_RIGHT.map((r) => [r.text, r.intent, r.language] as const))('%j is %s', (text, intent, language) => {
    expect(read(text, language).intent).toBe(intent);
  });
});
