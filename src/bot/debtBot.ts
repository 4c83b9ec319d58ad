import { ActivityHandler, type ConversationState, type TurnContext } from 'botbuilder';
import type { MainDialog } from '../../dialogs/mainDialog.ts';

/** Routes every debtor activity into the main dialog and saves conversation state after the turn. */
export class DebtBot extends ActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly mainDialog: MainDialog,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.mainDialog.run(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.mainDialog.run(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}
