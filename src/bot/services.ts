import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Db } from '../db/database.ts';
import type { OfficeHours } from '../domain/officeHours.ts';
import type { Account, Creditor } from '../db/generated/client.ts';
import type { TurnAccount, VerifiedAccount } from '../accounts/turnAccount.ts';
import { esignStanding, type EsignStanding } from '../accounts/consent.ts';
import { turnStoreFor } from '../storage/turnStore.ts';
import { findOpenPlan, type PlanWithInstallments } from '../negotiation/planStore.ts';
import { turnCached } from './turnCache.ts';
import { itemize, maskAccountNumber } from '../domain/itemization.ts';
import { dataForText, type TextFormat } from '../domain/markdown.ts';
import { formatMoney } from '../domain/money.ts';
import { formatValidationPeriodEnd } from '../domain/validationPeriod.ts';
import { messagesFor, type AccountView, type Catalogue, type CollectorInfo } from '../messages/catalogue.ts';
import type { Recognition, Recognizer } from '../nlu/recognizer.ts';
import { catalogueOn, type Catalogues } from '../messages/smsShort.ts';
import { languageOf } from './language.ts';
import { newSession, type Session } from './session.ts';
import { dateTimeFormat } from '../domain/intlFormats.ts';

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
  const session = await services.session.get(context, newSession(languageOf(context)));
  if (channelOf(context) === 'sms') session.sms = true;
  return session;
}

/** A catalogue as this debtor reads it: by SMS with its short versions (src/messages/smsShort.ts). */
function catalogueOfSession<K extends keyof Catalogues>(session: Session, kind: K): Catalogues[K] {
  return catalogueOn(session.sms ? 'sms' : 'web', kind, session.language);
}

export const catalogueOf = (session: Session): Catalogue => catalogueOfSession(session, 'main');
export const conversationOf = (session: Session): Catalogues['conversation'] => catalogueOfSession(session, 'conversation');
export const negotiationOf = (session: Session): Catalogues['negotiation'] => catalogueOfSession(session, 'negotiation');
export const officerOf = (session: Session): Catalogues['officer'] => catalogueOfSession(session, 'officer');
export const checkInOf = (session: Session): Catalogues['checkIn'] => catalogueOfSession(session, 'checkIn');
export const recordTextOf = (session: Session): Catalogues['record'] => catalogueOfSession(session, 'record');

/** The recognizer runs once per turn; dialogs share the result. */
export async function recognitionOf(context: TurnContext, services: ConversationServices): Promise<Recognition> {
  const cached = context.turnState.get(RECOGNITION) as Recognition | undefined;
  if (cached) return cached;
  const session = await sessionOf(context, services);
  const local = context.turnState.get(LOCAL_ONLY) === true || services.recognizer === services.localRecognizer;
  const recognition = local ? await localRecognitionOf(context, services) : await services.recognizer.recognize(context.activity.text ?? '', { language: session.language });
  context.turnState.set(RECOGNITION, recognition);
  return recognition;
}

const LOCAL_RECOGNITIONS = Symbol('localRecognitions');

/** The deterministic recognizer's reading of `text` (by default the message): once per turn, text and language. */
export async function localRecognitionOf(context: TurnContext, services: ConversationServices, text: string = context.activity.text ?? ''): Promise<Recognition> {
  const { language } = await sessionOf(context, services);
  let cache = context.turnState.get(LOCAL_RECOGNITIONS) as Map<string, Promise<Recognition>> | undefined;
  if (!cache) {
    cache = new Map();
    context.turnState.set(LOCAL_RECOGNITIONS, cache);
  }
  const key = `${language}\u0000${text}`;
  let recognition = cache.get(key);
  if (!recognition) {
    recognition = services.localRecognizer.recognize(text, { language });
    cache.set(key, recognition);
  }
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
  const date = (d: Date) => dateTimeFormat(text.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
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

/** The verified account with its creditor and plans, read once per turn (see turnAccount.ts). */
export async function turnAccountOf(context: TurnContext, services: ConversationServices): Promise<TurnAccount | null> {
  const session = await sessionOf(context, services);
  const accountId = session.accountId;
  if (!accountId) return null;
  return turnCached(context, `account:${accountId}`, () => turnStoreFor(services.db).account(accountId));
}

/** The account's E-SIGN consent, read once per turn (again only after a write of the turn). */
export async function esignStandingOf(context: TurnContext, services: ConversationServices, accountId: string): Promise<EsignStanding> {
  // The verified account's comes with the turn's account read.
  const turn = (await sessionOf(context, services)).accountId === accountId ? await turnAccountOf(context, services) : null;
  if (turn?.account.id === accountId) return turn.esign;
  return turnCached(context, `esign:${accountId}`, () => esignStanding(services.db, accountId));
}

export async function verifiedAccount(context: TurnContext, services: ConversationServices): Promise<VerifiedAccount | null> {
  return (await turnAccountOf(context, services))?.account ?? null;
}

/** The account's open plan: from the turn's read when it is the verified account. */
export async function openPlanOf(context: TurnContext, services: ConversationServices, accountId: string): Promise<PlanWithInstallments | null> {
  const turn = await turnAccountOf(context, services);
  return turn?.account.id === accountId ? turn.openPlan : findOpenPlan(services.db, accountId);
}
