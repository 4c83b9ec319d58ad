/**
 * Every catalogue text as it goes by SMS, with its segment count (issue #16 item 3): each function
 * of each catalogue is called with sample values of realistic length, in English and Spanish.
 */
import { composeSmsParts } from '../../src/channels/sms/smsDeliverer.ts';
import { smsSegments } from '../../src/domain/smsText.ts';
import { LANGUAGES, type CollectorInfo, type Language } from '../../src/messages/catalogue.ts';
import { smsCatalogueFor } from '../../src/messages/smsShort.ts';
import { conversationMessagesFor } from '../../src/messages/conversation.ts';
import { negotiationMessagesFor } from '../../src/messages/negotiation.ts';
import { officerMessagesFor } from '../../src/messages/officer.ts';
import { paymentMessagesFor } from '../../src/messages/payments.ts';
import { smsMessagesFor, type SmsSender } from '../../src/messages/sms.ts';

export const COLLECTOR: CollectorInfo = {
  name: 'Summit Recovery Services',
  address: '100 Peachtree St NW, Suite 400, Atlanta, GA 30303',
  phone: '(800) 555-0100',
  hours: 'Mon-Fri 8am-8pm ET',
};
const SENDER: SmsSender = { name: COLLECTOR.name, helpPhone: COLLECTOR.phone, weeklyCap: 7 };

const SAMPLE = 'December 15, 2026';
/** Fields whose real values have their own length. */
const NAMED: Record<string, string | number> = { name: COLLECTOR.name, address: COLLECTOR.address, phone: COLLECTOR.phone, hours: COLLECTOR.hours, helpPhone: COLLECTOR.phone, weeklyCap: 7, firstName: 'Maria', maskedAccountNumber: 'A-••01', current: '$1,085.00', amount: '$1,085.00', total: '$1,085.00', reference: 'ch_3Q…9x2k', link: 'https://chat.summit-recovery.example/pay/AbCdEfGhIjKlMnOpQrStUv', kind: 'installments', frequency: 'monthly', installmentCount: 6, paymentCount: 6, count: 6, reason: 'declined', purpose: 'installment', limit: 'minInstallment', value: '$50.00' };
const ARRAY_METHODS = new Set(['map', 'join', 'filter', 'slice', 'forEach', 'some', 'every', 'flatMap', 'reduce', 'find', 'at', 'includes', 'length', Symbol.iterator]);

/** A value that reads as a realistic string wherever a catalogue looks: any field, any depth, lists of two. */
function sample(): unknown {
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get(_t, key) {
      if (key === Symbol.toPrimitive || key === 'toString') return () => SAMPLE;
      if (key === 'then') return undefined;
      if (key === 'length') return 2;
      if (typeof key === 'string' && key in NAMED) return NAMED[key];
      if (ARRAY_METHODS.has(key as string)) {
        const list = [sample(), sample()];
        const member = (list as unknown as Record<string | symbol, unknown>)[key];
        return typeof member === 'function' ? member.bind(list) : member;
      }
      return sample();
    },
  });
}

/** Arguments for the functions a generic sample cannot drive (enumerations, numbers, the collector). */
const ARGUMENTS: Record<string, unknown[][]> = {
  collectionPaused: [['dispute'], ['cease'], ['attorney'], ['bankruptcy'], ['deceased'], ['military'], ['identity_theft']],
  statusRecorded: [['bankruptcy'], ['deceased'], ['military'], ['identity_theft']],
  handoffQueued: [[12, 'sms'], [12, 'web']],
  handoffQueuedClosed: [[SAMPLE, 'sms'], [SAMPLE, 'web']],
  menu: [[false], [true]],
  menuAgain: [[false], [true]],
  stuck: [[true], [false]],
  waitTime: [[12, 2]],
  verified: [['Maria']],
  again: [['choose'], ['proposed'], ['confirm'], ['review'], ['person']],
  verifyQuestion: [['identifier'], ['dob'], ['factor']],
  verifyAck: [[['dob']], [['accountNumber', 'zip']]],
};

export interface SmsRow {
  language: Language;
  name: string;
  /** Bot-initiated texts carry the footer; replies to the debtor do not. */
  botInitiated: boolean;
  text: string;
  segments: number;
  encoding: string;
}

/** Texts never sent by SMS (the SMS has its own version, or the text is for a page). */
const WEB_ONLY = new Set(['payments.receipt', 'payments.webSignature', 'payments.checkoutDescription']);

/** Payments' texts go out on their own (receipts, reminders): the footer counts toward them. */
const BOT_INITIATED = new Set(['payments.receiptSms', 'payments.reminder', 'payments.paymentFailed', 'payments.duplicateRefunded']);

function rowsOf(language: Language, prefix: string, catalogue: object): SmsRow[] {
  const rows: SmsRow[] = [];
  for (const [name, value] of Object.entries(catalogue)) {
    if (typeof value !== 'function') continue;
    const key = `${prefix}.${name}`;
    if (WEB_ONLY.has(key)) continue;
    const calls = ARGUMENTS[name] ?? [Array.from({ length: Math.max(value.length, 1) }, () => sample())];
    calls.forEach((args) => {
      const produced: unknown = value(...args);
      const texts = Array.isArray(produced) ? produced : [produced];
      texts.forEach((text, j) => {
        if (typeof text !== 'string') return;
        const botInitiated = BOT_INITIATED.has(key);
        const [sent] = composeSmsParts(text, { botInitiated, footer: smsMessagesFor(language).footer(SENDER) });
        const { segments, encoding } = smsSegments(sent!);
        const suffix = calls.length > 1 || texts.length > 1 ? `[${[calls.length > 1 ? String(args[0]) : '', texts.length > 1 ? j + 1 : ''].filter(Boolean).join(',')}]` : '';
        rows.push({ language, name: `${key}${suffix}`, botInitiated, text: sent!, segments, encoding });
      });
    });
  }
  return rows;
}

export function smsRows(): SmsRow[] {
  return LANGUAGES.flatMap((language) => [
    ...rowsOf(language, 'main', smsCatalogueFor(language)),
    ...rowsOf(language, 'conversation', conversationMessagesFor(language)),
    ...rowsOf(language, 'negotiation', negotiationMessagesFor(language)),
    ...rowsOf(language, 'payments', paymentMessagesFor(language)),
    ...rowsOf(language, 'officer', officerMessagesFor(language)),
    ...rowsOf(language, 'sms', smsMessagesFor(language)),
  ]);
}
