import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { verifyClaim, type VerificationClaim } from '../src/accounts/verification.ts';
import { nameAfterCue } from '../src/domain/contactDetails.ts';
import { MAX_FAILED_VERIFICATIONS, VERIFICATION_LOCK_MINUTES } from '../src/domain/verificationLock.ts';
import type { CalendarDate, Recognition } from '../src/nlu/recognizer.ts';
import { messagesFor } from '../src/messages/catalogue.ts';
import type { VerifyFact, VerifyQuestion } from '../src/messages/conversation.ts';
import { normalizeText } from '../src/nlu/deterministicRecognizer.ts';
import type { Session } from '../src/bot/session.ts';
import { extractName } from '../src/nlu/entities/names.ts';
import { accountFromChatLink } from '../src/outreach/chatStart.ts';
import { conversationOf, catalogueOf, channelOf, conversationRecordId, recognitionOf, SENSITIVE_TURN, sessionOf, type ConversationServices } from '../src/bot/services.ts';
import { ANSWERED, ask, notUnderstood } from './prompts.ts';
import { linkVerifiedConversation } from './verifiedConversation.ts';
import { hardshipRequest } from '../src/negotiation/hardshipRequests.ts';

interface VerifyState {
  claim: Partial<VerificationClaim>;
  asking: VerifyQuestion;
  /** Both readings of an ambiguous numeric date of birth (ISO), the US one first, waiting for a yes or no. */
  dobReadings?: [string, string];
  /** The account an outreach email's chat link opened the conversation on (kept when starting over). */
  linkedAccountId?: string;
}

/** Whether the verification waiting for this message asks for the date of birth (or which reading of it): its dates are a birthday. */
export function awaitsDateOfBirth(dc: DialogContext): boolean {
  for (let c: DialogContext | undefined = dc; c; c = c.child) {
    const active = c.activeDialog;
    if (active?.id === VerifyDialog.id) {
      const state = active.state as VerifyState;
      return state.asking === 'dob' || state.dobReadings !== undefined;
    }
  }
  return false;
}

export interface VerifyResult {
  /** Every account verified (one person may have several placements); empty when verification failed. */
  accountIds?: string[];
}

/**
 * The name in an answer to "what is your name?", as the recognizer's name reader finds it
 * (labels, particles, honorifics, a date after it: "Aisha Bello, December 5 1995"), else after a
 * cue inside a longer message ("…, I'm Maria Johnson and…").
 */
export function nameInAnswer(message: string): string | null {
  return extractName(message, { expected: true })?.name ?? nameAfterCue(message) ?? null;
}

/**
 * A name said as a clause of its own in a longer message ("hi, megan foster. i got a notice…",
 * "quiero liquidar mi cuenta completa. Carlos Ramírez"; review 4, D06, D14): each short clause read
 * as an answer to "what is your name?".
 */
function nameInClauses(message: string): string | null {
  for (const clause of message.split(/[.,;!?¿¡\n]+/)) {
    const words = clause.trim().split(/\s+/).filter(Boolean);
    if (words.length < 2 || words.length > 4) continue;
    const name = extractName(clause.trim(), { expected: true })?.name;
    if (name) return name;
  }
  return null;
}

export interface VerifyOptions {
  /** The message that started the conversation is read for answers (issue #12 item 1). */
  readMessage?: boolean;
}

/** A calendar date as YYYY-MM-DD. */
export function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Messages that ask for nothing: no "I can help with that once you are verified" before the question. */
const PLAIN: ReadonlySet<string> = new Set(['unknown', 'greeting', 'affirm', 'deny', 'thanks']);
/** What may come with the yes or no to "Did you mean November 3, 1979?" ("yes thanks", "no sorry"). */
const YES_NO_WITH: ReadonlySet<string> = new Set(['affirm', 'deny', 'thanks', 'greeting']);
/** A whole first clause that is a yes or a no ("yes. also…", "no, it's the 5th", "yes and can i settle…"). */
const OPENING_ANSWER = /^\s*(yes|yeah|yep|yup|correct|right|si|claro|no|nope)\s*(?:$|(?:and|also|but|so|y|pero|tambien|ademas)\b)/;

/** "I don't have the letter anymore", "lost the letter", "ya no tengo la carta" (normalised text). */
const NO_LETTER =
  /\b(?:do not have|no longer have|can not find|lost|threw away|threw out|never got|did not get|never received|no tengo|ya no tengo|no encuentro|perdi|no me llego|nunca recibi|no recibi)\b(?:\s+\w+){0,3}\s+(?:letter|carta|account number|numero de cuenta|notice|aviso)\b/;

/** A five-digit number on its own in a verification answer is a ZIP code ("3/14/85 30301", "zip 30301."). */
const ZIP_WORD = /\b(zip|postal|c[oó]digo)\b/i;
const BARE_ZIP = /(?<![\d/.-])\d{5}(?!\d|[/.-]\d)/;
const LONE_FOUR_DIGITS = /^[^\d]*?(?<![\d/.-])(\d{4})(?![\d/.-]\d)[^\d]*$/;

/**
 * Confirms who the debtor is before anything about an account is said: on the web an account
 * number or full name, by SMS the phone on file; then date of birth; then ZIP or SSN last 4.
 * Answers may come in any order or all at once — the first message of the conversation included —
 * and each one is acknowledged ("Thank you, I have your date of birth") before the next question,
 * which is never asked twice in the same words. A numeric date that reads two ways is asked about
 * with a yes or no ("Did you mean November 3, 1979?"), the US reading first; one reading is tried
 * per attempt, so checking stays as strict as ever. A failure never says which factor was wrong.
 */
export class VerifyDialog extends Dialog<VerifyOptions> {
  static readonly id = 'verify';

  constructor(private readonly services: ConversationServices) {
    super(VerifyDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: VerifyOptions): Promise<DialogTurnResult> {
    const session = await sessionOf(dc.context, this.services);
    const text = catalogueOf(session);
    if (session.verificationBlockedUntil && session.verificationBlockedUntil > this.services.now().getTime()) {
      await dc.context.sendActivity(text.verifyExhausted(this.services.collector));
      return dc.endDialog({} satisfies VerifyResult);
    }
    const state = this.freshState(dc.context, (await accountFromChatLink(dc.context, this.services)) ?? undefined);
    dc.activeDialog!.state = state;
    if (options?.readMessage && dc.context.activity.type === 'message') return this.read(dc, state, true);
    await this.askFirst(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    return this.read(dc, dc.activeDialog!.state as VerifyState, false);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as VerifyState;
    const session = await sessionOf(context, this.services);
    if (state.dobReadings) await ask(context, session, this.confirmWordings(session, state.dobReadings));
    else await ask(context, session, conversationOf(session).verifyQuestion(state.asking));
  }

  private async read(dc: DialogContext, state: VerifyState, first: boolean): Promise<DialogTurnResult> {
    const { context } = dc;
    context.turnState.set(SENSITIVE_TURN, true);
    const session = await sessionOf(context, this.services);
    const recognition = await recognitionOf(context, this.services);
    const message = context.activity.text ?? '';
    const answered = context.turnState.get(ANSWERED) === true;
    const pendingReadings = state.dobReadings;
    const got = this.gather(state, recognition, message, answered);

    // The answer to "Did you mean …?" (readings asked about on an earlier turn, not just read).
    if (pendingReadings && state.dobReadings === pendingReadings && !got.includes('dob')) {
      const settled = this.settleReading(state, recognition, message);
      if (settled) got.push('dob');
      else if (!answered && got.length === 0) {
        if (PLAIN.has(recognition.intent) && recognition.entities.money.length === 0 && !hardshipRequest(message, recognition, null)) {
          await notUnderstood(context, this.services, this.confirmWordings(session, state.dobReadings), { record: false });
        } else {
          // "ok fine, 1134.35 then", "can u just put it on hold": an offer, a request or a question — not a yes.
          await context.sendActivity(catalogueOf(session).verifyFirst());
          await ask(context, session, this.confirmWordings(session, state.dobReadings));
        }
        return Dialog.EndOfTurn;
      }
    }

    const next = this.nextMissing(state.claim);
    if (!next) return this.check(dc, state);
    state.asking = next;
    const conversation = conversationOf(session);
    const ack = got.length > 0 ? `${conversation.verifyAck(got)} ` : '';
    if (next === 'dob' && state.dobReadings) {
      await ask(context, session, this.confirmWordings(session, state.dobReadings).map((q) => ack + q));
    } else if (got.length > 0) {
      await ask(context, session, conversation.verifyQuestion(next).map((q) => ack + q));
    } else if (next === 'identifier' && NO_LETTER.test(normalizeText(message))) {
      // "I don't have the letter anymore": it is not needed, the name will do.
      await ask(context, session, conversation.verifyWithoutLetter());
    } else if (first) {
      if (!answered && !PLAIN.has(recognition.intent)) await context.sendActivity(catalogueOf(session).verifyFirst());
      await this.askFirst(context, state);
    } else if (answered || (PLAIN.has(recognition.intent) && recognition.intent !== 'unknown')) {
      // A question already answered, or "ok", "thanks": the question again, in other words.
      await ask(context, session, conversation.verifyQuestion(next));
    } else if (!PLAIN.has(recognition.intent)) {
      // "how much do I owe?" before verification: nothing about any account, just the next question.
      await context.sendActivity(catalogueOf(session).verifyFirst());
      await ask(context, session, conversation.verifyQuestion(next));
    } else {
      // Verification answers may hold identity factors: never counted for the report.
      await notUnderstood(context, this.services, conversation.verifyQuestion(next), { record: false });
    }
    return Dialog.EndOfTurn;
  }

  /** Takes every identity fact the message holds; returns the ones that are new. */
  private gather(state: VerifyState, recognition: Recognition, message: string, answered: boolean): VerifyFact[] {
    const { entities } = recognition;
    const { claim } = state;
    const got: VerifyFact[] = [];
    // By SMS too: an account number typed identifies the debtor instead of the phone, which may not be the one on file.
    if (entities.accountNumber && claim.accountNumber !== entities.accountNumber) {
      claim.accountNumber = entities.accountNumber;
      delete claim.fullName;
      delete claim.phone;
      got.push('accountNumber');
    }
    // A full name while the date of birth or ZIP is asked replaces the one taken before ("Maria Johnson 3/14/1985 30301" after a mistyped name; review 8, 09).
    if ((state.asking === 'identifier' || claim.fullName) && !claim.accountNumber && !claim.phone) {
      // "I'm Maria Johnson, …" is a name whatever else the message asks; a bare "Maria Johnson" only when it asks nothing.
      const bare = !answered && ['unknown', 'greeting', 'language'].includes(recognition.intent);
      // The recognizer's name ends at words like "dob" or "zip" ("hi its olivia grant dob 4/4/94…", review 4, D01).
      const name = bare ? (nameInAnswer(message) ?? (state.asking === 'identifier' ? nameInClauses(message) : null)) : (entities.name ?? nameAfterCue(message) ?? nameInClauses(message));
      if (name && (!claim.fullName || (name !== claim.fullName && name.includes(' ')))) {
        claim.fullName = name;
        got.push('name');
      }
    }
    if (entities.dates[0]) {
      claim.dob = isoDate(entities.dates[0]);
      delete state.dobReadings;
      got.push('dob');
    } else if (entities.ambiguousDateReadings) {
      const [us, other] = entities.ambiguousDateReadings;
      state.dobReadings = [isoDate(us), isoDate(other)];
      delete claim.dob;
    }
    const zipExpected = state.asking === 'factor' || got.length > 0 || state.dobReadings || ZIP_WORD.test(message);
    const zip = entities.zip ?? (zipExpected ? BARE_ZIP.exec(message)?.[0] : undefined);
    if (zip && claim.zip !== zip) {
      claim.zip = zip;
      got.push('zip');
    }
    // While the ZIP or SSN is asked, the message's only number, four digits long, is the SSN last 4 ("ugh. 1234").
    const ssn = entities.ssnLast4 ?? (state.asking === 'factor' ? LONE_FOUR_DIGITS.exec(message)?.[1] : undefined);
    if (ssn && claim.ssnLast4 !== ssn) {
      claim.ssnLast4 = ssn;
      got.push('ssnLast4');
    }
    return got;
  }

  /** The answer to "Did you mean November 3, 1979?": yes takes it, no the other reading. False when it was neither. */
  private settleReading(state: VerifyState, recognition: Recognition, message: string): boolean {
    const readings = state.dobReadings!;
    // "yes. also why is it 5000?": a yes or no opening the message answers it, whatever follows (review 3, C21).
    const opening = OPENING_ANSWER.exec(normalizeText(message.split(/[,.!;:]/)[0] ?? ''))?.[1];
    // Otherwise only a plain yes or no answers it: "ok fine, 1134.35 then" is an offer, not a yes.
    if (!opening && (!recognition.intents.every((i) => YES_NO_WITH.has(i)) || recognition.entities.money.length > 0)) return false;
    const yes = opening ? !/^(no|nope)$/.test(opening) : recognition.intents.includes('affirm') && !recognition.intents.includes('deny');
    const no = opening ? /^(no|nope)$/.test(opening) : recognition.intents.includes('deny');
    if (!yes && !no) return false;
    state.claim.dob = yes ? readings[0] : readings[1];
    delete state.dobReadings;
    return true;
  }

  private async check(dc: DialogContext, state: VerifyState): Promise<DialogTurnResult> {
    const session = await sessionOf(dc.context, this.services);
    const text = catalogueOf(session);
    const result = await verifyClaim(this.services.db, state.claim as VerificationClaim, {
      hashKey: this.services.hashKey,
      now: this.services.now(),
      conversationId: conversationRecordId(dc.context),
      channel: channelOf(dc.context),
      alsoOnSuccess: linkVerifiedConversation(dc.context, session),
    });
    if (result.ok) {
      session.failedVerifications = 0;
      return dc.endDialog({ accountIds: result.accounts.map((a) => a.id) } satisfies VerifyResult);
    }

    session.failedVerifications += 1;
    // This conversation's count alone: an account-wide lock must not show (issue 10 item 7).
    if (session.failedVerifications >= MAX_FAILED_VERIFICATIONS) {
      session.failedVerifications = 0;
      session.verificationBlockedUntil = this.services.now().getTime() + VERIFICATION_LOCK_MINUTES * 60_000;
      await dc.context.sendActivity(text.verifyExhausted(this.services.collector));
      return dc.endDialog({} satisfies VerifyResult);
    }
    await dc.context.sendActivity(channelOf(dc.context) === 'sms' ? text.verifyFailedBySms() : text.verifyFailed());
    const fresh = this.freshState(dc.context, state.linkedAccountId);
    dc.activeDialog!.state = fresh;
    await this.askFirst(dc.context, fresh);
    return Dialog.EndOfTurn;
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

  private nextMissing(claim: Partial<VerificationClaim>): VerifyQuestion | null {
    if (!claim.accountNumber && !claim.fullName && !claim.phone && !claim.accountId) return 'identifier';
    if (!claim.dob) return 'dob';
    if (!claim.zip && !claim.ssnLast4) return 'factor';
    return null;
  }

  /** The opening question, which says why it is asked. */
  private async askFirst(context: TurnContext, state: VerifyState): Promise<void> {
    const session = await sessionOf(context, this.services);
    const text = catalogueOf(session);
    const opening = state.asking === 'dob' ? text.askDobFirst() : text.askIdentifier();
    await ask(context, session, [opening, ...conversationOf(session).verifyQuestion(state.asking)]);
  }

  private confirmWordings(session: Session, readings: [string, string]): string[] {
    const text = conversationOf(session);
    const date = new Intl.DateTimeFormat(catalogueOf(session).locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${readings[0]}T00:00:00Z`));
    return text.confirmDob(date);
  }
}
