/**
 * DESIGN 4-8, issue #11 items 1 and 3: the kinds of rights wording that blind round 02 found
 * missing, and the kinds of ordinary messages it read as rights, each said in new words (none of
 * these rows is in a training file, a dev batch or a blind batch).
 */
import { describe, expect, it } from 'vitest';
import { DeterministicRecognizer } from '../../src/nlu/deterministicRecognizer.ts';
import { isRightsIntent } from '../../src/nlu/recognizer.ts';

const recognizer = new DeterministicRecognizer();
const read = (text: string, language: 'en' | 'es') => recognizer.recognizeSync(text, { language });

const RIGHTS: Array<[string, string, 'en' | 'es']> = [
  // DESIGN 6: a relative or a firm that represents the debtor
  ['my nephew is an attorney and he is representing me in this, contact him', 'attorney', 'en'],
  ['our firm represents the borrower, direct all contact to our office', 'attorney', 'en'],
  ['mi sobrina es abogada y ella me representa', 'attorney', 'es'],
  // DESIGN 7: a servicemember reached through a relative who answers for them
  ['my husband is deployed and cannot answer, this is his wife', 'military', 'en'],
  ['my daughter is aboard a navy ship until spring, she asked me to let you know', 'military', 'en'],
  ['mi hijo está en el ejército y lo mandaron a Kuwait', 'military', 'es'],
  // DESIGN 7: bankruptcy in its legal words
  ['I reaffirmed the mortgage but this card was not reaffirmed in my bankruptcy', 'bankruptcy', 'en'],
  // DESIGN 5: short and plain ceases
  ['stop. please. just stop.', 'cease', 'en'],
  ['remove my number from your list', 'cease', 'en'],
  ['sáquenme de su lista', 'cease', 'es'],
  // DESIGN 15: a person, plainly
  ["if this is a bot I'd like a person", 'agent', 'en'],
  ['call me please', 'agent', 'en'],
  ['the automatic stay is still in effect, you cannot collect this', 'bankruptcy', 'en'],
  ['hay una suspensión automática, no me pueden cobrar', 'bankruptcy', 'es'],
  // DESIGN 7, 17: the debtor died — a surviving spouse, a dead parent's card
  ["I'm his surviving spouse, who pays this now?", 'deceased', 'en'],
  ["am I responsible for my dead father's visa?", 'deceased', 'en'],
  // DESIGN 7: identity theft told through who used the information
  ['somebody used my social security number to open this', 'identity_theft', 'en'],
  ['my information was in a data breach last year and now this appeared', 'identity_theft', 'en'],
  ['me robaron la billetera con mis papeles y alguien abrió esta cuenta', 'identity_theft', 'es'],
  // DESIGN 5, 15: a cease and a person in plainer words
  ['please discontinue all communication with me', 'cease', 'en'],
  ['paren de textearme', 'cease', 'es'],
  ['quiero hablar con un asesor', 'agent', 'es'],
  ['could a member of your staff call me?', 'agent', 'en'],
  // DESIGN 8: hardship said as what happened
  ['the plant shut down and we all got laid off', 'hardship', 'en'],
  // E-SIGN withdrawal
  ['please opt me out of electronic statements', 'withdraw_consent', 'en'],
];

/** Ordinary messages near a right's words: no right anywhere in what is reported. */
const ORDINARY: Array<[string, 'en' | 'es']> = [
  ['my aunt told me to dispute it but I know it is mine, can I pay monthly', 'en'],
  ['mi suegra dice que lo dispute pero yo sé que lo debo, ¿cuánto es?', 'es'],
  ['my roommate said to claim fraud, nah, it is mine. how much?', 'en'],
  ['stop asking me for the whole balance, I need a payment plan', 'en'],
  ['dejen de pedirme el total, quiero pagos mensuales', 'es'],
  ["I don't want to cease payments, just change the date", 'en'],
  ['my friend is a divorce lawyer, unrelated, how do I pay', 'en'],
  ['Bankruptcy? nope. I just forgot. paying now', 'en'],
  ['thinking about joining the navy next year, for now I want to pay $40', 'en'],
  ['just curious, can I ask you to stop calling? I do not mind it', 'en'],
  ["don't need a manager, you're doing fine. what are my options?", 'en'],
  ['no es fraude, es mi tarjeta, ¿cuánto debo?', 'es'],
  ['I opened this account in college, what do I owe', 'en'],
  ['I never paid online before, how does it work', 'en'],
];

describe('rights kinds round 02 missed (DESIGN 4-8, 15)', () => {
  it.each(RIGHTS)('%j is %s', (text, intent, language) => {
    expect(read(text, language).intent).toBe(intent);
  });
  it.each(ORDINARY)('%j raises no right', (text, language) => {
    const rights = read(text, language).intents.filter(isRightsIntent);
    expect(rights).toEqual([]);
  });
});
