import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { conversationOf, accountView, catalogueOf, sessionOf, textFormatOf, type ConversationServices } from '../src/bot/services.ts';
import { foldText } from '../src/answers/fold.ts';
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
    const wordings = conversationOf(session).chooseAccount(await this.views(dc.context));
    await notUnderstood(dc.context, this.services, wordings.slice(1));
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    await this.list(context);
  }

  private async list(context: TurnContext): Promise<void> {
    const session = await sessionOf(context, this.services);
    await ask(context, session, conversationOf(session).chooseAccount(await this.views(context)));
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

  /**
   * The account the answer names: its last digits, its creditor or original creditor ("the visa
   * one"), its size ("the small one"), or its place in the list. An answer that names nothing, or
   * more than one, is asked again — never guessed.
   */
  private choice(answer: string, accounts: Array<{ id: string; accountNumber: string; balance: number; originalCreditor: string; creditor: { name: string } }>): string | null {
    const words = foldText(answer).split(' ').filter(Boolean);
    const digits = answer.replace(/\D/g, '');
    const byEnd = digits.length >= 3 ? accounts.filter((a) => a.accountNumber.replace(/\D/g, '').endsWith(digits)) : [];
    if (byEnd.length === 1) return byEnd[0]!.id;
    const namedBy = (a: (typeof accounts)[number]) =>
      [a.creditor.name, a.originalCreditor].some((name) => {
        const folded = foldText(name);
        return ` ${foldText(answer)} `.includes(` ${folded} `) || folded.split(' ').some((w) => w.length >= 4 && !COMMON_NAME_WORDS.has(w) && words.includes(w));
      });
    const byCreditor = accounts.filter(namedBy);
    if (byCreditor.length > 0) return byCreditor.length === 1 ? byCreditor[0]!.id : null;
    const size = words.some((w) => SMALL.has(w)) ? -1 : words.some((w) => LARGE.has(w)) ? 1 : 0;
    if (size !== 0 && accounts.length > 1) {
      const sorted = [...accounts].sort((a, b) => size * (b.balance - a.balance));
      if (sorted[0]!.balance !== sorted[1]!.balance) return sorted[0]!.id;
      return null;
    }
    // "one" is a place only on its own or after "number"/"account" ("the visa one" is not account 1).
    const place = words
      .map((w, i) => (/^\d$/.test(w) ? Number(w) : w === 'one' || w === 'uno' ? (i === 0 || ['number', 'account', 'numero', 'cuenta'].includes(words[i - 1]!) ? 1 : undefined) : ORDINALS[w]))
      .find((n) => n !== undefined);
    if (place !== undefined && place >= 1 && place <= accounts.length) return accounts[place - 1]!.id;
    return null;
  }
}

/** Words in many creditors' names that name no account on their own. */
const COMMON_NAME_WORDS: ReadonlySet<string> = new Set(['bank', 'group', 'card', 'services', 'service', 'capital', 'credit', 'financial', 'company', 'recovery']);
const SMALL: ReadonlySet<string> = new Set(['small', 'smaller', 'smallest', 'little', 'lower', 'lowest', 'cheaper', 'pequena', 'pequeno', 'menor', 'chica', 'chico']);
const LARGE: ReadonlySet<string> = new Set(['big', 'bigger', 'biggest', 'large', 'larger', 'largest', 'higher', 'highest', 'grande', 'mayor']);
