import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { accountView, catalogueOf, sessionOf, textFormatOf, type ConversationServices } from '../src/bot/services.ts';
import { foldText } from '../src/answers/fold.ts';
import { conversationMessagesFor } from '../src/messages/conversation.ts';
import { ask, notUnderstood } from './prompts.ts';

export interface AccountChoiceResult {
  accountId?: string;
}

const ORDINALS: Record<string, number> = {
  one: 1, first: 1, uno: 1, primera: 1, primero: 1,
  two: 2, second: 2, dos: 2, segunda: 2, segundo: 2,
  three: 3, third: 3, tres: 3, tercera: 3, tercero: 3,
  four: 4, fourth: 4, cuatro: 4, cuarta: 4, cuarto: 4,
};

/**
 * One person, several placements (the same name or phone, date of birth and ZIP on several
 * accounts, issue #12 item 16): once verified, the debtor sees their accounts (masked number,
 * creditor, balance) and picks one by its number in the list, the last digits of the account
 * number, or the creditor's name. "My other account" brings the list back later.
 */
export class AccountChoiceDialog extends Dialog {
  static readonly id = 'accountChoice';

  constructor(private readonly services: ConversationServices) {
    super(AccountChoiceDialog.id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.list(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const accounts = await this.accounts(dc.context);
    const chosen = this.choice(dc.context.activity.text ?? '', accounts);
    if (chosen) {
      const session = await sessionOf(dc.context, this.services);
      session.accountId = chosen;
      return dc.endDialog({ accountId: chosen } satisfies AccountChoiceResult);
    }
    const session = await sessionOf(dc.context, this.services);
    const wordings = conversationMessagesFor(session.language).chooseAccount(await this.views(dc.context));
    await notUnderstood(dc.context, this.services, wordings.slice(1));
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    await this.list(context);
  }

  private async list(context: TurnContext): Promise<void> {
    const session = await sessionOf(context, this.services);
    await ask(context, session, conversationMessagesFor(session.language).chooseAccount(await this.views(context)));
  }

  private async accounts(context: TurnContext) {
    const session = await sessionOf(context, this.services);
    const ids = session.accountIds ?? [];
    const rows = await this.services.db.account.findMany({ where: { id: { in: ids } }, include: { creditor: true } });
    return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
  }

  private async views(context: TurnContext) {
    const text = catalogueOf(await sessionOf(context, this.services));
    return (await this.accounts(context)).map((account) => {
      const view = accountView(account, text, textFormatOf(context));
      return { maskedAccountNumber: view.maskedAccountNumber, creditor: view.creditor, current: view.current };
    });
  }

  /** The account the answer names: its place in the list, its last digits, or its creditor. */
  private choice(answer: string, accounts: Array<{ id: string; accountNumber: string; creditor: { name: string } }>): string | null {
    const words = foldText(answer).split(' ').filter(Boolean);
    const digits = answer.replace(/\D/g, '');
    const byEnd = digits.length >= 3 ? accounts.filter((a) => a.accountNumber.replace(/\D/g, '').endsWith(digits)) : [];
    if (byEnd.length === 1) return byEnd[0]!.id;
    const place = words.map((w) => (/^\d$/.test(w) ? Number(w) : ORDINALS[w])).find((n) => n !== undefined);
    if (place !== undefined && place >= 1 && place <= accounts.length) return accounts[place - 1]!.id;
    const folded = foldText(answer);
    const byCreditor = accounts.filter((a) => folded.includes(foldText(a.creditor.name)) || foldText(a.creditor.name).split(' ').some((w) => w.length >= 5 && words.includes(w)));
    return byCreditor.length === 1 ? byCreditor[0]!.id : null;
  }
}
