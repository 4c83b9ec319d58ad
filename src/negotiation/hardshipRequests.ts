/**
 * What a debtor in hardship asks for besides an offer (issue #12, DESIGN 8): "can you put it on
 * hold for a couple months", "I really can't even do 10 right now", "no puedo pagar nada". Pure.
 * Like offerParser.ts, it reads the deterministic normalised text (accents stripped, "can't" →
 * "can not"); it decides nothing about intents the recognizer owns, only what the negotiation
 * answers: a pause is for the creditor (a person) to decide, and a debtor who cannot pay even the
 * smallest plan is offered a person, never pressed.
 */
import type { Offer } from '../domain/negotiation.ts';
import { normalizeText } from '../nlu/deterministicRecognizer.ts';
import type { Recognition } from '../nlu/recognizer.ts';
import { asksWhatIf } from '../nlu/whatIf.ts';
import { asksForPaymentOptions } from './offerParser.ts';

export type HardshipRequest = 'pause' | 'cannot_pay';

/** "put it on hold", "pause the payments", "give me a couple of months", "ponerlo en pausa", "aplazar". */
const PAUSE =
  /\b(?:on hold|hold off|pause|pausing|paused|postpone|defer|deferment|deferral|forbearance|freeze|skip (?:a|the|this|next|some|a few|a couple of|a couple) (?:months?|payments?)|(?:give me|need|get) (?:a few|a couple of|a couple|some|more|a little more|two|2|three|3) (?:more )?(?:months|time)|(?:en )?pausa|pausar|pausarlo|pausarla|posponer|posponerlo|aplazar|aplazarlo|congelar|congelarlo|(?:unos|un par de|dos|2|tres|3) meses sin pagar|mas tiempo|(?:can|could|would) (?:you|u|they) (?:guys )?wait|wait (?:a few|a couple of|a couple|some|two|2|three|3|a) (?:more )?(?:months?|while)|(?:pueden|puede|podrian|podria|podrían) esperar(?:me|nos)?|esperar(?:me|nos)? (?:unos|un par de|algunos|dos|2|tres|3) meses|dar(?:me|nos)? (?:unos meses|un par de meses|mas tiempo|tiempo|un tiempo))\b/;

/** "can't (even) pay / do / afford", "no puedo (ni) pagar", "no puedo ni 10", "no tengo para pagar". */
const CANNOT_PAY =
  /\b(?:can not|could not|cannot|unable to|not able to|no way i can)\s+(?:even\s+|really\s+|possibly\s+|afford to\s+)*(?:pay|do|afford|manage|make|spare)\b|\bno (?:puedo|podemos|alcanzo a|me alcanza para)\s+(?:ni\s+)?(?:pagar|dar|hacer|ni)\b|\bno tengo (?:ni )?(?:para pagar|dinero|con que pagar)\b/;


/** The debtor asks what they can do ("what are my options"): the options answer that, with a person for a pause. */
function asksForOptions(text: string, normalized: string, recognition: Pick<Recognition, 'intents'>): boolean {
  return recognition.intents.includes('help') || asksForPaymentOptions(text) || /\b(options?|opciones|alternativas)\b/.test(normalized);
}

/** An offer that names terms of its own (an amount, a count, a first payment): judged as an offer, not a request. */
export function namesTerms(offer: Offer | null): offer is Offer {
  if (!offer) return false;
  if (offer.kind === 'full') return false;
  if (offer.kind === 'settlement') return offer.amount !== undefined;
  return offer.amount !== undefined || offer.count !== undefined || offer.downPayment !== undefined;
}

/**
 * A pause asked for, or "I cannot pay (even that)" — unless the same message makes an offer with
 * terms of its own ("can't pay $400 now, could I do $20 a month") or asks for the options.
 * `offer`: what the offer parser read from the same message.
 */
export function hardshipRequest(text: string, recognition: Pick<Recognition, 'intents'>, offer: Offer | null): HardshipRequest | null {
  const normalized = normalizeText(text);
  if (namesTerms(offer)) return null;
  if (PAUSE.test(normalized)) return 'pause';
  if (CANNOT_PAY.test(normalized) && !asksForOptions(text, normalized, recognition) && !asksWhatIf(normalized)) return 'cannot_pay';
  return null;
}
