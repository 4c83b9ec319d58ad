import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Db } from '../db/database.ts';
import type { OfficeHours } from '../domain/officeHours.ts';
import type { Account, Creditor } from '../db/generated/client.ts';
import { itemize, maskAccountNumber } from '../domain/itemization.ts';
import { dataForText, type TextFormat } from '../domain/markdown.ts';
import { formatMoney } from '../domain/money.ts';
import { formatValidationPeriodEnd } from '../domain/validationPeriod.ts';
import { messagesFor, type AccountView, type Catalogue, type CollectorInfo } from '../messages/catalogue.ts';
import type { Recognition, Recognizer } from '../nlu/recognizer.ts';
import { languageOf } from './language.ts';
import { newSession, type Session } from './session.ts';

/** Everything the dialogs need from the outside world, passed in by the composition root. */
export interface ConversationServices {
  db: Db;
  recognizer: Recognizer;
  /**
   * The deterministic recognizer alone: consents ("yes") never rest on a language model, and
   * verification answers (identity factors) never reach one.
   */
  localRecognizer: Recognizer;
  collector: CollectorInfo;
  hashKey: string;
  /** Absolute base URL for links the debtor opens (validation notice, payment pages). */
  publicBaseUrl: string;
  /** Verification lapses after this long without a message from the debtor. */
  verificationIdleMs: number;
  /** When officers answer chats (null: around the clock). */
  officeHours: OfficeHours | null;
  now(): Date;
  session: StatePropertyAccessor<Session>;
}

const RECOGNITION = Symbol('recognition');
/** Set before recognizing a message that may hold identity factors: it stays on this machine. */
export const LOCAL_ONLY = Symbol('localOnly');
/** Set by the verification dialog when the message carried identity factors (masked in the transcript). */
export const SENSITIVE_TURN = Symbol('sensitiveTurn');
/** Set by the transcript middleware when a card number was removed from the message. */
export const CARD_REMOVED = Symbol('cardRemoved');
/**
 * Set by the transcript middleware when the message finished a card number begun in earlier
 * messages: `{ id, old, text }` of each earlier debtor message whose stored text was rewritten
 * (channels that keep their own copy, like Direct Line, rewrite it in the commit).
 */
export const REWRITTEN_DEBTOR_MESSAGES = Symbol('rewrittenDebtorMessages');
/** The Conversation row id, set by the transcript middleware. */
export const CONVERSATION_RECORD = Symbol('conversationRecord');
/** Who holds the conversation ("bot" | "queued" | "officer"), set by the transcript middleware. */
export const CONVERSATION_HOLDER = Symbol('conversationHolder');

export async function sessionOf(context: TurnContext, services: ConversationServices): Promise<Session> {
  return services.session.get(context, newSession(languageOf(context)));
}

export function catalogueOf(session: Session): Catalogue {
  return messagesFor(session.language);
}

/** The recognizer runs once per turn; dialogs share the result. */
export async function recognitionOf(context: TurnContext, services: ConversationServices): Promise<Recognition> {
  const cached = context.turnState.get(RECOGNITION) as Recognition | undefined;
  if (cached) return cached;
  const session = await sessionOf(context, services);
  const recognizer = context.turnState.get(LOCAL_ONLY) === true ? services.localRecognizer : services.recognizer;
  const recognition = await recognizer.recognize(context.activity.text ?? '', { language: session.language });
  context.turnState.set(RECOGNITION, recognition);
  return recognition;
}

export function conversationRecordId(context: TurnContext): string | undefined {
  return context.turnState.get(CONVERSATION_RECORD) as string | undefined;
}

export type ChannelKind = 'web' | 'sms' | string;

export function channelOf(context: TurnContext): ChannelKind {
  const id = context.activity.channelId;
  if (id === 'sms') return 'sms';
  if (id === 'directline' || id === 'webchat') return 'web';
  return id;
}

/** How the channel shows the bot's text: SMS as it is, everything else (Web Chat, Emulator) as Markdown. */
export function textFormatOf(context: TurnContext): TextFormat {
  return channelOf(context) === 'sms' ? 'plain' : 'markdown';
}

export function accountView(account: Account & { creditor: Creditor }, text: Catalogue, format: TextFormat): AccountView {
  const item = itemize(account);
  const data = (value: string) => dataForText(value, format);
  const money = (minor: number) => formatMoney(minor, item.currency, text.locale);
  const date = (d: Date) => new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  return {
    firstName: data(account.firstName),
    maskedAccountNumber: data(maskAccountNumber(account.accountNumber)),
    creditor: data(account.creditor.name),
    originalCreditor: data(account.originalCreditor),
    current: money(item.current),
    itemizationDate: date(item.itemizationDate),
    itemizationAmount: money(item.itemizationAmount),
    interest: money(item.interest),
    fees: money(item.fees),
    payments: money(item.payments),
    credits: money(item.credits),
    validationEnds: account.validationPeriodEndsAt ? formatValidationPeriodEnd(account.validationPeriodEndsAt, text.locale) : undefined,
  };
}

export async function verifiedAccount(context: TurnContext, services: ConversationServices): Promise<(Account & { creditor: Creditor }) | null> {
  const session = await sessionOf(context, services);
  if (!session.accountId) return null;
  return services.db.account.findUnique({ where: { id: session.accountId }, include: { creditor: true } });
}
