/**
 * The validation notice (Reg F 1006.34(c), Model Form B-1) as a complete, printable, accessible
 * HTML page. Pure: no I/O. Every word comes from the typed text catalogues
 * (noticeText.en.ts / noticeText.es.ts); every interpolated value is HTML-escaped here.
 *
 * The page loads nothing (no scripts, images, fonts or style sheets from elsewhere), so it can be
 * served under `Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'`.
 */
import { maskAccountNumber } from '../domain/itemization.ts';
import { formatMoney } from '../domain/money.ts';
import { DEFAULT_TIME_ZONE, formatValidationPeriodEnd } from '../domain/validationPeriod.ts';
import { collectorHours, type CollectorInfo } from '../messages/catalogue.ts';
import { noticeTextEn } from './noticeText.en.ts';
import { noticeTextEs } from './noticeText.es.ts';
import { numberFormat, dateTimeFormat } from '../domain/intlFormats.ts';

export type NoticeLanguage = 'en' | 'es';
export const NOTICE_LANGUAGES: readonly NoticeLanguage[] = ['en', 'es'];

/** Reg F 1006.34(c)(3)(iv): the Bureau's website, named in the notice in every language. */
export const CFPB_DEBT_COLLECTION_URL = 'www.cfpb.gov/debt-collection';

/** A string in another language than the page, marked up with its own `lang`. */
export interface ForeignText {
  lang: string;
  text: string;
}

/**
 * The words of the notice in one language. Literal text is plain text; function arguments are
 * HTML fragments (already escaped values, sometimes wrapped in <strong>), and so are the results.
 */
export interface NoticeText {
  /** BCP 47 locale for money and dates. */
  locale: string;
  htmlLang: NoticeLanguage;
  title: string;
  pageTitle(collector: string): string;
  keepCopy: string;
  fromHeading: string;
  toHeading: string;
  callUs(phone: string, hours: string): string;
  noticeDateLabel: string;
  referenceLabel: string;
  intro(collector: string, creditor: string): string;
  ourInformationHeading: string;
  currentCreditorLabel: string;
  originalCreditorLabel: string;
  accountNumberLabel: string;
  itemizationCaption: string;
  descriptionColumn: string;
  amountColumn: string;
  owedAsOf(date: string): string;
  betweenDateAndToday(date: string): string;
  interestLine: string;
  feesLine: string;
  paidOrCreditedLine: string;
  paidOrCreditedBreakdown(payments: string, credits: string): string;
  totalLine: string;
  /** Read out by screen readers in place of the "+" and "−" signs. */
  plusWord: string;
  minusWord: string;
  disputeHeading: string;
  disputeCallOrWrite(date: string): string;
  disputeWriteStopsCollection(date: string): string;
  disputeElectronically: string;
  elseHeading: string;
  originalCreditorRequest(date: string): string;
  originalCreditorElectronically: string;
  cfpb(url: string): string;
  paymentOptions: string;
  /** Model Form B-1's optional offer of the form in another language. */
  otherLanguageOffer: ForeignText | undefined;
  responseHeading: string;
  onlineResponse: string;
  mailTo: string;
  responderHeading: string;
  checkAll: string;
  disputeBecause: string;
  notMyDebt: string;
  amountWrong: string;
  otherReason: string;
  sendOriginalCreditor: string;
  enclosedAmount: string;
  payable(collector: string, reference: string): string;
  otherLanguageCheckbox: ForeignText | undefined;
  /** The page for an unknown, malformed or expired link: says nothing about any account. */
  invalidLinkTitle: string;
  invalidLinkBody: string;
  /** The page when a notice exists but cannot be shown right now. */
  unavailableTitle: string;
  unavailableBody: string;
  /** For a translation: the language whose notice is appended to the same page (1006.34(d)(3)(vi)). */
  translationOf: { language: NoticeLanguage; heading: string; explanation: string } | undefined;
}

export const NOTICE_TEXT: Record<NoticeLanguage, NoticeText> = { en: noticeTextEn, es: noticeTextEs };

export interface ValidationNoticeAccount {
  firstName: string;
  lastName: string;
  /** Mailing address; line breaks, if any, are kept. */
  address: string;
  accountNumber: string;
  /** The creditor the debt is owed to now. */
  creditorName: string;
  originalCreditor: string;
  /** A calendar date, stored as UTC midnight (as the placement import does). */
  itemizationDate: Date;
  /** Minor units, like every amount below. */
  itemizationAmount: number;
  interestSinceItemization: number;
  feesSinceItemization: number;
  paymentsSinceItemization: number;
  creditsSinceItemization: number;
  balance: number;
  currency: string;
}

/** The notice's view of an account row with its creditor. */
export function noticeAccountOf(account: Omit<ValidationNoticeAccount, 'creditorName'> & { creditor: { name: string } }): ValidationNoticeAccount {
  return {
    firstName: account.firstName,
    lastName: account.lastName,
    address: account.address,
    accountNumber: account.accountNumber,
    creditorName: account.creditor.name,
    originalCreditor: account.originalCreditor,
    itemizationDate: account.itemizationDate,
    itemizationAmount: account.itemizationAmount,
    interestSinceItemization: account.interestSinceItemization,
    feesSinceItemization: account.feesSinceItemization,
    paymentsSinceItemization: account.paymentsSinceItemization,
    creditsSinceItemization: account.creditsSinceItemization,
    balance: account.balance,
    currency: account.currency,
  };
}

export interface ValidationNoticeInput {
  collector: CollectorInfo;
  account: ValidationNoticeAccount;
  /** As stored: 23:59:59.999 of the end date in `timeZone` (see src/domain/validationPeriod.ts). */
  validationPeriodEndsAt: Date;
  noticeDate: Date;
  /** The zone the validation period was computed in; defaults to DEFAULT_TIME_ZONE. */
  timeZone?: string;
}

/** Thrown when the account's figures cannot go into a notice (they would misstate the debt). */
export class NoticeDataError extends Error {
  override name = 'NoticeDataError';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Escaped, with line breaks (and "\r\n") kept as <br>. */
function multiline(value: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => escapeHtml(line.trim()))
    .filter((line) => line !== '')
    .join('<br>');
}

const strong = (html: string) => `<strong>${html}</strong>`;

function foreign(text: ForeignText): string {
  return `<span lang="${escapeHtml(text.lang)}">${escapeHtml(text.text)}</span>`;
}

/** Everything the page shows, formatted once for one language. */
interface Figures {
  collectorName: string;
  collectorAddress: string;
  collectorPhone: string;
  collectorHours: string;
  consumerName: string;
  consumerAddress: string;
  reference: string;
  currentCreditor: string;
  originalCreditor: string;
  noticeDate: string;
  itemizationDate: string;
  endDate: string;
  itemizationAmount: string;
  interest: string;
  fees: string;
  paidOrCredited: string;
  payments: string;
  credits: string;
  total: string;
  currencySymbol: string;
}

function checkItemization(account: ValidationNoticeAccount): void {
  const amounts = [
    account.itemizationAmount,
    account.interestSinceItemization,
    account.feesSinceItemization,
    account.paymentsSinceItemization,
    account.creditsSinceItemization,
    account.balance,
  ];
  if (!amounts.every((amount) => Number.isSafeInteger(amount) && amount >= 0)) {
    throw new NoticeDataError('notice amounts must be non-negative integers of minor units');
  }
  const sum =
    account.itemizationAmount +
    account.interestSinceItemization +
    account.feesSinceItemization -
    account.paymentsSinceItemization -
    account.creditsSinceItemization;
  if (sum !== account.balance) {
    throw new NoticeDataError(
      'itemization does not add up: itemization amount + interest + fees - payments - credits differs from the balance',
    );
  }
}

function figuresFor(input: ValidationNoticeInput, text: NoticeText): Figures {
  const { collector, account } = input;
  const zone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const money = (minor: number) => escapeHtml(formatMoney(minor, account.currency, text.locale));
  const longDate = (date: Date, timeZone: string) =>
    escapeHtml(dateTimeFormat(text.locale, { dateStyle: 'long', timeZone }).format(date));
  return {
    collectorName: escapeHtml(collector.name),
    collectorAddress: multiline(collector.address),
    collectorPhone: escapeHtml(collector.phone),
    collectorHours: escapeHtml(collectorHours(collector, text.locale.slice(0, 2))),
    consumerName: escapeHtml(`${account.firstName} ${account.lastName}`.trim()),
    consumerAddress: multiline(account.address),
    // 1006.34(c)(2)(v) allows a truncated account number; the page sits behind a link that can be
    // forwarded, so it never carries the full number (an identifier used in verification).
    reference: escapeHtml(maskAccountNumber(account.accountNumber)),
    currentCreditor: escapeHtml(account.creditorName),
    originalCreditor: escapeHtml(account.originalCreditor),
    noticeDate: longDate(input.noticeDate, zone),
    itemizationDate: longDate(account.itemizationDate, 'UTC'),
    endDate: escapeHtml(formatValidationPeriodEnd(input.validationPeriodEndsAt, text.locale, zone)),
    itemizationAmount: money(account.itemizationAmount),
    interest: money(account.interestSinceItemization),
    fees: money(account.feesSinceItemization),
    paidOrCredited: money(account.paymentsSinceItemization + account.creditsSinceItemization),
    payments: money(account.paymentsSinceItemization),
    credits: money(account.creditsSinceItemization),
    total: money(account.balance),
    currencySymbol: escapeHtml(
      numberFormat(text.locale, { style: 'currency', currency: account.currency })
        .formatToParts(0)
        .find((part) => part.type === 'currency')?.value ?? account.currency,
    ),
  };
}

function signed(sign: '+' | '−', word: string, amount: string): string {
  return `<span aria-hidden="true">${sign}&nbsp;</span><span class="visually-hidden">${escapeHtml(word)} </span>${amount}`;
}

const box = (label: string) => `<li><span class="box" aria-hidden="true">☐</span> ${label}</li>`;

/** One complete notice in one language; `level` is the heading level of its title. */
function renderArticle(input: ValidationNoticeInput, text: NoticeText, level: 1 | 2): string {
  const f = figuresFor(input, text);
  const h = (offset: number) => `h${level + offset}`;
  const id = (name: string) => `${text.htmlLang}-${name}`;
  const t = escapeHtml;
  const end = strong(f.endDate);
  const cfpbLink = `<a href="https://${CFPB_DEBT_COLLECTION_URL}" rel="noreferrer noopener">${CFPB_DEBT_COLLECTION_URL}</a>`;
  const contact = `${f.collectorName}<br>${f.collectorAddress}`;

  return `<article class="notice" lang="${text.htmlLang}" aria-labelledby="${id('title')}">
<header class="notice-header">
<${h(0)} id="${id('title')}">${t(text.title)}</${h(0)}>
<p class="keep">${t(text.keepCopy)}</p>
<div class="parties">
<section class="party" aria-labelledby="${id('from')}">
<${h(1)} id="${id('from')}" class="label">${t(text.fromHeading)}</${h(1)}>
<address>${contact}<br>${text.callUs(f.collectorPhone, f.collectorHours)}</address>
</section>
<section class="party" aria-labelledby="${id('to')}">
<${h(1)} id="${id('to')}" class="label">${t(text.toHeading)}</${h(1)}>
<address>${f.consumerName}<br>${f.consumerAddress}</address>
</section>
</div>
<dl class="meta">
<div><dt>${t(text.noticeDateLabel)}</dt><dd>${f.noticeDate}</dd></div>
<div><dt>${t(text.referenceLabel)}</dt><dd>${f.reference}</dd></div>
</dl>
</header>

<p class="intro">${strong(text.intro(f.collectorName, f.currentCreditor))}</p>

<section aria-labelledby="${id('info')}">
<${h(1)} id="${id('info')}">${t(text.ourInformationHeading)}</${h(1)}>
<dl class="facts">
<div><dt>${t(text.currentCreditorLabel)}</dt><dd>${f.currentCreditor}</dd></div>
<div><dt>${t(text.originalCreditorLabel)}</dt><dd>${f.originalCreditor}</dd></div>
<div><dt>${t(text.accountNumberLabel)}</dt><dd>${f.reference}</dd></div>
</dl>
<table class="itemization">
<caption>${t(text.itemizationCaption)}</caption>
<thead><tr><th scope="col">${t(text.descriptionColumn)}</th><th scope="col" class="amount">${t(text.amountColumn)}</th></tr></thead>
<tbody>
<tr><th scope="row">${text.owedAsOf(f.itemizationDate)}</th><td class="amount">${f.itemizationAmount}</td></tr>
<tr class="group"><th scope="rowgroup" colspan="2">${text.betweenDateAndToday(f.itemizationDate)}</th></tr>
<tr class="sub"><th scope="row">${t(text.interestLine)}</th><td class="amount">${signed('+', text.plusWord, f.interest)}</td></tr>
<tr class="sub"><th scope="row">${t(text.feesLine)}</th><td class="amount">${signed('+', text.plusWord, f.fees)}</td></tr>
<tr class="sub"><th scope="row">${t(text.paidOrCreditedLine)} <span class="breakdown">${text.paidOrCreditedBreakdown(f.payments, f.credits)}</span></th><td class="amount">${signed('−', text.minusWord, f.paidOrCredited)}</td></tr>
</tbody>
<tfoot><tr class="total"><th scope="row">${t(text.totalLine)}</th><td class="amount">${f.total}</td></tr></tfoot>
</table>
</section>

<section aria-labelledby="${id('dispute')}">
<${h(1)} id="${id('dispute')}">${t(text.disputeHeading)}</${h(1)}>
<ul>
<li>${text.disputeCallOrWrite(end)}</li>
<li>${text.disputeWriteStopsCollection(end)} ${t(text.disputeElectronically)}</li>
</ul>
</section>

<section aria-labelledby="${id('else')}">
<${h(1)} id="${id('else')}">${t(text.elseHeading)}</${h(1)}>
<ul>
<li>${text.originalCreditorRequest(end)} ${t(text.originalCreditorElectronically)}</li>
<li>${text.cfpb(cfpbLink)}</li>
<li>${t(text.paymentOptions)} ${text.callUs(f.collectorPhone, f.collectorHours)}</li>
${text.otherLanguageOffer ? `<li>${foreign(text.otherLanguageOffer)}</li>\n` : ''}</ul>
</section>

<section class="response" aria-labelledby="${id('respond')}">
<${h(1)} id="${id('respond')}">${t(text.responseHeading)}</${h(1)}>
<p class="online">${t(text.onlineResponse)}</p>
<div class="parties">
<div class="party">
<p class="label">${t(text.mailTo)}</p>
<address>${contact}</address>
</div>
<div class="party">
<p class="label">${t(text.responderHeading)}</p>
<address>${f.consumerName}<br>${f.consumerAddress}<br>${t(text.referenceLabel)}: ${f.reference}</address>
</div>
</div>
<p>${t(text.checkAll)}</p>
<p class="question">${t(text.disputeBecause)}</p>
<ul class="checkboxes">
${box(t(text.notMyDebt))}
${box(t(text.amountWrong))}
${box(t(text.otherReason))}
</ul>
<ul class="checkboxes">
${box(t(text.sendOriginalCreditor))}
${box(`${t(text.enclosedAmount)} <span class="blank">${f.currencySymbol}</span>`)}
</ul>
<p class="payable">${text.payable(f.collectorName, f.reference)}</p>
${text.otherLanguageCheckbox ? `<ul class="checkboxes">\n${box(foreign(text.otherLanguageCheckbox))}\n</ul>\n` : ''}</section>
</article>`;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: #111827; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
.notice { background: #fff; border: 1px solid #d1d5db; border-radius: 6px; padding: 1.5rem; margin: 0 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.translation-heading { font-size: 1.4rem; margin: 2rem 0 .25rem; }
.notice-header h2.label, .notice-header h3.label, .label { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: #374151; margin: 0 0 .25rem; font-weight: 700; }
.keep { color: #374151; margin: 0 0 1rem; }
.parties { display: flex; flex-wrap: wrap; gap: 1rem 2rem; margin: 1rem 0; }
.party { flex: 1 1 16rem; }
address { font-style: normal; }
dl { margin: .75rem 0; }
dl > div { display: flex; flex-wrap: wrap; gap: 0 .5rem; }
dt { font-weight: 700; }
dt::after { content: ":"; }
dd { margin: 0; }
.intro { font-size: 1.05rem; border-left: 4px solid #1f2937; padding-left: .75rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; }
caption { text-align: left; font-weight: 700; padding-bottom: .25rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #e5e7eb; font-weight: normal; }
thead th { font-weight: 700; border-bottom: 2px solid #9ca3af; }
.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sub th { padding-left: 1.5rem; }
.group th { font-style: italic; }
.breakdown { color: #374151; font-size: .9em; }
.total th, .total td { font-weight: 700; border-top: 2px solid #111827; border-bottom: none; }
ul { padding-left: 1.25rem; }
li { margin: .35rem 0; }
a { color: #1d4ed8; }
.response { border-top: 2px dashed #6b7280; margin-top: 2rem; padding-top: .5rem; }
.online { background: #eef2ff; border: 1px solid #c7d2fe; border-radius: 4px; padding: .75rem; }
.checkboxes { list-style: none; padding-left: 0; }
.box { font-size: 1.2em; margin-right: .25rem; }
.blank { display: inline-block; min-width: 8rem; border-bottom: 1px solid #111827; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 30rem) { main { padding: .5rem; } .notice { padding: 1rem; } }
@media print {
  @page { margin: 1.5cm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .notice { border: none; padding: 0; margin: 0; }
  .notice + .translation { break-before: page; }
  .response { break-inside: avoid; break-before: page; }
  .online { background: none; }
  a { color: inherit; text-decoration: none; }
  .keep { display: none; }
}
`;

function page(lang: NoticeLanguage, title: string, main: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}

/** A short page in one language, in the notice pages' style (the email opt-out page uses it). */
export function renderShortPage(language: NoticeLanguage, title: string, body: string): string {
  return page(language, escapeHtml(title), `<section class="notice" lang="${language}">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
</section>`);
}

/** A short page in every notice language, the first one as the page language. */
function messagePage(title: (text: NoticeText) => string, body: (text: NoticeText) => string): string {
  const [first, ...others] = NOTICE_LANGUAGES.map((language) => NOTICE_TEXT[language]);
  if (!first) throw new Error('no notice languages');
  const section = (text: NoticeText, level: 1 | 2) =>
    `<section class="notice" lang="${text.htmlLang}">
<h${level}>${escapeHtml(title(text))}</h${level}>
<p>${escapeHtml(body(text))}</p>
</section>`;
  return page(first.htmlLang, escapeHtml(title(first)), [section(first, 1), ...others.map((text) => section(text, 2))].join('\n'));
}

/** The same page for every unknown or malformed notice link: not valid, and how to get a new one. */
export function renderInvalidLinkPage(): string {
  return messagePage((t) => t.invalidLinkTitle, (t) => t.invalidLinkBody);
}

/** A notice that exists but cannot be shown right now (its figures do not add up, for example). */
export function renderUnavailablePage(): string {
  return messagePage((t) => t.unavailableTitle, (t) => t.unavailableBody);
}

/** HTML placed before and after the notice on the same page (an email that carries the notice in its body). */
export interface NoticeFrame {
  before?: string;
  after?: string;
}

/**
 * The validation notice as a complete HTML page in `language`. A Spanish page also carries the
 * English notice (Reg F 1006.34(d)(3)(vi): a translation goes with an English version).
 * Throws NoticeDataError when the itemization does not add up to the balance.
 */
export function renderValidationNotice(input: ValidationNoticeInput, language: NoticeLanguage, frame: NoticeFrame = {}): string {
  const text = NOTICE_TEXT[language];
  if (!text) throw new NoticeDataError(`no notice text for language "${String(language)}"`);
  checkItemization(input.account);
  if (Number.isNaN(input.validationPeriodEndsAt.getTime()) || Number.isNaN(input.noticeDate.getTime())) {
    throw new NoticeDataError('notice dates must be valid dates');
  }

  let body = renderArticle(input, text, 1);
  if (text.translationOf) {
    const original = NOTICE_TEXT[text.translationOf.language];
    body += `
<section class="translation" aria-labelledby="translation-heading">
<h2 id="translation-heading" class="translation-heading">${escapeHtml(text.translationOf.heading)}</h2>
<p>${escapeHtml(text.translationOf.explanation)}</p>
${renderArticle(input, original, 2)}
</section>`;
  }

  return page(text.htmlLang, text.pageTitle(escapeHtml(input.collector.name)), `${frame.before ?? ''}${body}${frame.after ?? ''}`);
}
