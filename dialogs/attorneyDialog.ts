import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { recordAttorney } from '../src/accounts/rights.ts';
import { conversationOf, catalogueOf, channelOf, conversationRecordId, sessionOf, textFormatOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import { contactDetailsFrom, nameAfterCue, withoutSelfIntroduction } from '../src/domain/contactDetails.ts';
import { nameFrom, nameKey } from '../src/domain/names.ts';
import { answerSet } from '../src/answers/answerSet.ts';
import { matchAnswers } from '../src/answers/matcher.ts';
import type { Intent, Recognition } from '../src/nlu/recognizer.ts';
import { dataForText } from '../src/domain/markdown.ts';
import { handOff } from './handoff.ts';
import { ask } from './prompts.ts';

interface AttorneyState {
  name?: string;
  contact?: string;
  /** Answers that gave no contact: after two, the attorney is recorded by name alone. */
  contactMisses: number;
  /** Answers that gave no name: after two, the representation is recorded and a person gets the details. */
  nameMisses?: number;
  /** A bare name waiting for "Is X your attorney?" — never stored before a yes. */
  confirming?: string;
}

/** Asked instead of giving the details ("can I still pay a little"): recorded with what was given, then answered. */
const ABOUT_PAYING: ReadonlySet<Intent> = new Set<Intent>(['pay', 'pay_full', 'settle', 'plan', 'balance']);

/** Whether a message asks about paying ("can I still pay a little", "50 a month?"): the attorney dialog answers it itself. */
export function asksAboutPaying(text: string, recognition: Pick<Recognition, 'intents' | 'entities'>): boolean {
  return recognition.intents.some((i) => ABOUT_PAYING.has(i)) || recognition.entities.money.length > 0 || matchAnswers(text).includes('should_i_pay');
}

/**
 * Represented by an attorney (1006.6(b)(2)): take the attorney's name and contact — both may come
 * in the message that says so ("I have a lawyer, his name is Dan Reyes, 415-555-0100"), or one at
 * a time — record them, stop collecting, and queue an officer. A debtor who does not have the
 * details at hand is not asked forever (twice, in other words): the representation is recorded
 * with what was given, and a person finds the rest.
 */
export class AttorneyDialog extends Dialog {
  static readonly id = 'attorney';

  constructor(private readonly services: ConversationServices) {
    super(AttorneyDialog.id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state: AttorneyState = { contactMisses: 0 };
    dc.activeDialog!.state = state;
    await this.read(dc.context, state);
    return this.next(dc, state, true);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as AttorneyState;
    const session = await sessionOf(dc.context, this.services);
    const local = await this.services.localRecognizer.recognize(dc.context.activity.text ?? '', { language: session.language });
    if (state.confirming) {
      const confirming = state.confirming;
      delete state.confirming;
      if (local.intents.includes('affirm') && !local.intents.includes('deny')) {
        state.name = confirming;
        return this.next(dc, state, false);
      }
    }
    const hadName = state.name !== undefined;
    await this.read(dc.context, state, !hadName);
    if (state.confirming) return this.next(dc, state, false);
    if (!state.name && !state.contact && asksAboutPaying(dc.context.activity.text ?? '', local)) {
      // "can I still pay a little": not asked for the name forever — recorded now, and answered.
      const ended = await this.record(dc, state);
      await dc.context.sendActivity(answerSet(session.language).get('should_i_pay')!.texts['attorney']!);
      return ended;
    }
    if (hadName && !state.contact) state.contactMisses += 1;
    if (!state.name) state.nameMisses = (state.nameMisses ?? 0) + 1;
    return this.next(dc, state, false);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.askMissing(context, instance.state as AttorneyState, false);
  }

  /**
   * Takes the name and contact the message holds. A bare answer to "What is the name?" is
   * confirmed first ("Is Rachel Stein your attorney?"): a debtor may be giving their own name.
   * The verified debtor's own name is never taken as the attorney's.
   */
  private async read(context: TurnContext, state: AttorneyState, nameAsked = false): Promise<void> {
    const message = context.activity.text ?? '';
    const details = contactDetailsFrom(message);
    if (details.contact) state.contact = details.contact;
    const account = await verifiedAccount(context, this.services);
    const own = (name: string) => account !== null && nameKey(name) === nameKey(`${account.firstName} ${account.lastName}`);
    // "This is Paul Donovan. … My attorney told me…": the debtor introducing themselves names no attorney (review 4, D11).
    const cued = nameAfterCue(withoutSelfIntroduction(details.contact ? message.replace(details.contact, ' ') : message));
    const name = cued ?? (nameAsked && !details.contact ? nameFrom(message, { minWords: 1 }) : details.name);
    if (!name || state.name || own(name)) return;
    // Before verification a name without a cue may be the debtor's own: confirmed first.
    if (cued || account) state.name = name;
    else state.confirming = name;
  }

  private async next(dc: DialogContext, state: AttorneyState, first: boolean): Promise<DialogTurnResult> {
    if (state.confirming) {
      await this.askMissing(dc.context, state, first);
      return Dialog.EndOfTurn;
    }
    if ((state.name && (state.contact || state.contactMisses >= 2)) || (state.nameMisses ?? 0) >= 2) return this.record(dc, state);
    await this.askMissing(dc.context, state, first);
    return Dialog.EndOfTurn;
  }

  private async askMissing(context: TurnContext, state: AttorneyState, first: boolean): Promise<void> {
    const session = await sessionOf(context, this.services);
    const text = catalogueOf(session);
    const again = conversationOf(session);
    if (state.confirming) {
      await ask(context, session, again.confirmAttorneyName(dataForText(state.confirming, textFormatOf(context))));
    } else if (!state.name) {
      await ask(context, session, first ? [text.askAttorneyName(), again.askAttorneyNameAgain()] : [again.askAttorneyNameAgain(), text.askAttorneyName()]);
    } else {
      await ask(context, session, state.contactMisses === 0 ? [text.askAttorneyContact(), again.askAttorneyContactAgain()] : [again.askAttorneyContactAgain(), text.askAttorneyContact()]);
    }
  }

  private async record(dc: DialogContext, state: AttorneyState): Promise<DialogTurnResult> {
    const { context } = dc;
    const session = await sessionOf(context, this.services);
    const text = catalogueOf(session);
    const name = state.name ?? '';
    const contact = state.contact ?? '';
    if (session.accountId) {
      await recordAttorney(this.services.db, {
        accountId: session.accountId,
        conversationId: conversationRecordId(context),
        channel: channelOf(context),
        name,
        contact,
      });
      const again = conversationOf(session);
      // The attorney's name is the debtor's words: shown as data, never as Markdown (issue 10).
      const shown = name ? dataForText(name, textFormatOf(context)) : name;
      await context.sendActivity(!name ? again.attorneyRecordedNoName() : contact ? text.attorneyRecorded(shown!) : again.attorneyRecordedNoContact(shown!));
      await handOff(context, this.services, 'attorney', { quiet: true, ...(name && contact ? {} : { detail: { attorneyDetailsMissing: true } }) });
    } else {
      // Not verified: the officer applies the attorney's details to the right account.
      await context.sendActivity(text.attorneyNoted());
      await handOff(context, this.services, 'attorney', { quiet: true, detail: { attorneyName: name, attorneyContact: contact || null } });
    }
    return dc.endDialog();
  }
}

/**
 * After the attorney was recorded, "did u get her number right? 305 555 0123": the contact the
 * message holds is compared with the one on record — confirmed when it is the same, recorded
 * (and audited) when it differs. False when the message holds no contact or no attorney is recorded.
 */
export async function answerAttorneyContact(context: TurnContext, services: ConversationServices): Promise<boolean> {
  const account = await verifiedAccount(context, services);
  if (!account?.attorneyRepresented || !account.attorneyName) return false;
  const { contact } = contactDetailsFrom(context.activity.text ?? '');
  if (!contact) return false;
  const text = catalogueOf(await sessionOf(context, services));
  const shown = (value: string) => dataForText(value, textFormatOf(context));
  const digits = (value: string) => value.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  const same = account.attorneyContact !== null && (digits(contact).length >= 7 ? digits(contact) === digits(account.attorneyContact) : contact.toLowerCase() === account.attorneyContact.toLowerCase());
  if (!same) await recordAttorney(services.db, { accountId: account.id, conversationId: conversationRecordId(context), channel: channelOf(context), name: account.attorneyName, contact });
  await context.sendActivity(same ? text.attorneyContactConfirmed(shown(account.attorneyName), shown(account.attorneyContact!)) : text.attorneyContactChanged(shown(account.attorneyName), shown(contact)));
  return true;
}
