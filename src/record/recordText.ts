/** The words of the debtor's record page and of the bot's offer of it, one set per language. */
import type { Language } from '../messages/catalogue.ts';

export interface RecordText {
  locale: string;
  /** Said by the bot after an agreement, a payment, a dispute or a consent. */
  offer(link: string): string;
  title: string;
  intro(expires: string): string;
  print: string;
  account: string;
  accountNumber: string;
  creditor: string;
  balance: string;
  status: string;
  statusWords: { active: string; paused: string; ceased: string };
  plans: string;
  planStatus: string;
  authorized(at: string, channel: string): string;
  payments: string;
  paymentLine(amount: string, date: string, status: string): string;
  disputes: string;
  disputeKind: { dispute: string; original_creditor: string };
  disputeStatus: Record<string, string>;
  consents: string;
  consentLine(at: string, channel: string): string;
  withdrawn(at: string): string;
  notice: string;
  noticeLine(at: string, channel: string, ends: string): string;
  transcript: string;
  who: { debtor: string; bot: string; officer: string };
  none: string;
  channels: Record<string, string>;
  refused: { invalidTitle: string; invalid: string; expiredTitle: string; expired: string };
}

const en: RecordText = {
  locale: 'en-US',
  offer: (link) => `You can keep a record of your account with us — what you agreed, receipts, requests and this conversation — on this page, to save or print: ${link}`,
  title: 'Your record',
  intro: (expires) => `What you agreed with us, your payments, your requests and our conversations. This link works until ${expires}; you can ask in the chat for a new one.`,
  print: 'Print or save this page',
  account: 'Account',
  accountNumber: 'Account number',
  creditor: 'Creditor',
  balance: 'Current balance',
  status: 'Status',
  statusWords: { active: 'Open', paused: 'Collection paused', ceased: 'You asked us to stop contacting you' },
  plans: 'Agreements',
  planStatus: 'Status',
  authorized: (at, channel) => `You agreed on ${at} by ${channel}, to these exact words:`,
  payments: 'Payments',
  paymentLine: (amount, date, status) => `${amount} on ${date} (${status})`,
  disputes: 'Disputes and requests',
  disputeKind: { dispute: 'Dispute', original_creditor: 'Request for the original creditor' },
  disputeStatus: { open: 'being reviewed', verified: 'verified', closed: 'closed' },
  consents: 'Consent to electronic notices',
  consentLine: (at, channel) => `Given on ${at} by ${channel}, to these words:`,
  withdrawn: (at) => `Withdrawn on ${at}.`,
  notice: 'Validation notice',
  noticeLine: (at, channel, ends) => `Delivered on ${at} (${channel}). Your validation period ends ${ends}.`,
  transcript: 'Our conversations',
  who: { debtor: 'You', bot: 'Virtual assistant', officer: 'Our team' },
  none: 'Nothing yet.',
  channels: { web: 'website chat', sms: 'text message', mail: 'mail', email: 'email' },
  refused: {
    invalidTitle: 'This link is not valid',
    invalid: 'This link to your record is not valid, or it was not copied completely. Please ask in the chat for a new link.',
    expiredTitle: 'This link has expired',
    expired: 'Links to your record work for 30 days, for your privacy. Please ask in the chat for a new link.',
  },
};

const es: RecordText = {
  locale: 'es-US',
  offer: (link) => `Puede guardar un registro de su cuenta con nosotros — lo que acordó, recibos, solicitudes y esta conversación — en esta página, para guardar o imprimir: ${link}`,
  title: 'Su registro',
  intro: (expires) => `Lo que acordó con nosotros, sus pagos, sus solicitudes y nuestras conversaciones. Este enlace funciona hasta el ${expires}; puede pedir uno nuevo en el chat.`,
  print: 'Imprimir o guardar esta página',
  account: 'Cuenta',
  accountNumber: 'Número de cuenta',
  creditor: 'Acreedor',
  balance: 'Saldo actual',
  status: 'Estado',
  statusWords: { active: 'Abierta', paused: 'Cobro suspendido', ceased: 'Nos pidió que dejáramos de contactarle' },
  plans: 'Acuerdos',
  planStatus: 'Estado',
  authorized: (at, channel) => `Usted aceptó el ${at} por ${channel}, con estas palabras exactas:`,
  payments: 'Pagos',
  paymentLine: (amount, date, status) => `${amount} el ${date} (${status})`,
  disputes: 'Disputas y solicitudes',
  disputeKind: { dispute: 'Disputa', original_creditor: 'Solicitud del acreedor original' },
  disputeStatus: { open: 'en revisión', verified: 'verificada', closed: 'cerrada' },
  consents: 'Consentimiento para avisos electrónicos',
  consentLine: (at, channel) => `Dado el ${at} por ${channel}, con estas palabras:`,
  withdrawn: (at) => `Retirado el ${at}.`,
  notice: 'Aviso de validación',
  noticeLine: (at, channel, ends) => `Entregado el ${at} (${channel}). Su período de validación termina el ${ends}.`,
  transcript: 'Nuestras conversaciones',
  who: { debtor: 'Usted', bot: 'Asistente virtual', officer: 'Nuestro equipo' },
  none: 'Nada todavía.',
  channels: { web: 'chat del sitio web', sms: 'mensaje de texto', mail: 'correo postal', email: 'correo electrónico' },
  refused: {
    invalidTitle: 'Este enlace no es válido',
    invalid: 'Este enlace a su registro no es válido, o no se copió completo. Por favor, pida un enlace nuevo en el chat.',
    expiredTitle: 'Este enlace ha vencido',
    expired: 'Los enlaces a su registro funcionan 30 días, por su privacidad. Por favor, pida un enlace nuevo en el chat.',
  },
};

export const RECORD_TEXT: Readonly<Record<Language, RecordText>> = { en, es };

export function recordTextFor(language: string | null | undefined): RecordText {
  return language === 'es' ? es : en;
}
