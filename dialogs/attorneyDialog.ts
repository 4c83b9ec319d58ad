import { TextPrompt, WaterfallDialog, ComponentDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { recordAttorney } from '../src/accounts/rights.ts';
import { catalogueOf, channelOf, conversationRecordId, sessionOf, textFormatOf, type ConversationServices } from '../src/bot/services.ts';
import { dataForText } from '../src/domain/markdown.ts';
import { handOff } from './handoff.ts';

const NAME = 'attorneyName';
const CONTACT = 'attorneyContact';

/**
 * Represented by an attorney (1006.6(b)(2)): take the attorney's name and contact, record them,
 * stop collecting, and queue an officer.
 */
export class AttorneyDialog extends ComponentDialog {
  static readonly id = 'attorney';

  constructor(private readonly services: ConversationServices) {
    super(AttorneyDialog.id);
    this.addDialog(new TextPrompt(NAME, async (p) => (p.recognized.value ?? '').trim().length >= 2));
    this.addDialog(new TextPrompt(CONTACT, async (p) => /[@\d]/.test(p.recognized.value ?? '')));
    this.addDialog(new WaterfallDialog('attorneyFlow', [this.askName.bind(this), this.askContact.bind(this), this.record.bind(this)]));
    this.initialDialogId = 'attorneyFlow';
  }

  private async askName(step: WaterfallStepContext) {
    const text = catalogueOf(await sessionOf(step.context, this.services));
    return step.prompt(NAME, { prompt: text.askAttorneyName(), retryPrompt: text.askAttorneyName() });
  }

  private async askContact(step: WaterfallStepContext<{ name?: string }>) {
    (step.values as { name?: string }).name = String(step.result).trim();
    const text = catalogueOf(await sessionOf(step.context, this.services));
    return step.prompt(CONTACT, { prompt: text.askAttorneyContact(), retryPrompt: text.askAttorneyContact() });
  }

  private async record(step: WaterfallStepContext) {
    const session = await sessionOf(step.context, this.services);
    const text = catalogueOf(session);
    const name = (step.values as { name: string }).name;
    const contact = String(step.result).trim();
    if (session.accountId) {
      await recordAttorney(this.services.db, {
        accountId: session.accountId,
        conversationId: conversationRecordId(step.context),
        channel: channelOf(step.context),
        name,
        contact,
      });
      await step.context.sendActivity(text.attorneyRecorded(dataForText(name, textFormatOf(step.context))));
      await handOff(step.context, this.services, 'attorney', { quiet: true });
    } else {
      // Not verified: the officer applies the attorney's details to the right account.
      await step.context.sendActivity(text.attorneyNoted());
      await handOff(step.context, this.services, 'attorney', { quiet: true, detail: { attorneyName: name, attorneyContact: contact } });
    }
    return step.endDialog();
  }
}
