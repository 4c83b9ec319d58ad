import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  type DialogState,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { messagesFor, type CollectorInfo } from '../src/messages/catalogue.ts';
import { languageOf } from '../src/bot/language.ts';

const FLOW = 'mainFlow';
const TEXT = 'text';

/**
 * The router every conversation starts in. Before verification it says who we are and that a
 * person is reachable — and nothing about any account.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly collector: CollectorInfo) {
    super('main');
    this.addDialog(new TextPrompt(TEXT));
    this.addDialog(new WaterfallDialog(FLOW, [this.greet.bind(this), this.answer.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /** Continues the active dialog, or starts this one. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.id);
    }
  }

  private async greet(step: WaterfallStepContext<{ greeted?: boolean }>) {
    const text = messagesFor(languageOf(step.context));
    if (step.options.greeted) {
      return step.prompt(TEXT, { prompt: text.notUnderstood() });
    }
    await step.context.sendActivity(text.greeting(this.collector));
    await step.context.sendActivity(text.agentAnytime());
    return step.prompt(TEXT, { prompt: text.askHowToHelp() });
  }

  private async answer(step: WaterfallStepContext) {
    return step.replaceDialog(FLOW, { greeted: true });
  }
}
