import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { catalogueOf, sessionOf, textFormatOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import { dataForText } from '../src/domain/markdown.ts';
import { AccountChoiceDialog } from './accountChoiceDialog.ts';
import { recordPendingContactPreference } from './contactPreference.ts';
import { showBalance } from './balance.ts';
import { askDisputeCheck, recordDisputeAndConfirm } from './dispute.ts';
import { serveGoal } from './goal.ts';
import { rememberLanguage } from './language.ts';
import { MenuDialog } from './menuDialog.ts';
import { NegotiateDialog, type NegotiateOptions } from './negotiateDialog.ts';
import type { NegotiateState } from './negotiationSteps.ts';
import { showPendingOffer } from './officerOffer.ts';
import { RightsDialog, type RightsResult } from './rightsDialog.ts';
import type { VerifyResult } from './verifyDialog.ts';

/**
 * The steps of the main waterfall once the debtor is verified: the debt-collector disclosure first
 * (Reg F 1006.18(e)), the choice of account when the same person has several, then what was
 * pending — a right invoked before verification, a negotiation question cut short by the
 * verification lapsing, what the debtor asked for before verifying — or the balance and the
 * validation rights, and finally an officer's offer or the menu.
 */
export class AfterVerification {
  constructor(private readonly services: ConversationServices) {}

  /** The disclosure, then (several accounts) which one. */
  async verified(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = (step.result ?? {}) as VerifyResult & { resumed?: boolean };
    if (result.resumed) return step.replaceDialog(MenuDialog.id);
    const ids = result.accountIds ?? [];
    if (ids.length === 0) return step.endDialog();

    const session = await sessionOf(step.context, this.services);
    session.accountId = ids[0]!;
    session.accountIds = ids;
    // One account (the usual case): the turn's read of it, with its creditor (src/bot/turnCache.ts).
    const verified = ids.length === 1 ? await verifiedAccount(step.context, this.services) : null;
    const accounts = verified ? [verified] : await this.services.db.account.findMany({ where: { id: { in: ids } } });
    const first = accounts.find((a) => a.id === ids[0])!;
    session.verifiedAt = this.services.now().getTime();
    // The conversation is linked and the disclosure audited with the verification (linkVerifiedConversation).
    const text = catalogueOf(session);
    await rememberLanguage(step.context, this.services, session);

    // Reg F 1006.18(e): the first message after verification says who we are and why we ask.
    await step.context.sendActivity(`${text.verified(dataForText(first.firstName, textFormatOf(step.context)))} ${text.disclosure(this.services.collector)}`);
    await recordPendingContactPreference(step.context, this.services, session);
    if (ids.length > 1) return step.beginDialog(AccountChoiceDialog.id);
    return step.next();
  }

  /** What was pending, or the balance and the rights. */
  async accountChosen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await sessionOf(step.context, this.services);
    const accountId = session.accountId!;
    if (session.pending) {
      const { hedged, ...pending } = session.pending;
      delete session.pending;
      if (hedged) {
        // A doubt said with uncertainty before verification: the balance, then the question.
        await askDisputeCheck(step.context, this.services, { words: pending.words, ...(pending.offer ? { offer: pending.offer } : {}) }, true);
        return step.replaceDialog(MenuDialog.id, { quiet: true });
      }
      await recordDisputeAndConfirm(step.context, this.services, pending);
      return step.replaceDialog(MenuDialog.id);
    }
    await showBalance(step.context, this.services, false);

    const resume = session.resumeNegotiation;
    delete session.resumeNegotiation;
    if (resume?.accountId === accountId) {
      return step.beginDialog(NegotiateDialog.id, { resume: resume.state as NegotiateState } satisfies NegotiateOptions);
    }
    const served = await serveGoal(step, this.services, { negotiate: NegotiateDialog.id, rights: RightsDialog.id });
    if (served) return served;
    const account = await verifiedAccount(step.context, this.services);
    if (!account?.validationPeriodEndsAt) return step.beginDialog(RightsDialog.id);
    return step.next();
  }

  /** An officer's terms waiting for the debtor's answer come before the menu. */
  async last(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = (step.result ?? {}) as RightsResult;
    if (result.handleCurrentMessage) return step.replaceDialog(MenuDialog.id, { handleCurrentMessage: true });
    if (await showPendingOffer(step.context, this.services)) return step.endDialog();
    return step.replaceDialog(MenuDialog.id, { quiet: result.quiet === true });
  }
}
