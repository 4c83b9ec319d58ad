import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { verifyClaim, type VerificationClaim } from '../src/accounts/verification.ts';
import { VERIFICATION_LOCK_MINUTES } from '../src/domain/verificationLock.ts';
import { accountFromChatLink } from '../src/outreach/chatStart.ts';
import type { CalendarDate } from '../src/nlu/recognizer.ts';
import {
  catalogueOf,
  channelOf,
  conversationRecordId,
  recognitionOf,
  SENSITIVE_TURN,
  sessionOf,
  type ConversationServices,
} from '../src/bot/services.ts';

type Asking = 'identifier' | 'dob' | 'factor';

interface VerifyState {
  claim: Partial<VerificationClaim>;
  asking: Asking;
  /** The account an outreach email's chat link opened the conversation on (kept when starting over). */
  linkedAccountId?: string;
}

export interface VerifyResult {
  accountId?: string;
}

const NAME_LEAD_IN = /^(?:hi|hello|hola)?[,\s]*(?:my name is|my name's|name is|i am|i'm|im|this is|it's|me llamo|mi nombre es|soy)\s+/i;

/** "my name is Maria Lopez" -> "Maria Lopez"; null unless it reads as 2-4 words of a name. */
export function nameFrom(text: string): string | null {
  const candidate = text.trim().replace(NAME_LEAD_IN, '').replace(/[.!]+$/, '').trim();
  const words = candidate.split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  return words.every((w) => /^[\p{L}][\p{L}'’-]*$/u.test(w)) ? candidate : null;
}

function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Confirms who the debtor is before anything about an account is said: on the web an account
 * number or full name, by SMS the phone on file; then date of birth; then ZIP or SSN last 4.
 * Answers may come in any order or all at once. A failure never says which factor was wrong.
 */
export class VerifyDialog extends Dialog {
  static readonly id = 'verify';

  constructor(private readonly services: ConversationServices) {
    super(VerifyDialog.id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const session = await sessionOf(dc.context, this.services);
    const text = catalogueOf(session);
    if (session.verificationBlockedUntil && session.verificationBlockedUntil > this.services.now().getTime()) {
      await dc.context.sendActivity(text.verifyExhausted(this.services.collector));
      return dc.endDialog({} satisfies VerifyResult);
    }
    const state = this.freshState(dc.context, (await accountFromChatLink(dc.context, this.services)) ?? undefined);
    dc.activeDialog!.state = state;
    if (state.asking === 'dob') await dc.context.sendActivity(text.askDobFirst());
    else await this.ask(dc.context, state, false);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    dc.context.turnState.set(SENSITIVE_TURN, true);
    const state = dc.activeDialog!.state as VerifyState;
    const session = await sessionOf(dc.context, this.services);
    const text = catalogueOf(session);
    const recognition = await recognitionOf(dc.context, this.services);
    const { entities } = recognition;
    const message = dc.context.activity.text ?? '';
    const before = JSON.stringify(state.claim);

    if (entities.accountNumber && !state.claim.phone) {
      state.claim.accountNumber = entities.accountNumber;
      delete state.claim.fullName;
    }
    if (state.asking === 'identifier' && !state.claim.accountNumber && ['unknown', 'greeting'].includes(recognition.intent)) {
      const name = nameFrom(message);
      if (name) state.claim.fullName = name;
    }
    if (entities.dates[0]) state.claim.dob = isoDate(entities.dates[0]);
    if (entities.zip) state.claim.zip = entities.zip;
    if (entities.ssnLast4) state.claim.ssnLast4 = entities.ssnLast4;
    if (state.asking === 'factor' && !entities.zip && !entities.ssnLast4) {
      const digits = message.replace(/\D/g, '');
      if (/^\s*\d{5}(-\d{4})?\s*$/.test(message)) state.claim.zip = digits.slice(0, 5);
      else if (/^\s*\d{4}\s*$/.test(message)) state.claim.ssnLast4 = digits;
    }

    const progressed = JSON.stringify(state.claim) !== before;
    const next = this.nextMissing(state.claim);
    if (next) {
      const askedAgain = next === state.asking && !progressed;
      state.asking = next;
      if (askedAgain && next === 'dob' && entities.ambiguousDate) {
        await dc.context.sendActivity(text.askDobAgainAmbiguous());
      } else if (askedAgain && recognition.intent !== 'unknown' && recognition.intent !== 'greeting') {
        // "how much do I owe?" before verification: nothing about any account, just the next question.
        await dc.context.sendActivity(text.verifyFirst());
        await this.ask(dc.context, state, false);
      } else {
        await this.ask(dc.context, state, askedAgain);
      }
      return Dialog.EndOfTurn;
    }

    const result = await verifyClaim(this.services.db, state.claim as VerificationClaim, {
      hashKey: this.services.hashKey,
      now: this.services.now(),
      conversationId: conversationRecordId(dc.context),
      channel: channelOf(dc.context),
    });
    if (result.ok) {
      session.failedVerifications = 0;
      return dc.endDialog({ accountId: result.account.id } satisfies VerifyResult);
    }

    session.failedVerifications += 1;
    if (result.lockedNow || session.failedVerifications >= 3) {
      session.failedVerifications = 0;
      session.verificationBlockedUntil = this.services.now().getTime() + VERIFICATION_LOCK_MINUTES * 60_000;
      await dc.context.sendActivity(text.verifyExhausted(this.services.collector));
      return dc.endDialog({} satisfies VerifyResult);
    }
    await dc.context.sendActivity(text.verifyFailed());
    const fresh = this.freshState(dc.context, state.linkedAccountId);
    dc.activeDialog!.state = fresh;
    await this.ask(dc.context, fresh, false);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, instance.state as VerifyState, false);
  }

  private freshState(context: TurnContext, linkedAccountId?: string): VerifyState {
    // By SMS the phone number the message came from identifies the debtor.
    if (channelOf(context) === 'sms' && context.activity.from?.id) {
      return { claim: { phone: context.activity.from.id }, asking: 'dob' };
    }
    // Opened from an outreach email's chat link: that account, still verified by the factors.
    if (linkedAccountId) return { claim: { accountId: linkedAccountId }, asking: 'dob', linkedAccountId };
    return { claim: {}, asking: 'identifier' };
  }

  private nextMissing(claim: Partial<VerificationClaim>): Asking | null {
    if (!claim.accountNumber && !claim.fullName && !claim.phone && !claim.accountId) return 'identifier';
    if (!claim.dob) return 'dob';
    if (!claim.zip && !claim.ssnLast4) return 'factor';
    return null;
  }

  private async ask(context: TurnContext, state: VerifyState, again: boolean): Promise<void> {
    const text = catalogueOf(await sessionOf(context, this.services));
    const prompt = {
      identifier: again ? text.askIdentifierAgain() : text.askIdentifier(),
      dob: again ? text.askDobInvalid() : text.askDob(),
      factor: again ? text.askFactorInvalid() : text.askFactor(),
    }[state.asking];
    await context.sendActivity(prompt);
  }
}
