import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { recordReportedStatus } from '../src/accounts/rights.ts';
import { matchAnswers } from '../src/answers/matcher.ts';
import { conversationOf, channelOf, conversationRecordId, recognitionOf, sessionOf, type ConversationServices } from '../src/bot/services.ts';
import type { DeathReport } from '../src/bot/session.ts';
import { contactDetailsFrom, relativesNamed } from '../src/domain/contactDetails.ts';
import { nameFrom, nameKey } from '../src/domain/names.ts';
import { factorMatches } from '../src/identity/factors.ts';
import type { CalendarDate, Recognition } from '../src/nlu/recognizer.ts';
import { handOff } from './handoff.ts';
import { ask } from './prompts.ts';
import { isoDate } from './verifyDialog.ts';

/** Questions asked before the report is passed on with whatever the relative could give. */
const MAX_ASKS = 2;
const ESTATE_WORDS = /\b(estate|executor|executrix|administrator|probate|handling|handles|albacea|herencia|sucesi[oó]n|administra|encarga)\b/i;
const DONT_KNOW = /\b(i do not know|i don'?t know|dunno|idk|not sure|no one|nobody|no idea|no s[eé]|nadie|ninguno|todav[ií]a no)\b/i;
/** A date of birth said as one ("born", "his birthday"), rather than the date of the death. */
const BIRTH_WORDS = /\b(born|birth|birthday|dob|b-?day|naci[oó]|nacimiento|cumplea[nñ]os)\b/i;
/** A message that only thanks or closes. */
const CLOSING: ReadonlySet<string> = new Set(['thanks', 'affirm', 'greeting', 'deny']);
/** Paying or a balance, the question a relative asks most ("Do I have to pay it?"): answered, never pressed. */
const ABOUT_PAYING = new Set(['pay', 'pay_full', 'settle', 'plan', 'balance']);

/**
 * A relative reports that the debtor has died (DESIGN 17, 12 CFR 1006.6(d)): condolence first, and
 * plainly that family members are not personally responsible for the debt unless they co-signed,
 * and that an estate pays from its own assets. The bot reads what the relative gives, in any order
 * and in their own words — the deceased's name as they mention it ("my father Harold Jenkins"), the
 * account number, the date of birth and ZIP (which tell two people of the same name apart), who
 * handles the estate and how to reach them ("my brother Mark Jenkins, 216-555-0400") — answers
 * "do I have to pay it?", records the death on the account (collection paused) when exactly one
 * account matches, and queues a person. It never says whether an account was found, never verifies
 * the relative as the deceased, never asks for payment, and says the condolence once.
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
    return this.next(dc, report, false);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const session = await sessionOf(dc.context, this.services);
    const report = session.deathReport!;
    const before = JSON.stringify(report);
    const factsBefore = [report.deceasedDob, report.deceasedZip].join();
    await this.read(dc.context, report);
    const progressed = JSON.stringify(report) !== before;
    const recognition = await recognitionOf(dc.context, this.services);
    const asksToPay = asksAboutPaying(dc.context.activity.text ?? '', recognition);
    if (asksToPay) await dc.context.sendActivity(conversationOf(session).deathNothingToPay());
    // "I don't know" (or nothing new, and no question) for the estate: it is not asked again.
    if ((!progressed && !asksToPay) || DONT_KNOW.test(dc.context.activity.text ?? '')) {
      if (!hasEstate(report) && (report.accountNumber || report.deceasedName)) report.estateContact = '';
    }
    if (progressed) report.asked = 0;
    // "gracias", "ok thanks": they have said what they will — passed on now, never asked a third time (review 8, 20).
    else if (recognition.intents.every((i) => CLOSING.has(i)) && recognition.intents.some((i) => i === 'thanks')) report.asked = MAX_ASKS;
    return this.next(dc, report, [report.deceasedDob, report.deceasedZip].join() !== factsBefore);
  }

  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    const session = await sessionOf(context, this.services);
    await this.askMissing(context, session.deathReport!, false);
  }

  private async read(context: TurnContext, report: DeathReport): Promise<void> {
    const message = context.activity.text ?? '';
    const { entities } = await recognitionOf(context, this.services);
    if (entities.accountNumber) report.accountNumber = entities.accountNumber;
    readDeceasedFactors(report, message, entities, this.services.now());
    const details = contactDetailsFrom(message);
    // "my father Harold Jenkins passed away, my brother Mark handles the estate": the first is the deceased, the last the estate.
    const relatives = relativesNamed(message);
    const aboutEstate = ESTATE_WORDS.test(message) || details.contact !== undefined;
    if (relatives.length > 1 && !report.deceasedName && !report.accountNumber) report.deceasedName = relatives[0]!;
    const identified = Boolean(report.deceasedName || report.accountNumber);
    if (aboutEstate && (details.contact || identified)) {
      // "my brother Mark Jenkins, 216-555-0400": the name and the contact, apart.
      const name = details.name ?? relatives[relatives.length - 1];
      if (name && name !== report.deceasedName) report.estateName = name;
      if (details.contact) report.estateContact = details.contact;
    }
    const name = details.name ?? relatives[0] ?? (!entities.accountNumber ? nameFrom(message) : null);
    if (name && !report.deceasedName && !report.accountNumber && !aboutEstate) report.deceasedName = name;
  }

  /** `noted`: the deceased's date of birth or ZIP came with this message (acknowledged before the next question). */
  private async next(dc: DialogContext, report: DeathReport, noted: boolean): Promise<DialogTurnResult> {
    const identified = Boolean(report.accountNumber || report.deceasedName);
    if ((identified && hasEstate(report)) || report.asked >= MAX_ASKS) return this.record(dc, report);
    report.asked += 1;
    await this.askMissing(dc.context, report, noted);
    return Dialog.EndOfTurn;
  }

  private async askMissing(context: TurnContext, report: DeathReport, noted: boolean): Promise<void> {
    const session = await sessionOf(context, this.services);
    const text = conversationOf(session);
    const identifier = !report.accountNumber && !report.deceasedName;
    const questions = text.askDeathDetails({ identifier, estate: !hasEstate(report) });
    await ask(context, session, noted ? questions.map((q) => `${text.deathDetailsNoted()} ${q}`) : questions);
  }

  private async record(dc: DialogContext, report: DeathReport): Promise<DialogTurnResult> {
    const session = await sessionOf(dc.context, this.services);
    await recordReport(dc.context, this.services, report);
    report.recorded = true;
    await dc.context.sendActivity(conversationOf(session).deathRecorded());
    return dc.endDialog();
  }
}

function hasEstate(report: DeathReport): boolean {
  return report.estateContact !== undefined || report.estateName !== undefined;
}

function asksAboutPaying(text: string, recognition: Recognition): boolean {
  return recognition.intents.some((i) => ABOUT_PAYING.has(i)) || matchAnswers(text).includes('should_i_pay');
}

/**
 * The deceased's date of birth and ZIP code, when the message gives them: a date said as a birth
 * date, or one at least 16 years ago (not the date of the death: "passed away on October 3").
 */
function readDeceasedFactors(report: DeathReport, message: string, entities: Recognition['entities'], now: Date): void {
  const dob = entities.dates.find((date: CalendarDate) => BIRTH_WORDS.test(message) || now.getUTCFullYear() - date.year >= 16);
  if (dob) report.deceasedDob = isoDate(dob);
  if (entities.zip) report.deceasedZip = entities.zip;
}

/**
 * Records the death on the one account the report identifies (by account number, or by name — with
 * the date of birth and ZIP when given, so one of two namesakes can be told apart) and queues a
 * person with what was said (queued again with more details, the handoff is updated). The relative
 * hears the same words either way (DESIGN 1). The deceased's date of birth and ZIP are dropped once
 * an account is identified; the officer sees only which of them were given.
 */
async function recordReport(context: TurnContext, services: ConversationServices, report: DeathReport): Promise<void> {
  const accountId = report.accountId ?? (await identify(services, report));
  if (accountId && !report.accountId) {
    await recordReportedStatus(services.db, {
      accountId,
      conversationId: conversationRecordId(context),
      channel: channelOf(context),
      status: 'deceased',
      actor: 'third_party',
    });
  }
  report.accountId = accountId;
  const factorsGiven = [report.deceasedDob ? 'dob' : null, report.deceasedZip ? 'zip' : null].filter(Boolean);
  if (accountId) {
    delete report.deceasedDob;
    delete report.deceasedZip;
  }
  await handOff(context, services, 'deceased', {
    quiet: true,
    accountId: accountId ?? null,
    detail: {
      reportedBy: 'relative',
      accountIdentified: Boolean(accountId),
      accountNumberGiven: report.accountNumber ?? null,
      deceasedName: report.deceasedName ?? null,
      deceasedFactorsGiven: factorsGiven,
      estateName: report.estateName ?? null,
      estateContact: report.estateContact || null,
    },
  });
}

async function identify(services: ConversationServices, report: DeathReport): Promise<string | null> {
  const db = services.db;
  if (report.accountNumber) {
    const account = await db.account.findUnique({ where: { accountNumber: report.accountNumber.trim().toUpperCase() }, select: { id: true } });
    return account?.id ?? null;
  }
  if (!report.deceasedName) return null;
  const namesakes = await db.account.findMany({ where: { nameKey: nameKey(report.deceasedName) }, select: { id: true, factorSalt: true, dobHash: true, zip: true }, take: 50 });
  const fitting = namesakes.filter(
    (a) =>
      (!report.deceasedDob || factorMatches(services.hashKey, a.factorSalt, 'dob', report.deceasedDob, a.dobHash)) &&
      (!report.deceasedZip || a.zip.slice(0, 5) === report.deceasedZip.slice(0, 5)),
  );
  return fitting.length === 1 ? fitting[0]!.id : null;
}

/**
 * After the report was passed on: nothing the relative says is dropped — an estate contact, or the
 * deceased's date of birth and ZIP, are passed on too; "do I have to pay?" is answered; thanks get a
 * kind goodbye, and anything else a gentle word that nothing is needed from them. The condolence is
 * never said again.
 */
export async function afterDeathReport(context: TurnContext, services: ConversationServices, report: DeathReport): Promise<void> {
  const session = await sessionOf(context, services);
  const text = conversationOf(session);
  const message = context.activity.text ?? '';
  const recognition = await recognitionOf(context, services);
  const { contact, name } = contactDetailsFrom(message);
  const before = JSON.stringify(report);
  if (contact && contact !== report.estateContact) {
    report.estateContact = contact;
    const estateName = name ?? relativesNamed(message).at(-1);
    if (estateName && estateName !== report.deceasedName) report.estateName = estateName;
  }
  if (!report.accountId) readDeceasedFactors(report, message, recognition.entities, services.now());
  const added = JSON.stringify(report) !== before;
  if (added) await recordReport(context, services, report);
  if (asksAboutPaying(message, recognition)) {
    await context.sendActivity(text.deathNothingToPay());
    return;
  }
  if (added) {
    await context.sendActivity(text.deathDetailsAdded());
    return;
  }
  const thanks = recognition.intents.includes('thanks') && recognition.intents.every((i) => ['thanks', 'affirm', 'greeting'].includes(i));
  await ask(context, session, thanks ? text.deathGoodbye() : text.afterDeathReport());
}
