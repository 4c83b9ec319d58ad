import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import { messagesFor } from '../../src/messages/catalogue.ts';
import { NoticeSweep } from '../../src/notices/noticeSweep.ts';
import { createTestBot, playSteps, verifyAsMaria, type Expect, type TestBot } from '../helpers/conversation.ts';

/**
 * DESIGN 3 (Reg F 1006.34(a)): every verified contact ends with the validation notice delivered or
 * on its way by mail — also when an interruption cuts the E-SIGN question short, or the debtor
 * leaves without answering. Each test runs on its own database with the demo accounts.
 */

const en = messagesFor('en');
const MINUTE = 60_000;
/** Nothing about mailing or notices is said to the debtor because of the request. */
const MAIL_WORDS: Expect[] = [/\bmail/i, /paper/i, /validation notice/i];

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot();
});
afterEach(async () => bot.close());

async function maria() {
  return bot.database.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
}

async function mailRequests(accountId: string) {
  const rows = await bot.database.db.auditEvent.findMany({ where: { accountId, type: 'validation.notice.mail_requested' }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detailJson) as Record<string, unknown> }));
}

async function disclosureOf(accountId: string) {
  return bot.database.db.auditEvent.findFirstOrThrow({ where: { accountId, type: 'disclosure.shown' }, orderBy: { createdAt: 'desc' } });
}

function sweep(db = bot.database.db, batchSize?: number) {
  return new NoticeSweep({ db, logger: createLogger('silent'), ...(batchSize ? { batchSize } : {}) });
}

function minutesAfter(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE);
}

/** The replies must be exactly these, one each: a string is the whole reply, a pattern must match it. */
function expectExactly(replies: string[], expected: Expect[]) {
  expect(replies).toHaveLength(expected.length);
  expected.forEach((e, i) => (typeof e === 'string' ? expect(replies[i]).toBe(e) : expect(replies[i]).toMatch(e)));
}

describe('DESIGN 3: an interruption before the E-SIGN answer still sends the validation notice, by mail', () => {
  const interruptions: { what: string; says: string; replies: Expect[]; recorded?: string }[] = [
    // After a dispute the debtor is offered the record of what they asked (debtor UI): the link, then the menu.
    { what: 'a dispute', says: 'I dispute this debt', replies: [en.disputeRecorded(), /^You can keep a record of your account with us .*\/record\//, en.menu(true)], recorded: 'dispute.recorded' },
    { what: 'a request for a person', says: 'agent', replies: [/^I have asked a person to join\. The expected wait is about \d+ minutes\./], recorded: 'handoff.queued' },
    { what: 'a cease request', says: 'stop contacting me', replies: [en.ceaseConfirmed()], recorded: 'cease.recorded' },
    { what: 'a crisis', says: 'I want to hurt myself', replies: [en.crisis()], recorded: 'handoff.queued' },
    // The attorney is recorded once the debtor has given the name and contact.
    { what: 'an attorney', says: 'I have a lawyer', replies: [en.askAttorneyName()] },
    { what: 'a bankruptcy', says: 'I filed for bankruptcy', replies: [en.statusRecorded('bankruptcy')], recorded: 'status.reported' },
  ];

  it.each(interruptions)('DESIGN 3: $what before the E-SIGN answer records a mailed-notice request by the system and says nothing more', async ({ says, replies, recorded }) => {
    const conversation = bot.conversation();
    expect((await verifyAsMaria(conversation)).join('\n')).toMatch(/agree to receive notices/);
    const [answer] = await playSteps(conversation, [{ says, mustNot: MAIL_WORDS }]);
    expectExactly(answer!, replies);

    const account = await maria();
    expect(account.validationPeriodEndsAt).not.toBeNull();
    const [request, ...more] = await mailRequests(account.id);
    expect(more).toHaveLength(0);
    const disclosure = await disclosureOf(account.id);
    expect(request).toMatchObject({ actor: 'system', conversationId: disclosure.conversationId, detail: { channel: 'test', firstDelivery: true } });
    if (recorded) expect(await bot.database.db.auditEvent.count({ where: { accountId: account.id, type: recorded } })).toBeGreaterThan(0);
    expect(await bot.database.db.notice.count({ where: { accountId: account.id } })).toBe(0);
    expect(await bot.database.db.consent.count({ where: { accountId: account.id } })).toBe(0);
  });

  it('DESIGN 3: "yes" delivers electronically; a later "agent" requests nothing by mail', async () => {
    const conversation = bot.conversation();
    await verifyAsMaria(conversation);
    await playSteps(conversation, [{ says: 'yes', must: [/\/notices\//] }, { says: 'agent', mustNot: MAIL_WORDS }]);
    const account = await maria();
    expect(await bot.database.db.notice.count({ where: { accountId: account.id } })).toBe(1);
    expect(await mailRequests(account.id)).toHaveLength(0);
  });

  it('DESIGN 3: "no" is the debtor\'s own mail request; a later dispute adds no system request', async () => {
    const conversation = bot.conversation();
    await verifyAsMaria(conversation);
    await playSteps(conversation, [{ says: 'no', must: ['mail the validation notice'] }, { says: 'I dispute this debt', must: ['recorded your dispute'] }]);
    const requests = await mailRequests((await maria()).id);
    expect(requests.map((r) => r.actor)).toEqual(['debtor']);
  });
});

describe('DESIGN 3: the notice sweep mails the validation notice to debtors who left before answering', () => {
  it('DESIGN 3: disclosure 31 minutes ago and no answer: a mailed-notice request by the system; a second run does nothing', async () => {
    await verifyAsMaria(bot.conversation());
    const account = await maria();
    const disclosure = await disclosureOf(account.id);

    expect(await sweep().runOnce(minutesAfter(disclosure.createdAt, 31))).toEqual({ requested: 1 });
    const [request, ...more] = await mailRequests(account.id);
    expect(more).toHaveLength(0);
    expect(request).toMatchObject({ actor: 'system', conversationId: disclosure.conversationId, detail: { channel: 'test', firstDelivery: true } });
    expect((await maria()).validationPeriodEndsAt).not.toBeNull();

    expect(await sweep().runOnce(minutesAfter(disclosure.createdAt, 45))).toEqual({ requested: 0 });
    expect(await mailRequests(account.id)).toHaveLength(1);
  });

  it('DESIGN 3: disclosure 29 minutes ago: the debtor may still be answering, nothing is requested', async () => {
    await verifyAsMaria(bot.conversation());
    const account = await maria();
    expect(await sweep().runOnce(minutesAfter((await disclosureOf(account.id)).createdAt, 29))).toEqual({ requested: 0 });
    expect(await mailRequests(account.id)).toHaveLength(0);
    expect((await maria()).validationPeriodEndsAt).toBeNull();
  });

  it('DESIGN 3: a disclosure shown again (verified again) restarts the grace period', async () => {
    await verifyAsMaria(bot.conversation());
    const account = await maria();
    const first = await disclosureOf(account.id);
    await bot.database.db.auditEvent.create({
      data: { type: 'disclosure.shown', actor: 'bot', accountId: account.id, detailJson: '{"channel":"sms"}', createdAt: minutesAfter(first.createdAt, 20) },
    });
    expect(await sweep().runOnce(minutesAfter(first.createdAt, 31))).toEqual({ requested: 0 });
    expect(await sweep().runOnce(minutesAfter(first.createdAt, 51))).toEqual({ requested: 1 });
    expect((await mailRequests(account.id))[0]!.detail.channel).toBe('sms');
  });

  it('DESIGN 3: already delivered electronically: nothing is requested', async () => {
    const conversation = bot.conversation();
    await verifyAsMaria(conversation);
    await playSteps(conversation, [{ says: 'yes', must: [/\/notices\//] }]);
    const account = await maria();
    expect(await sweep().runOnce(minutesAfter((await disclosureOf(account.id)).createdAt, 31))).toEqual({ requested: 0 });
    expect(await mailRequests(account.id)).toHaveLength(0);
  });

  it('DESIGN 3: a debtor who answers "yes" after the sweep still gets the notice electronically, with the same period end', async () => {
    const conversation = bot.conversation();
    await verifyAsMaria(conversation);
    const account = await maria();
    await sweep().runOnce(minutesAfter((await disclosureOf(account.id)).createdAt, 31));
    const endsAt = (await maria()).validationPeriodEndsAt;
    await playSteps(conversation, [{ says: 'yes', must: [/\/notices\//] }]);
    const notice = await bot.database.db.notice.findFirstOrThrow({ where: { accountId: account.id } });
    expect(notice.validationPeriodEndsAt).toEqual(endsAt);
  });

  it('DESIGN 3: runs take at most batchSize accounts, and two connections sweeping at once request each notice once', async () => {
    const db = bot.database.db;
    const accounts = await db.account.findMany({ where: { accountNumber: { in: ['A-1002', 'A-1003', 'A-1004'] } } });
    const shownAt = new Date('2026-11-23T15:00:00Z');
    for (const { id } of accounts) {
      await db.auditEvent.create({ data: { type: 'disclosure.shown', actor: 'bot', accountId: id, detailJson: '{"channel":"web"}', createdAt: shownAt } });
    }
    const later = minutesAfter(shownAt, 60);
    expect(await sweep(db, 1).runOnce(later)).toEqual({ requested: 1 });

    const other = await openDatabase(bot.database.url);
    try {
      const results = await Promise.all([sweep(db).runOnce(later), sweep(other).runOnce(later)]);
      expect(results[0]!.requested + results[1]!.requested).toBe(2);
    } finally {
      await other.$disconnect();
    }
    const requests = await db.auditEvent.findMany({ where: { type: 'validation.notice.mail_requested' } });
    expect(requests.map((r) => r.accountId).sort()).toEqual(accounts.map((a) => a.id).sort());
    expect(requests.every((r) => r.actor === 'system')).toBe(true);
  });
});
