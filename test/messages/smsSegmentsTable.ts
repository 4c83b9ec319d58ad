/**
 * Every catalogue text as it goes by SMS, with its segment count (issue #16 item 3): each function
 * of each catalogue, as SMS sends it (with its SMS version where it has one), is called with sample
 * values of realistic length, in English and Spanish.
 */
import { composeSmsParts } from '../../src/channels/sms/smsDeliverer.ts';
import { smsSegments } from '../../src/domain/smsText.ts';
import { LANGUAGES, type CollectorInfo, type Language } from '../../src/messages/catalogue.ts';
import { smsMessagesFor, type SmsSender } from '../../src/messages/sms.ts';
import { catalogueOn, type CatalogueKind } from '../../src/messages/smsShort.ts';

export const COLLECTOR: CollectorInfo = {
  name: 'Summit Recovery Services',
  address: '100 Peachtree St NW, Suite 400, Atlanta, GA 30303',
  phone: '(800) 555-0100',
  hours: 'Mon-Fri 8am-8pm ET',
};
const SENDER: SmsSender = { name: COLLECTOR.name, helpPhone: COLLECTOR.phone, weeklyCap: 7 };

/** Any field without a value of its own: a long date in the text's language. */
const SAMPLE: Record<Language, string> = { en: 'December 15, 2026', es: '15 de diciembre de 2026' };
const PAY_LINK = 'https://chat.summit-recovery.example/pay/AbCdEfGhIjKlMnOpQrStUv';
const NOTICE_LINK = 'https://chat.summit-recovery.example/notices/AbCdEfGhIjKlMnOpQrStUv';
/** A record link as recordUrl makes it: the account and expiry, then their signature. */
const RECORD_LINK = 'https://chat.summit-recovery.example/record/Y214ZDM4dXduMDAwNWt3N2Q0Yjd0OXZqaS4xNzk4MDM4MDAw.hoGU8ibua7rw-NIcY6zoSavVXUiQB2BvTSeooPkLINA';
/** Fields whose real values have their own length. */
const NAMED: Record<string, string | number> = { name: COLLECTOR.name, address: COLLECTOR.address, phone: COLLECTOR.phone, hours: COLLECTOR.hours, helpPhone: COLLECTOR.phone, weeklyCap: 7, firstName: 'Maria', maskedAccountNumber: 'A-••01', current: '$1,085.00', itemizationAmount: '$1,000.00', interest: '$62.50', fees: '$22.50', payments: '$0.00', credits: '$0.00', amount: '$1,085.00', total: '$1,085.00', balance: '$1,085.00', regular: '$180.83', saving: '$285.00', smallestPayment: '$25.00', maxInstallments: 24, reference: 'ch_3Q…9x2k', link: PAY_LINK, kind: 'installments', frequency: 'monthly', installmentCount: 6, paymentCount: 6, count: 6, reason: 'declined', purpose: 'installment', limit: 'minInstallment', value: '$50.00' };
const ARRAY_METHODS = new Set(['map', 'join', 'filter', 'slice', 'forEach', 'some', 'every', 'flatMap', 'reduce', 'find', 'at', 'includes', 'length', Symbol.iterator]);

/** A value that reads as a realistic string wherever a catalogue looks: any field, any depth, lists of two. */
function sample(language: Language): unknown {
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get(_t, key) {
      if (key === Symbol.toPrimitive || key === 'toString') return () => SAMPLE[language];
      if (key === 'then') return undefined;
      if (key === 'length') return 2;
      if (typeof key === 'string' && key in NAMED) return NAMED[key];
      if (ARRAY_METHODS.has(key as string)) {
        const list = [sample(language), sample(language)];
        const member = (list as unknown as Record<string | symbol, unknown>)[key];
        return typeof member === 'function' ? member.bind(list) : member;
      }
      return sample(language);
    },
  });
}

/** Arguments for the functions a generic sample cannot drive (enumerations, numbers, the collector, links). */
function argumentsFor(language: Language): Record<string, unknown[][]> {
  const date = SAMPLE[language];
  return {
    collectionPaused: [['dispute'], ['cease'], ['attorney'], ['bankruptcy'], ['deceased'], ['military'], ['identity_theft']],
    statusRecorded: [['bankruptcy'], ['deceased'], ['military'], ['identity_theft']],
    // By SMS the channel is always 'sms' (the web wordings never go by SMS).
    handoffQueued: [[12, 'sms']],
    handoffQueuedClosed: [[date, 'sms']],
    menu: [[false], [true]],
    menuAgain: [[false], [true]],
    stuck: [[true], [false]],
    waitTime: [[12, 2]],
    verified: [['Maria']],
    again: [['choose'], ['proposed'], ['confirm'], ['review'], ['person']],
    verifyQuestion: [['identifier'], ['dob'], ['factor']],
    verifyAck: [[['dob']], [['accountNumber', 'zip']]],
    esignAccepted: [[NOTICE_LINK]],
    noticeLink: [[NOTICE_LINK]],
    offer: [[RECORD_LINK]],
    agreed: [[sample(language), PAY_LINK]],
    existingPlan: [[sample(language), PAY_LINK]],
    paymentFailed: (['declined', 'authentication_required', 'retries_exhausted', 'bank_payment_failed'] as const).map((reason) => [{ amount: '$1,085.00', date, link: PAY_LINK, reason }]),
  };
}

/** How a row names the argument that tells its calls apart ("[deceased]", "[declined]"). */
function labelOf(argument: unknown): string {
  const record = argument as { reason?: unknown } | null;
  return typeof argument === 'object' && record?.reason !== undefined ? String(record.reason) : String(argument);
}

export interface SmsRow {
  language: Language;
  name: string;
  /** Bot-initiated texts carry the footer; replies to the debtor do not. */
  botInitiated: boolean;
  text: string;
  segments: number;
  encoding: string;
  /** The text is an SMS version (src/messages/smsShort*.ts), not the full catalogue's. */
  short: boolean;
}

/** The catalogues of what the bot says (the SMS keyword texts are added on their own). */
const CATALOGUES: readonly CatalogueKind[] = ['main', 'conversation', 'negotiation', 'payments', 'officer', 'checkIn', 'record'];

/** Texts never sent by SMS (they are for a page: of the record's words only its offer is sent). */
const WEB_ONLY = new Set(['payments.webSignature', 'payments.checkoutDescription', 'record.intro', 'record.authorized', 'record.paymentLine', 'record.consentLine', 'record.withdrawn', 'record.noticeLine']);

/** Payments' texts go out on their own (receipts, reminders): the footer counts toward them. */
const BOT_INITIATED = new Set(['payments.receipt', 'payments.reminder', 'payments.paymentFailed', 'payments.duplicateRefunded']);

/** Each catalogue as SMS sends it (`sms`) and in full (`full`), to tell the SMS versions apart. */
function rowsOf(language: Language, prefix: string, catalogue: object, full: object): SmsRow[] {
  const rows: SmsRow[] = [];
  const ARGUMENTS = argumentsFor(language);
  for (const [name, value] of Object.entries(catalogue)) {
    if (typeof value !== 'function') continue;
    const key = `${prefix}.${name}`;
    if (WEB_ONLY.has(key)) continue;
    const calls = ARGUMENTS[name] ?? [Array.from({ length: Math.max(value.length, 1) }, () => sample(language))];
    calls.forEach((args) => {
      const produced: unknown = value(...args);
      const texts = Array.isArray(produced) ? produced : [produced];
      texts.forEach((text, j) => {
        if (typeof text !== 'string') return;
        const botInitiated = BOT_INITIATED.has(key);
        const [sent] = composeSmsParts(text, { botInitiated, footer: smsMessagesFor(language).footer(SENDER) });
        const { segments, encoding } = smsSegments(sent!);
        const suffix = calls.length > 1 || texts.length > 1 ? `[${[calls.length > 1 ? labelOf(args[0]) : '', texts.length > 1 ? j + 1 : ''].filter(Boolean).join(',')}]` : '';
        const short = value !== (full as Record<string, unknown>)[name];
        rows.push({ language, name: `${key}${suffix}`, botInitiated, text: sent!, segments, encoding, short });
      });
    });
  }
  return rows;
}

export function smsRows(): SmsRow[] {
  return LANGUAGES.flatMap((language) => [
    ...CATALOGUES.flatMap((kind) => rowsOf(language, kind, catalogueOn('sms', kind, language), catalogueOn('web', kind, language))),
    ...rowsOf(language, 'sms', smsMessagesFor(language), smsMessagesFor(language)),
  ]);
}
