import type { NoticeText } from './validationNotice.ts';

/**
 * English text of the validation notice: Regulation F Model Form B-1 (12 CFR 1006, Appendix B),
 * adapted for a page delivered online. Literal text here is plain text (no HTML special
 * characters); the values handed to the functions are already HTML-escaped by the renderer.
 */
export const noticeTextEn: NoticeText = {
  locale: 'en-US',
  htmlLang: 'en',
  title: 'Validation notice',
  pageTitle: (collector) => `Validation notice from ${collector}`,
  keepCopy: 'This notice is yours to keep. To keep a copy, save this page or print it.',
  fromHeading: 'From',
  toHeading: 'To',
  callUs: (phone, hours) => `Call us: ${phone} (${hours})`,
  noticeDateLabel: 'Notice date',
  referenceLabel: 'Reference',
  intro: (collector, creditor) =>
    `${collector} is a debt collector. We are trying to collect a debt that you owe to ${creditor}. We will use any information you give us to help collect the debt.`,
  ourInformationHeading: 'Our information shows:',
  currentCreditorLabel: 'Current creditor',
  originalCreditorLabel: 'Original creditor',
  accountNumberLabel: 'Account number',
  itemizationCaption: 'How the amount of the debt adds up',
  descriptionColumn: 'Item',
  amountColumn: 'Amount',
  owedAsOf: (date) => `As of ${date}, you owed:`,
  betweenDateAndToday: (date) => `Between ${date} and today:`,
  interestLine: 'You were charged this amount in interest:',
  feesLine: 'You were charged this amount in fees:',
  paidOrCreditedLine: 'You paid or were credited this amount toward the debt:',
  paidOrCreditedBreakdown: (payments, credits) => `(payments ${payments}, credits ${credits})`,
  totalLine: 'Total amount of the debt now:',
  plusWord: 'plus',
  minusWord: 'minus',
  disputeHeading: 'How can you dispute the debt?',
  disputeCallOrWrite: (date) =>
    `Call or write to us by ${date}, to dispute all or part of the debt. If you do not, we will assume that our information is correct.`,
  disputeWriteStopsCollection: (date) =>
    `If you write to us by ${date}, we must stop collection on any amount you dispute until we send you information that shows you owe the debt. You may use the form below or write to us without the form. You may also include supporting documents.`,
  disputeElectronically:
    'We accept disputes electronically: tell us in the chat where you received this notice, in your own words.',
  elseHeading: 'What else can you do?',
  originalCreditorRequest: (date) =>
    `Write to ask for the name and address of the original creditor, if different from the current creditor. If you write by ${date}, we must stop collection until we send you that information. You may use the form below or write to us without the form.`,
  originalCreditorElectronically: 'We accept such requests electronically in the chat as well.',
  cfpb: (url) =>
    `Go to ${url} to learn more about your rights under federal law. For instance, you have the right to stop or limit how we contact you.`,
  paymentOptions: 'Contact us about your payment options.',
  otherLanguageOffer: {
    lang: 'es',
    text: 'Póngase en contacto con nosotros para solicitar una copia de este formulario en español.',
  },
  responseHeading: 'How do you want to respond?',
  onlineResponse:
    'You do not have to mail anything. You can do any of this right in the chat: tell us, in your own words, that you dispute the debt (and why, if you like) or that you want the name and address of the original creditor. We will record it, confirm it to you, and treat it as if you had written to us. If you prefer paper, print this page and mail the form below.',
  mailTo: 'Mail this form to:',
  responderHeading: 'From',
  checkAll: 'Check all that apply:',
  disputeBecause: 'I want to dispute the debt because I think:',
  notMyDebt: 'This is not my debt.',
  amountWrong: 'The amount is wrong.',
  otherReason: 'Other (please describe on reverse or attach additional information).',
  sendOriginalCreditor: 'I want you to send me the name and address of the original creditor.',
  enclosedAmount: 'I enclosed this amount:',
  payable: (collector, reference) =>
    `Make your check payable to ${collector}. Include the reference number ${reference}.`,
  otherLanguageCheckbox: { lang: 'es', text: 'Quiero este formulario en español.' },
  invalidLinkTitle: 'This link is not valid',
  invalidLinkBody:
    'This notice link is not valid. It may be incomplete or mistyped. To get a new link, go back to the chat and ask for your validation notice.',
  unavailableTitle: 'This notice cannot be shown right now',
  unavailableBody:
    'We are sorry: this notice cannot be shown right now. Please try again later, or go back to the chat and type "agent" to talk to a person.',
  translationOf: undefined,
};
