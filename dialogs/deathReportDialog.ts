import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { recordReportedStatus } from '../src/accounts/rights.ts';
import { conversationOf, channelOf, conversationRecordId, recognitionOf, sessionOf, type ConversationServices } from '../src/bot/services.ts';
import type { DeathReport } from '../src/bot/session.ts';
import { contactDetailsFrom } from '../src/domain/contactDetails.ts';
import { nameFrom, nameKey } from '../src/domain/names.ts';
import { handOff } from './handoff.ts';
import { ask } from './prompts.ts';

/** Questions asked before the report is passed on with whatever the relative could give. */
const MAX_ASKS = 2;
const ESTATE_WORDS = /\b(estate|executor|executrix|administrator|probate|handling|handles|albacea|herencia|sucesi[oó]n|administra|encarga)\b/i;
const DONT_KNOW = /\b(i do not know|i don'?t know|dunno|idk|not sure|no one|nobody|no idea|no s[eé]|nadie|ninguno|todav[ií]a no)\b/i;

/**
 * A relative reports that the debtor has died (DESIGN 17, 12 CFR 1006.6(d)): condolence first, and
 * plainly that family members are not personally responsible for the debt unless they co-signed,
 * and that an estate pays from its own assets. The bot asks for the account number or the
 * deceased's name and for the estate's contact, records the death on the account (collection
 * paused) when exactly one account matches, and queues a person — but it never says whether an
 * account was found, never verifies the relative as the deceased, and never asks for payment in
 * this conversation.
 */
export class DeathReportDialog extends Dialog {
  static readonly id = 'deathReport';

  constructor(private readonly services: ConversationServices) {
    super(DeathReportDialog.id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const session = await sessionOf(dc.context, this.services);
    const report: DeathReport = { asked: 0 };
    session.deathReport = report;
    await dc.context.sendActivity(conversationOf(session).deathCondolence());
    await this.read(dc.context, report);
    return this.next(dc, report);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const session = await sessionOf(dc.context, this.services);
    const report = session.deathReport!;
    const before = JSON.stringify(report);
    await this.read(dc.context, report);
    const progressed = JSON.stringify(report) !== before;
    // "I don't know" (or nothing new) for the estate: it is not asked again.
    if (!progressed || DONT_KNOW.test(dc.context.activity.text ?? '')) {
      if (!report.estateContact && (report.accountNumber || report.deceasedName)) report.estateContact = '';
    }
    if (progressed) report.asked = 0;
    return this.next(dc, report);
  }

  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    const session = await sessionOf(context, this.services);
    await this.askMissing(context, session.deathReport!);
  }

  private async read(context: TurnContext, report: DeathReport): Promise<void> {
    const message = context.activity.text ?? '';
    const { entities } = await recognitionOf(context, this.services);
    if (entities.accountNumber) report.accountNumber = entities.accountNumber;
    const details = contactDetailsFrom(message);
    const aboutEstate = ESTATE_WORDS.test(message) || details.contact !== undefined;
    if (details.contact) report.estateContact = [details.name && details.name !== report.deceasedName ? details.name : null, details.contact].filter(Boolean).join(', ');
    else if (aboutEstate && details.name && (report.deceasedName || report.accountNumber)) report.estateContact = details.name;
    const name = details.name ?? (!entities.accountNumber ? nameFrom(message) : null);
    if (name && !report.deceasedName && !report.accountNumber && !aboutEstate) report.deceasedName = name;
  }

  private async next(dc: DialogContext, report: DeathReport): Promise<DialogTurnResult> {
    const identified = Boolean(report.accountNumber || report.deceasedName);
    if ((identified && report.estateContact !== undefined) || report.asked >= MAX_ASKS) return this.record(dc, report);
    report.asked += 1;
    await this.askMissing(dc.context, report);
    return Dialog.EndOfTurn;
  }

  private async askMissing(context: TurnContext, report: DeathReport): Promise<void> {
    const session = await sessionOf(context, this.services);
    const identifier = !report.accountNumber && !report.deceasedName;
    await ask(context, session, conversationOf(session).askDeathDetails({ identifier, estate: report.estateContact === undefined }));
  }

  /** Records the death on the one account it identifies, queues a person with what was said; says the same either way. */
  private async record(dc: DialogContext, report: DeathReport): Promise<DialogTurnResult> {
    const { context } = dc;
    const session = await sessionOf(context, this.services);
    const accountId = await this.identify(report);
    report.accountId = accountId;
    if (accountId) {
      await recordReportedStatus(this.services.db, {
        accountId,
        conversationId: conversationRecordId(context),
        channel: channelOf(context),
        status: 'deceased',
        actor: 'third_party',
      });
    }
    await passOn(context, this.services, report);
    report.recorded = true;
    await context.sendActivity(conversationOf(session).deathRecorded());
    return dc.endDialog();
  }

  private async identify(report: DeathReport): Promise<string | null> {
    const db = this.services.db;
    if (report.accountNumber) {
      const account = await db.account.findUnique({ where: { accountNumber: report.accountNumber.trim().toUpperCase() }, select: { id: true } });
      return account?.id ?? null;
    }
    if (report.deceasedName) {
      const matches = await db.account.findMany({ where: { nameKey: nameKey(report.deceasedName) }, select: { id: true }, take: 2 });
      return matches.length === 1 ? matches[0]!.id : null;
    }
    return null;
  }
}

/** The report as the officer sees it on the handoff (queued again with more details, it is updated). */
async function passOn(context: TurnContext, services: ConversationServices, report: DeathReport): Promise<void> {
  await handOff(context, services, 'deceased', {
    quiet: true,
    accountId: report.accountId ?? null,
    detail: {
      reportedBy: 'relative',
      accountIdentified: Boolean(report.accountId),
      accountNumberGiven: report.accountNumber ?? null,
      deceasedName: report.deceasedName ?? null,
      estateContact: report.estateContact || null,
    },
  });
}

/**
 * After the report was passed on: an estate contact given now is passed on too (nothing the
 * relative says is dropped); anything else gets a gentle word that nothing is needed from them.
 */
export async function afterDeathReport(context: TurnContext, services: ConversationServices, report: DeathReport): Promise<void> {
  const session = await sessionOf(context, services);
  const text = conversationOf(session);
  const { contact, name } = contactDetailsFrom(context.activity.text ?? '');
  if (contact && !report.estateContact?.includes(contact)) {
    report.estateContact = [name, contact].filter(Boolean).join(', ');
    await passOn(context, services, report);
    await context.sendActivity(text.deathDetailsAdded());
    return;
  }
  await ask(context, session, text.afterDeathReport());
}
