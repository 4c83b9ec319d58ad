import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isValidationPeriodOpen } from '../../src/domain/validationPeriod.ts';
import type { Recognizer } from '../../src/nlu/recognizer.ts';
import { findPayLink } from '../../src/payments/payLinks.ts';
import {
  createTestBot,
  matches,
  playSteps,
  resetAccountFlags,
  verifyAsMaria,
  type Expect,
  type Step,
  type TestBot,
  type TestConversation,
} from '../helpers/conversation.ts';

/**
 * Negotiation tables: what the debtor says, what the bot must and must not say, and what is stored.
 * Demo debtor A-1001 Maria Johnson (DOB 1985-03-14, ZIP 30301), Peachtree Medical Group, DEFAULT_POLICY,
 * balance $1,085.00. The test clock is Monday, November 23, 2026; the validation period is open
 * throughout (the notice is delivered at the start of each conversation).
 */
/** DESIGN 9 + 10: no deadline, no expiry, no "today", no limited-time offer, no fee — in English or Spanish. */
const PRESSURE: Expect[] = [
  /\btoday\b/i,
  /expir/i,
  /deadline/i,
  /limited[- ]time/i,
  /\bfees?\b/i,
  /\bact now\b/i,
  /\burgent/i,
  /\bhoy\b/i,
  /\bvence\b/i,
  /caduc/i,
  /fecha l[ií]mite/i,
  /tiempo limitado/i,
  /comisi[oó]n/i,
];
/** DESIGN 9: never a threat of suit. */
const THREATS: Expect[] = [/\bsue\b/i, /lawsuit/i, /\bcourt\b/i, /legal action/i, /demanda/i];

const URL = /https:\/\/chat\.example\.test\/pay\/([\w-]{16,64})/;

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
});
afterAll(async () => bot.close());

async function account(accountNumber = 'A-1001') {
  return bot.database.db.account.findUniqueOrThrow({ where: { accountNumber } });
}

async function resetAccount(accountNumber = 'A-1001') {
  const row = await resetAccountFlags(bot.database.db, accountNumber);
  await bot.database.db.plan.updateMany({ where: { accountId: row.id, status: { in: ['agreed', 'active', 'delinquent'] } }, data: { status: 'cancelled' } });
  return row;
}

/** Every step: its musts, its mustNots, and — while the validation period runs — no pressure words at all. */
function play(conversation: TestConversation, steps: Step[], accountNumber = 'A-1001'): Promise<string[][]> {
  return playSteps(conversation, steps, async (step, text) => {
    const row = await account(accountNumber);
    if (isValidationPeriodOpen(row.validationPeriodEndsAt, bot.clock.now())) {
      for (const forbidden of [...PRESSURE, ...THREATS]) expect(matches(text, forbidden), `DESIGN 9/10: after "${step.says}" found ${forbidden} in:\n${text}`).toBe(false);
    }
  });
}

/** Maria, verified, E-SIGN consent given (the validation notice delivered: the period runs). */
async function maria(): Promise<TestConversation> {
  const conversation = bot.conversation();
  await verifyAsMaria(conversation);
  await conversation.say('yes');
  return conversation;
}

async function plansOf(accountNumber = 'A-1001') {
  const row = await account(accountNumber);
  return bot.database.db.plan.findMany({ where: { accountId: row.id, status: { not: 'cancelled' } }, include: { installments: { orderBy: { seq: 'asc' } } } });
}

beforeEach(async () => {
  await resetAccount();
});

describe('DESIGN 9: options and offers, without pressure', () => {
  it('DESIGN 9: the options — full, settlement, a plan — no rush, no deadline, no fee, the rights untouched', async () => {
    const conversation = await maria();
    expect(isValidationPeriodOpen((await account()).validationPeriodEndsAt, bot.clock.now())).toBe(true);
    await play(conversation, [
      {
        says: 'how can I pay?',
        must: ['$1,085.00', 'settle the account with one payment of $759.50', '12 monthly payments of $90.42', 'no rush', 'does not affect your right to dispute', 'agent'],
      },
    ]);
  });

  it.each<[string, Expect[]]>([
    ['I can do 50 a month', ['cannot set that up exactly', 'at most 12 payments', 'the smallest monthly payment we can set up for this balance is $90.42', '12 monthly payments of $90.42 (the last one $90.38)']],
    ['I can pay 600 to settle', ['the smallest amount the creditor accepts to settle this account is $759.50', 'one payment of $759.50']],
    ['can I do 25 a week starting January 15', ['the first payment can be on any date up to December 23, 2026']],
    ['I want a payment plan', ['12 monthly payments of $90.42', 'Would that work for you?']],
  ])('DESIGN 9: "%s" → the closest allowed plan and the limit in plain words', async (says, must) => {
    await play(await maria(), [{ says, must, mustNot: ['Do you authorize'] }]);
  });

  it.each<[string, Expect[]]>([
    [
      '$100 every two weeks starting the 15th',
      ['I can set that up', '• $100.00 on December 15, 2026', '• $100.00 on December 29, 2026', 'then 7 more payments of $100.00, one every two weeks, the last of them on April 20, 2027', 'a last payment of $85.00 on May 4, 2027', 'Number of payments: 11'],
    ],
    ['200 now and the rest over 6 months', ['$200.00 on November 23, 2026 (first payment)', '$147.50 on December 23, 2026', '$147.50 on January 25, 2027', 'Number of payments: 7 (a first payment and 6 monthly payments)']],
    ['I want to pay it all', ['• $1,085.00 on November 23, 2026', 'Number of payments: 1', 'Nothing is charged until you pay on that page']],
    ['I can pay 800 to settle', ['• $800.00 on November 23, 2026', 'settle the $1,085.00 balance in full, so you pay $285.00 less']],
  ])('DESIGN 11: "%s" is inside policy → the exact terms, before anything is charged', async (says, must) => {
    const recap: Expect[] = ['Total:', 'Payment method: a debit or credit card', 'secure payment page', 'cancel plan', 'Reply yes to agree'];
    await play(await maria(), [{ says, must: [...must, ...recap], mustNot: ['/pay/'] }]);
    expect(await plansOf()).toHaveLength(0);
  });
});

describe('DESIGN 11: agreement — the recap, an explicit yes, then the plan and the first pay link', () => {
  it('DESIGN 11: "yes" stores the plan, its installments, the exact recap as the authorization with time and channel, and sends the pay link', async () => {
    const conversation = await maria();
    const [offer] = await play(conversation, [{ says: '$100 every two weeks starting the 15th', must: ['3 business days before a payment'] }]);
    const recap = offer![offer!.length - 1]!;
    const [agreed] = await play(conversation, [{ says: 'yes', must: ['agreed and recorded', 'nothing has been charged yet', 'The first payment, $100.00, is due on December 15, 2026', URL] }]);

    const [plan, ...others] = await plansOf();
    expect(others).toHaveLength(0);
    expect(plan).toMatchObject({ status: 'agreed', kind: 'installments', total: 108500, currency: 'USD', frequency: 'biweekly', downPayment: 0, hardship: false, authorizedChannel: 'test' });
    expect(plan!.authorizationText).toBe(recap);
    expect(plan!.authorizedAt).toEqual(bot.clock.now());
    const record = await bot.database.db.conversation.findUniqueOrThrow({ where: { externalId: conversation.id } });
    expect(plan!.conversationId).toBe(record.id);
    expect(plan!.installments.map((i) => i.amount)).toEqual([...new Array(10).fill(10000), 8500]);
    expect(plan!.installments.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(plan!.installments.every((i) => i.status === 'scheduled')).toBe(true);

    const token = URL.exec(agreed!.join('\n'))![1]!;
    const link = await findPayLink(bot.database.db, token, bot.clock.now());
    expect(link).toMatchObject({ planId: plan!.id, installmentId: plan!.installments[0]!.id, purpose: 'down_payment', amount: 10000, channel: 'test' });

    const audit = await bot.database.db.auditEvent.findFirstOrThrow({ where: { type: 'plan.agreed', accountId: plan!.accountId }, orderBy: { createdAt: 'desc' } });
    expect(JSON.parse(audit.detailJson)).toMatchObject({ planId: plan!.id, kind: 'installments', total: 108500, count: 11 });
  });

  it('DESIGN 11: "ok sure whatever" is not a yes; nothing is stored until a plain yes', async () => {
    const conversation = await maria();
    await play(conversation, [
      { says: 'I want to pay it all', must: ['Do you agree to these terms?'] },
      { says: 'ok sure whatever', must: ['To agree to these terms, please reply yes'], mustNot: ['agreed and recorded', '/pay/'] },
      { says: 'yes?', must: ['please reply yes'], mustNot: ['/pay/'] },
      { says: 'yes but can I change the date', mustNot: ['agreed and recorded', '/pay/'] },
    ]);
    expect(await plansOf()).toHaveLength(0);
    await play(conversation, [
      { says: 'I want to pay it all', must: ['Do you agree'] },
      { says: 'yes', must: ['agreed and recorded', URL] },
    ]);
    const [plan] = await plansOf();
    expect(plan).toMatchObject({ kind: 'full', total: 108500 });
    const link = await bot.database.db.payLink.findFirstOrThrow({ where: { planId: plan!.id } });
    expect(link).toMatchObject({ purpose: 'full', amount: 108500 });
  });

  it('DESIGN 11: a language model that answers "affirm" to everything cannot agree a plan — only the deterministic recognizer judges the yes', async () => {
    const conversation = await maria();
    await play(conversation, [{ says: 'I want to pay it all', must: ['Do you agree'] }]);
    const original = bot.parts.services.recognizer;
    const alwaysAffirm: Recognizer = { recognize: async () => ({ intent: 'affirm', intents: ['affirm'], entities: { dates: [], money: [] }, source: 'llm' }) };
    bot.parts.services.recognizer = alwaysAffirm;
    try {
      for (const says of ['I guess, whatever you think is best', 'hmm let me think about it', 'go on then, I suppose']) {
        await play(conversation, [{ says, mustNot: ['agreed and recorded', '/pay/'] }]);
      }
    } finally {
      bot.parts.services.recognizer = original;
    }
    expect(await plansOf()).toHaveLength(0);
  });

  it('settlement: counter at the floor, "yes" to see the terms, "yes" to agree → settlement plan and its link', async () => {
    const conversation = await maria();
    await play(conversation, [
      { says: 'I can pay 600 to settle', must: ['$759.50'] },
      { says: 'yes', must: ['terms of your settlement', '• $759.50 on November 23, 2026', 'you pay $325.50 less'] },
      { says: 'yes', must: ['settlement is agreed and recorded', URL] },
    ]);
    const [plan] = await plansOf();
    expect(plan).toMatchObject({ kind: 'settlement', total: 75950 });
    expect(plan!.installments.map((i) => [i.seq, i.amount])).toEqual([[1, 75950]]);
    expect(await bot.database.db.payLink.findFirstOrThrow({ where: { planId: plan!.id } })).toMatchObject({ purpose: 'settlement', amount: 75950 });
  });

  it('DESIGN 11: "cancel plan" cancels an agreed plan, confirms, and its link stops working', async () => {
    const conversation = await maria();
    const [, agreed] = await play(conversation, [{ says: '200 now and the rest over 6 months' }, { says: 'yes', must: [URL] }]);
    const token = URL.exec(agreed!.join('\n'))![1]!;
    const [plan] = await plansOf();
    await play(conversation, [{ says: 'cancel plan', must: ['Your plan is cancelled'] }]);
    const row = await bot.database.db.plan.findUniqueOrThrow({ where: { id: plan!.id }, include: { installments: true } });
    expect(row.status).toBe('cancelled');
    expect(row.cancelledAt).toEqual(bot.clock.now());
    expect(row.installments.every((i) => i.status === 'cancelled')).toBe(true);
    expect(await findPayLink(bot.database.db, token, bot.clock.now())).toBeNull();
    expect(await bot.database.db.auditEvent.count({ where: { type: 'plan.cancelled', accountId: row.accountId } })).toBeGreaterThan(0);
    await play(conversation, [{ says: 'stop my payments', must: ['no payment plan to cancel'] }]);
  });

  it('DESIGN 4 + 11: a debtor who disputes after agreeing can still cancel the plan', async () => {
    const conversation = await maria();
    await play(conversation, [{ says: 'I can do 100 a month' }, { says: 'yes', must: [URL] }]);
    await play(conversation, [
      { says: 'this is not my debt', must: ['recorded your dispute'] },
      { says: 'please cancel my payment plan', must: ['Your plan is cancelled'] },
    ]);
    expect(await plansOf()).toHaveLength(0);
  });

  it('DESIGN 11 by SMS: the authorization records the SMS channel and the pay link is bound to it', async () => {
    const sms = bot.conversation({ channelId: 'sms', from: '+14045550101' });
    await sms.say('hi');
    await sms.say('3/14/1985');
    await sms.say('ssn 1234');
    await sms.say('yes');
    await play(sms, [
      { says: 'pay in full', must: ['Do you agree'] },
      { says: 'YES', must: [URL] },
    ]);
    const [plan] = await plansOf();
    expect(plan).toMatchObject({ kind: 'full', authorizedChannel: 'sms' });
    expect(await bot.database.db.payLink.findFirstOrThrow({ where: { planId: plan!.id } })).toMatchObject({ channel: 'sms', purpose: 'full' });
  });

  it('asking to pay with an agreement in place shows it again with a fresh link — no second plan', async () => {
    const conversation = await maria();
    await play(conversation, [{ says: 'I want to pay it all' }, { says: 'yes', must: [URL] }]);
    await play(conversation, [{ says: 'I want to make a payment', must: ['You already have an agreement', 'one payment of the full balance, $1,085.00', URL, 'cancel plan'] }]);
    expect(await plansOf()).toHaveLength(1);
  });
});

describe('DESIGN 9: a few rounds, then a person reviews the debtor\'s proposal', () => {
  it('three offers outside policy → the offer of a review → "yes" queues a proposal handoff carrying the terms', async () => {
    const conversation = await maria();
    await play(conversation, [
      { says: 'I can do 50 a month', must: ['$90.42'], mustNot: ['collections officer'] },
      { says: 'what about 60 a month', must: ['$90.42'], mustNot: ['collections officer'] },
      { says: '70 a month', must: ['I cannot agree to $70.00 a month myself', 'send your proposal to a collections officer', 'yes or no'] },
      { says: 'yes', must: ['sent your proposal ($70.00 a month) to a collections officer', 'asked a person to join'] },
    ]);
    const record = await bot.database.db.conversation.findUniqueOrThrow({ where: { externalId: conversation.id } });
    const handoff = await bot.database.db.handoff.findFirstOrThrow({ where: { conversationId: record.id, reason: 'proposal' } });
    // The queue keys the detail by reason: { proposal: { channel, proposal: {…the debtor's terms…} } }.
    const queued = JSON.parse(handoff.detailJson).proposal;
    expect(queued.channel).toBe('test');
    const detail = queued.proposal;
    expect(detail.offer).toEqual({ kind: 'installments', amount: 7000, frequency: 'monthly' });
    expect(detail.terms).toMatchObject({ kind: 'installments', total: 108500, installmentCount: 16, frequency: 'monthly' });
    expect(detail.violations.map((v: { limit: string }) => v.limit)).toEqual(['maxInstallments', 'maxPlanDays']);
    expect(detail.closestAllowed).toMatchObject({ installmentCount: 12, total: 108500 });
    expect(detail).toMatchObject({ balance: 108500, currency: 'USD', hardship: false, rounds: 3 });
    expect(await plansOf()).toHaveLength(0);
  });

  it('"no" to the review keeps the closest plan on the table', async () => {
    const conversation = await maria();
    await play(conversation, [
      { says: '30 a month' },
      { says: '40 a month' },
      { says: '45 a month', must: ['collections officer'] },
      { says: 'no', must: ['closest I can offer is 12 monthly payments of $90.42'] },
      { says: 'yes', must: ['Do you authorize these payments?'] },
    ]);
  });
});

describe('DESIGN 8: hardship opens the hardship limits', () => {
  it('hardship reported earlier: smaller payments over a longer time, and the plan is stored as a hardship plan', async () => {
    const conversation = await maria();
    await play(conversation, [
      { says: 'I lost my job and money is really tight', must: ['sorry'] },
      { says: 'what are my options to pay?', must: ['as little as $10.00 a payment, with up to 24 payments', '$542.50', '24 monthly payments of $45.21'] },
      { says: 'I can do 50 a month', must: ['I can set that up', 'then 18 more payments of $50.00', 'a last payment of $35.00', 'Number of payments: 22'] },
      { says: 'yes', must: ['agreed and recorded', URL] },
    ]);
    const [plan] = await plansOf();
    expect(plan).toMatchObject({ hardship: true, total: 108500 });
    expect(plan!.installments).toHaveLength(22);
  });

  it('hardship reported in the middle: the same offer is judged again under the hardship limits', async () => {
    const conversation = await maria();
    await play(conversation, [
      { says: 'I can do 50 a month', must: ['at most 12 payments'] },
      { says: 'I was laid off last month', must: ['sorry', 'I can set that up', 'Number of payments: 22'] },
    ]);
  });

  async function hardshipReports(accountNumber = 'A-1001') {
    const row = await account(accountNumber);
    return bot.database.db.auditEvent.count({ where: { type: 'hardship.reported', accountId: row.id } });
  }

  it('hardship and an offer in one message at the menu: acknowledged once, and the offer judged under the hardship limits', async () => {
    const conversation = await maria();
    const before = await hardshipReports();
    const [combined] = await play(conversation, [
      {
        says: 'I lost my job, can I pay 50 a month?',
        must: ['sorry', 'no pressure', 'I can set that up', 'then 18 more payments of $50.00', 'Number of payments: 22'],
        mustNot: ['at most 12 payments', 'What would you like to do?', /must pay/i],
      },
    ]);
    expect(await hardshipReports()).toBe(before + 1);

    // The same as saying the two in separate messages.
    const [alone = [], offer = []] = await play(await maria(), [{ says: 'I lost my job', must: ['sorry'] }, { says: 'can I pay 50 a month?' }]);
    expect(combined).toEqual([alone[0], ...offer]);

    // Said again in the first conversation: acknowledged again, not recorded again; the same terms
    // are said to be the ones just shown, not recapped word for word again (DESIGN 16).
    const reports = await hardshipReports();
    await play(conversation, [
      { says: 'I lost my job, I can do 50 a month', must: ['sorry', 'same terms I just showed you'], mustNot: ['Number of payments: 22'] },
      { says: 'yes', must: ['agreed and recorded', URL] },
    ]);
    expect(await hardshipReports()).toBe(reports);
    const [plan] = await plansOf();
    expect(plan).toMatchObject({ hardship: true, total: 108500 });
    expect(plan!.installments).toHaveLength(22);
  });

  it.each<[string, Expect[]]>([
    ['I lost my job, what are my payment options?', ['as little as $10.00 a payment, with up to 24 payments', '24 monthly payments of $45.21']],
    ['I was laid off, I want a payment plan', ['24 monthly payments of $45.21', 'Would that work for you?']],
    ['I lost my job, can I pay 300 to settle?', ['the smallest amount the creditor accepts to settle this account is $542.50']],
  ])('at the menu, "%s" → hardship acknowledged and the rest answered with the hardship limits', async (says, must) => {
    await play(await maria(), [{ says, must: ['sorry', 'no pressure', ...must], mustNot: ['What would you like to do?', 'Do you authorize', /must pay/i] }]);
  });

  it('Spanish: hardship and an offer in one message — acknowledged in Spanish, the offer judged under the hardship limits', async () => {
    await resetAccount('A-1002');
    const carlos = async () => {
      const conversation = bot.conversation();
      for (const says of ['hi', 'A-1002', 'November 2 1979', '78201', 'sí']) await conversation.say(says);
      return conversation;
    };
    const before = await hardshipReports('A-1002');
    const [combined] = await play(
      await carlos(),
      [{ says: 'perdí mi trabajo, ¿puedo pagar 150 al mes?', must: ['Lamento', 'no hay ninguna presión', 'Número de pagos: 24'], mustNot: ['¿Qué desea hacer?', /debe pagar/i] }],
      'A-1002',
    );
    expect(await hardshipReports('A-1002')).toBe(before + 1);

    const [alone = [], offer = []] = await play(await carlos(), [{ says: 'me quedé sin trabajo', must: ['Lamento'] }, { says: '¿puedo pagar 150 al mes?' }], 'A-1002');
    // Said apart, the hardship puts the E-SIGN question off first, so the rights come before the terms (review 10, 08).
    expect(combined).toEqual([alone[0], ...offer.filter((reply) => !reply.startsWith('Sus derechos'))]);
  });
});

describe('DESIGN 4 + 9: no offers while collection is paused, and rights win mid-negotiation', () => {
  it.each([
    ['disputed', { disputed: true }, 'paused while your dispute is reviewed'],
    ['asked us to stop contact', { ceaseCommunication: true }, 'will not ask you for payment'],
    ['represented by an attorney', { attorneyRepresented: true }, 'represented by an attorney'],
    ['in bankruptcy', { bankruptcy: true }, 'bankruptcy information is reviewed'],
  ])('DESIGN 4: an account %s gets no offers', async (_label, flags, must) => {
    const conversation = await maria();
    await bot.database.db.account.update({ where: { accountNumber: 'A-1001' }, data: flags });
    for (const says of ['I want a payment plan', 'I can do 50 a month', 'I can pay 600 to settle', 'how do I pay']) {
      await play(conversation, [{ says, must: [must], mustNot: [/\$\d/, 'monthly payments', 'Do you authorize', '/pay/'] }]);
    }
    expect(await plansOf()).toHaveLength(0);
  });

  it('DESIGN 4: "I dispute this" during the recap records the dispute and ends the negotiation; a later "yes" agrees nothing', async () => {
    const conversation = await maria();
    await play(conversation, [
      { says: '$100 every two weeks starting the 15th', must: ['Do you authorize these payments?'] },
      { says: 'I dispute this', must: ['recorded your dispute', 'stop collecting'], mustNot: [/\$\d/] },
      { says: 'yes', mustNot: ['agreed and recorded', '/pay/', 'Do you authorize'] },
      { says: 'I can do 100 a month', must: ['paused'], mustNot: [/\$\d/] },
    ]);
    expect((await account()).disputed).toBe(true);
    expect(await plansOf()).toHaveLength(0);
  });

  it('DESIGN 15: "agent" during the negotiation reaches a person', async () => {
    const conversation = await maria();
    await play(conversation, [
      { says: 'I can do 50 a month', must: ['$90.42'] },
      { says: 'agent', must: ['asked a person to join'] },
    ]);
    const record = await bot.database.db.conversation.findUniqueOrThrow({ where: { externalId: conversation.id } });
    expect(record.holder).toBe('queued');
  });

  it('DESIGN 8: a crisis during the recap → 988 and no collection talk; a later "yes" agrees nothing', async () => {
    const conversation = await maria();
    await play(conversation, [
      { says: 'I want to pay it all', must: ['Do you agree'] },
      { says: 'I cannot do this anymore, I want to end my life', must: ['988'], mustNot: [/\$\d/] },
      { says: 'yes', mustNot: [/\$\d/, '/pay/', 'agreed and recorded'] },
    ]);
    expect(await plansOf()).toHaveLength(0);
  });
});

describe('the menu', () => {
  /** Runs `says` and counts the dialogs' reads of an account during that turn. */
  async function accountReads(conversation: TestConversation, says: string): Promise<{ reads: number; replies: string[] }> {
    const services = bot.parts.services;
    const db = services.db;
    let reads = 0;
    const account = new Proxy(db.account, {
      get: (target, property) => {
        const value = Reflect.get(target, property);
        if (property !== 'findUnique') return value;
        return (...args: Parameters<typeof target.findUnique>) => {
          reads += 1;
          return target.findUnique(...args);
        };
      },
    });
    services.db = new Proxy(db, { get: (target, property) => (property === 'account' ? account : Reflect.get(target, property)) });
    try {
      return { replies: await conversation.say(says), reads };
    } finally {
      services.db = db;
    }
  }

  it('listing the options costs no second read of the account in the turn', async () => {
    const conversation = await maria();
    const thanks = await accountReads(conversation, 'thanks');
    const hello = await accountReads(conversation, 'hello');
    expect(thanks.replies.join('\n')).not.toContain('What would you like to do?');
    expect(hello.replies.join('\n')).toContain('What would you like to do?');
    // The turn's account comes from the turn's opening read (src/storage/turnStore.ts, counted in
    // test/perf/turnStatements.test.ts): listing the options adds no Prisma read of it.
    expect(hello.reads).toBe(thanks.reads);
    expect(hello.reads).toBeLessThanOrEqual(1);
  });
});

describe('other debtors', () => {
  it('Spanish: Carlos (A-1002) agrees a plan in Spanish; the Spanish recap is his authorization', async () => {
    await resetAccount('A-1002');
    const conversation = bot.conversation();
    await conversation.say('hi');
    await conversation.say('A-1002');
    await conversation.say('November 2 1979');
    await conversation.say('78201');
    await conversation.say('sí');
    const steps = await play(
      conversation,
      [
        { says: 'quiero un plan de pagos', must: ['12 pagos mensuales de $293.18', '¿Le funciona?'] },
        { says: 'puedo dar 200 ahora y el resto en 6 meses', must: ['$200.00 el 23 de noviembre de 2026 (primer pago)', 'Número de pagos: 7', '¿Autoriza estos pagos?', 'cancelar plan'] },
        { says: 'lo que sea', must: ['Para aceptar estos términos, por favor responda sí'] },
        { says: 'sí', must: ['plan de pagos está acordado', URL] },
      ],
      'A-1002',
    );
    const [plan] = await plansOf('A-1002');
    expect(plan).toMatchObject({ kind: 'installments', downPayment: 20000, total: 351815 });
    expect(plan!.authorizationText).toBe(steps[1]![steps[1]!.length - 1]);
    expect(plan!.authorizationText).toContain('¿Autoriza estos pagos?');
  });

  it('DESIGN 9: a time-barred debt (A-1005) gets options with no threat of suit', async () => {
    await resetAccount('A-1005');
    const conversation = bot.conversation();
    await conversation.say('hi');
    await conversation.say('A-1005');
    await conversation.say('May 30 1958');
    await conversation.say('33101');
    await conversation.say('yes');
    await play(conversation, [{ says: 'what are my payment options', must: ['$1,850.00'] }, { says: 'I can do 200 a month', must: ['Do you authorize', 'Number of payments: 10'] }], 'A-1005');
  });
});
