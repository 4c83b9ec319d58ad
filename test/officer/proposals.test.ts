import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smsConversationId } from '../../src/channels/sms/recipients.ts';
import { queueHandoff } from '../../src/handoff/queue.ts';
import { officerMessagesFor } from '../../src/messages/officer.ts';
import { decideProposal, type ProposalDecision, type ProposalDecisionResult } from '../../src/officer/proposals.ts';
import { findPayLink } from '../../src/payments/payLinks.ts';
import { createTestBot, playSteps, resetAccountFlags, verifyAsMaria, type TestBot, type TestConversation } from '../helpers/conversation.ts';

/**
 * An officer decides a plan proposal the bot sent for review (issue #6): approve, counter, reject —
 * then the debtor answers in the chat. Demo debtor A-1001 Maria Johnson, balance $1,085.00,
 * DEFAULT_POLICY (at most 12 installments); the test clock is Monday, November 23, 2026.
 */

const PAY_URL = /https:\/\/chat\.example\.test\/pay\/([\w-]{16,64})/;
/** DESIGN 9 + 10, English and Spanish. */
const PRESSURE = /\btoday\b|expir|deadline|limited[- ]time|\bfees?\b|\bact now\b|\burgent|\bhoy\b|\bvence\b|caduc|fecha l[ií]mite|comisi[oó]n/i;

let bot: TestBot;
let officerId: string;
let otherOfficerId: string;

beforeAll(async () => {
  bot = await createTestBot();
  officerId = (await bot.database.db.officer.create({ data: { email: 'dana@example.test', name: 'Dana Whitfield', passwordHash: 'unused' } })).id;
  otherOfficerId = (await bot.database.db.officer.create({ data: { email: 'sam@example.test', name: 'Sam Ortiz', passwordHash: 'unused' } })).id;
});
afterAll(async () => bot.close());

beforeEach(async () => {
  const account = await resetAccountFlags(bot.database.db, 'A-1001');
  await bot.database.db.plan.updateMany({ where: { accountId: account.id, status: { in: ['agreed', 'active', 'delinquent', 'offered'] } }, data: { status: 'cancelled' } });
});

const db = () => bot.database.db;
const maria = () => db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });

interface Proposal {
  conversation: TestConversation;
  conversationRecordId: string;
  handoffId: string;
}

/** Maria on the website chat (or SMS), verified, proposes $70 a month three rounds in, and asks for a person's review. */
async function proposal(channel: 'web' | 'sms' = 'web'): Promise<Proposal> {
  const conversation =
    channel === 'web' ? bot.conversation({ channelId: 'directline' }) : bot.conversation({ channelId: 'sms', from: '+14045550101', id: smsConversationId('+14045550101') });
  if (channel === 'web') {
    await verifyAsMaria(conversation);
  } else {
    await conversation.say('hi');
    await conversation.say('3/14/1985');
    await conversation.say('ssn 1234');
  }
  await conversation.say('yes');
  await playSteps(conversation, [
    { says: 'I can do 50 a month' },
    { says: 'what about 60 a month' },
    { says: '70 a month', must: ['send your proposal to a collections officer'] },
    { says: 'yes', must: ['sent your proposal'] },
  ]);
  const record = await db().conversation.findUniqueOrThrow({ where: { externalId: conversation.id } });
  const handoff = await db().handoff.findFirstOrThrow({ where: { conversationId: record.id, status: 'queued' }, orderBy: { createdAt: 'desc' } });
  expect(handoff.reason).toBe('proposal');
  expect(record.holder).toBe('queued');
  return { conversation, conversationRecordId: record.id, handoffId: handoff.id };
}

function decide(handoffId: string, decision: ProposalDecision, by = officerId): Promise<ProposalDecisionResult> {
  return decideProposal(db(), { handoffId, officerId: by, decision, now: bot.clock.now() });
}

function ok(result: ProposalDecisionResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result;
}

async function offeredPlan(planId: string) {
  return db().plan.findUniqueOrThrow({ where: { id: planId }, include: { installments: { orderBy: { seq: 'asc' } } } });
}

describe('an officer decides a proposal', () => {
  it('approve: the debtor\'s own terms become an offered plan; the offer goes to the web chat and the transcript, audited; the handoff is resolved and the bot holds the conversation', async () => {
    const { conversation, conversationRecordId, handoffId } = await proposal();
    const result = ok(await decide(handoffId, { kind: 'approve' }));

    expect(result.decision).toBe('approve');
    expect(result.violations.map((v) => v.limit)).toEqual(['maxInstallments', 'maxPlanDays']);
    const plan = await offeredPlan(result.planId!);
    expect(plan).toMatchObject({ status: 'offered', kind: 'installments', total: 108500, frequency: 'monthly', downPayment: 0, offeredBy: officerId, conversationId: conversationRecordId });
    expect(plan.authorizationText).toBeNull();
    expect(plan.authorizedAt).toBeNull();
    // $70.00 a month, exactly as proposed: 15 × $70.00 and a last $35.00.
    expect(plan.installments.map((i) => i.amount)).toEqual([...new Array(15).fill(7000), 3500]);
    expect(plan.installments.reduce((sum, i) => sum + i.amount, 0)).toBe(plan.total);
    expect(plan.installments.every((i) => i.status === 'scheduled')).toBe(true);
    expect(await db().payLink.count({ where: { planId: plan.id } })).toBe(0);

    expect(plan.offerText).toBe(result.message);
    expect(result.message).toContain('A collections officer has reviewed your proposal and approved it');
    expect(result.message).toContain('• $70.00 on November 23, 2026');
    expect(result.message).toContain('Number of payments: 16');
    expect(result.message).toContain('Reply YES to agree to these terms, or NO');
    expect(result.message).toContain('does not affect your right to dispute');
    expect(result.message).not.toMatch(PRESSURE);

    const outbox = await db().outboxMessage.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(outbox).toMatchObject({ channel: 'web', to: conversation.id, kind: 'officer', body: result.message, conversationId: conversationRecordId, status: 'pending' });
    const transcript = await db().message.findMany({ where: { conversationId: conversationRecordId, author: 'officer' } });
    expect(transcript).toHaveLength(1);
    expect(transcript[0]).toMatchObject({ direction: 'out', officerId, text: result.message });

    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: 'proposal.approved', conversationId: conversationRecordId } });
    expect(audit.actor).toBe(`officer:${officerId}`);
    expect(JSON.parse(audit.detailJson)).toMatchObject({ handoffId, planId: plan.id, balance: 108500, total: 108500, count: 16, violations: ['maxInstallments', 'maxPlanDays'], outboxId: result.outboxId });
    expect(await db().auditEvent.count({ where: { type: 'handoff.resolved', conversationId: conversationRecordId } })).toBe(1);

    const handoff = await db().handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(handoff).toMatchObject({ status: 'resolved', outcome: 'proposal_approved', officerId });
    expect(handoff.resolvedAt).toEqual(bot.clock.now());
    expect(handoff.firstResponseAt).toEqual(bot.clock.now());
    expect(JSON.parse(handoff.detailJson).decision).toMatchObject({ kind: 'approve', officerId, planId: plan.id });
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversationRecordId } })).holder).toBe('bot');
  });

  it('counter by SMS: terms outside policy are allowed (an officer decides), built by the plan builders, and the limits they break are returned', async () => {
    const { conversationRecordId, handoffId } = await proposal('sms');
    const result = ok(await decide(handoffId, { kind: 'counter', terms: { kind: 'installments', count: 18, frequency: 'monthly', downPayment: 5000, firstDate: '2026-12-01' } }));

    expect(result.violations.map((v) => v.limit)).toEqual(expect.arrayContaining(['maxInstallments', 'maxPlanDays']));
    const plan = await offeredPlan(result.planId!);
    expect(plan).toMatchObject({ status: 'offered', kind: 'installments', total: 108500, downPayment: 5000, frequency: 'monthly' });
    expect(plan.installments).toHaveLength(19);
    expect(plan.installments[0]).toMatchObject({ seq: 0, amount: 5000 });
    expect(plan.installments.reduce((sum, i) => sum + i.amount, 0)).toBe(108500);
    expect(result.message).toContain('They cannot approve it as it was, but they can offer you these terms instead');
    expect(result.message).toContain('$50.00 on December 1, 2026 (first payment)');

    const outbox = await db().outboxMessage.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(outbox).toMatchObject({ channel: 'sms', to: '+14045550101', kind: 'officer', conversationId: conversationRecordId });
    expect(await db().auditEvent.count({ where: { type: 'proposal.countered', conversationId: conversationRecordId } })).toBe(1);
    expect((await db().handoff.findUniqueOrThrow({ where: { id: handoffId } })).outcome).toBe('proposal_countered');
  });

  it('counter with a settlement below the floor; a newer offer declines the earlier one', async () => {
    // Two conversations, two reviews (after the first offer, a new conversation would be shown it and a "yes" would agree it).
    const earlierProposal = await proposal();
    const { handoffId } = await proposal();
    const first = ok(await decide(earlierProposal.handoffId, { kind: 'approve' }));
    const result = ok(await decide(handoffId, { kind: 'counter', terms: { kind: 'settlement', total: 60000, firstDate: '2026-11-30' } }));
    expect(result.violations).toEqual([{ limit: 'settlementFloor', value: 75950, percent: 70 }]);
    expect(result.message).toContain('settle the $1,085.00 balance in full, so you pay $485.00 less');
    expect(await offeredPlan(result.planId!)).toMatchObject({ status: 'offered', kind: 'settlement', total: 60000 });
    const earlier = await offeredPlan(first.planId!);
    expect(earlier.status).toBe('declined');
    expect(earlier.installments.every((i) => i.status === 'cancelled')).toBe(true);
  });

  it('reject: the catalogue text goes to the debtor, nothing is offered, the note stays with the handoff', async () => {
    const { conversationRecordId, handoffId } = await proposal();
    const result = ok(await decide(handoffId, { kind: 'reject', note: 'Creditor will not go below 12 months.' }));
    expect(result).toMatchObject({ decision: 'reject', planId: null, violations: [] });
    expect(result.message).toBe(officerMessagesFor('en').proposalRejected());
    expect(await db().plan.count({ where: { accountId: (await maria()).id, status: 'offered' } })).toBe(0);
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: result.outboxId } })).toMatchObject({ kind: 'officer', body: result.message });
    const handoff = await db().handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(handoff).toMatchObject({ status: 'resolved', outcome: 'proposal_rejected' });
    expect(JSON.parse(handoff.detailJson).decision.note).toBe('Creditor will not go below 12 months.');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: 'proposal.rejected', conversationId: conversationRecordId } });
    expect(audit.detailJson).not.toContain('Creditor will not');
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversationRecordId } })).holder).toBe('bot');
  });

  it('a second decision (a double click) is refused and sends nothing more', async () => {
    const { conversationRecordId, handoffId } = await proposal();
    const [a, b] = await Promise.all([decide(handoffId, { kind: 'approve' }), decide(handoffId, { kind: 'approve' })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const again = await decide(handoffId, { kind: 'reject' });
    expect(again).toMatchObject({ ok: false, code: 'already_resolved', status: 409 });
    if (!again.ok) expect(again.message).toMatch(/already been decided \(proposal approved\)/);
    expect(await db().outboxMessage.count({ where: { conversationId: conversationRecordId, kind: 'officer' } })).toBe(1);
    expect(await db().plan.count({ where: { accountId: (await maria()).id, status: 'offered' } })).toBe(1);
  });

  it('a disputed account is refused: nothing about payment is sent, the escalation stays open', async () => {
    const { conversationRecordId, handoffId } = await proposal();
    await db().account.update({ where: { accountNumber: 'A-1001' }, data: { disputed: true } });
    for (const decision of [{ kind: 'approve' }, { kind: 'reject' }] as ProposalDecision[]) {
      const result = await decide(handoffId, decision);
      expect(result).toMatchObject({ ok: false, code: 'paused', status: 409 });
      if (!result.ok) expect(result.message).toContain('the debt is disputed');
    }
    expect(await db().handoff.findUniqueOrThrow({ where: { id: handoffId } })).toMatchObject({ status: 'queued', outcome: null });
    expect(await db().outboxMessage.count({ where: { conversationId: conversationRecordId } })).toBe(0);
    expect(await db().plan.count({ where: { accountId: (await maria()).id, status: 'offered' } })).toBe(0);
  });

  it('approving a proposal with no exact terms is refused: the officer must counter', async () => {
    const conversation = bot.conversation({ channelId: 'directline' });
    await verifyAsMaria(conversation);
    const record = await db().conversation.findUniqueOrThrow({ where: { externalId: conversation.id } });
    const account = await maria();
    const queued = await queueHandoff(db(), {
      reason: 'proposal',
      conversationId: record.id,
      accountId: account.id,
      detail: { channel: 'web', proposal: { offer: { kind: 'installments' }, terms: null, violations: [], limits: [], closestAllowed: null, balance: 108500, currency: 'USD', hardship: false, rounds: 3 } },
    });
    const approve = await decide(queued.id, { kind: 'approve' });
    expect(approve).toMatchObject({ ok: false, code: 'no_terms', status: 422 });
    if (!approve.ok) expect(approve.message).toContain('Make a counter-offer instead');
    ok(await decide(queued.id, { kind: 'counter', terms: { kind: 'full', firstDate: '2026-11-23' } }));
  });

  it.each<[string, ProposalDecision, RegExp]>([
    ['a settlement of the whole balance', { kind: 'counter', terms: { kind: 'settlement', total: 108500, firstDate: '2026-11-30' } }, /less than the balance, \$1,085\.00/],
    ['a first payment date that has passed', { kind: 'counter', terms: { kind: 'full', firstDate: '2026-11-22' } }, /has passed/],
    ['an installment plan for less than the balance', { kind: 'counter', terms: { kind: 'installments', total: 50000, count: 5, frequency: 'monthly', firstDate: '2026-11-30' } }, /make it a settlement/],
  ])('a counter-offer with %s is refused with a reason the officer can act on', async (_label, decision, message) => {
    const { handoffId } = await proposal();
    const result = await decide(handoffId, decision);
    expect(result).toMatchObject({ ok: false, code: 'invalid_terms', status: 422 });
    if (!result.ok) expect(result.message).toMatch(message);
    expect((await db().handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe('queued');
  });

  it('invalid decisions are refused before anything is read; another officer\'s conversation is theirs to decide', async () => {
    const bad = await decideProposal(db(), { handoffId: 'x', officerId, decision: { kind: 'counter', terms: { kind: 'installments', count: 0, firstDate: '2026-13-01' } } as never, now: bot.clock.now() });
    expect(bad).toMatchObject({ ok: false, code: 'invalid_decision', status: 400 });
    expect(await decide('no-such-handoff', { kind: 'approve' })).toMatchObject({ ok: false, code: 'not_found', status: 404 });

    const { handoffId } = await proposal();
    await db().handoff.update({ where: { id: handoffId }, data: { status: 'accepted', officerId: otherOfficerId } });
    const result = await decide(handoffId, { kind: 'approve' });
    expect(result).toMatchObject({ ok: false, code: 'held_by_other' });
    if (!result.ok) expect(result.message).toContain('Sam Ortiz');
  });
});

describe('DESIGN 11: the debtor answers the officer\'s terms', () => {
  it('"yes" agrees the offered plan: the offer text is the authorization, with time and channel, and the first pay link is sent', async () => {
    const { conversation, conversationRecordId, handoffId } = await proposal();
    const offer = ok(await decide(handoffId, { kind: 'approve' }));
    const [replies] = await playSteps(conversation, [
      { says: 'yes', must: ['payment plan is agreed and recorded', 'The first payment, $70.00, is due on November 23, 2026', PAY_URL], mustNot: [PRESSURE] },
    ]);

    const plan = await offeredPlan(offer.planId!);
    expect(plan).toMatchObject({ status: 'agreed', authorizationText: offer.message, authorizedChannel: 'web', conversationId: conversationRecordId, offeredBy: officerId });
    expect(plan.authorizedAt).toEqual(bot.clock.now());
    const token = PAY_URL.exec(replies!.join('\n'))![1]!;
    expect(await findPayLink(db(), token, bot.clock.now())).toMatchObject({ planId: plan.id, installmentId: plan.installments[0]!.id, purpose: 'down_payment', amount: 7000, channel: 'web' });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: 'plan.offer_accepted', conversationId: conversationRecordId } });
    expect(audit.actor).toBe('debtor');
    expect(JSON.parse(audit.detailJson)).toMatchObject({ planId: plan.id, offeredBy: officerId, channel: 'web' });
    // The agreement stands: another yes agrees nothing more.
    await playSteps(conversation, [{ says: 'yes', mustNot: ['agreed and recorded', PAY_URL] }]);
    expect(await db().plan.count({ where: { accountId: plan.accountId, status: 'agreed' } })).toBe(1);
  });

  it('"no" declines it: nothing agreed, the options or a person', async () => {
    const { conversation, conversationRecordId, handoffId } = await proposal();
    const offer = ok(await decide(handoffId, { kind: 'counter', terms: { kind: 'installments', count: 14, frequency: 'monthly', firstDate: '2026-12-01' } }));
    await playSteps(conversation, [
      { says: 'no', must: ['nothing has been agreed or charged', 'payment options', 'agent'], mustNot: [PAY_URL, PRESSURE] },
      { says: 'yes', mustNot: ['agreed and recorded', PAY_URL] },
    ]);
    const plan = await offeredPlan(offer.planId!);
    expect(plan.status).toBe('declined');
    expect(plan.authorizationText).toBeNull();
    expect(plan.installments.every((i) => i.status === 'cancelled')).toBe(true);
    expect(await db().auditEvent.count({ where: { type: 'plan.offer_declined', conversationId: conversationRecordId } })).toBe(1);
  });

  it('DESIGN 4: "yes but I want to dispute this" records the dispute and agrees nothing; a later "yes" is told collection is paused', async () => {
    const { conversation, handoffId } = await proposal();
    const offer = ok(await decide(handoffId, { kind: 'approve' }));
    await playSteps(conversation, [
      { says: 'yes but I want to dispute this', must: ['recorded your dispute'], mustNot: ['agreed and recorded', PAY_URL] },
      { says: 'yes', must: ['paused while your dispute is reviewed'], mustNot: ['agreed and recorded', PAY_URL] },
    ]);
    expect((await maria()).disputed).toBe(true);
    expect((await offeredPlan(offer.planId!)).status).toBe('offered');
    expect(await db().plan.count({ where: { accountId: (await maria()).id, status: 'agreed' } })).toBe(0);
  });

  it('a hedged yes, or a yes with new terms, is not a yes', async () => {
    const { conversation, handoffId } = await proposal();
    const offer = ok(await decide(handoffId, { kind: 'approve' }));
    await playSteps(conversation, [
      { says: 'ok sure whatever', mustNot: ['agreed and recorded', PAY_URL] },
      { says: 'yes?', mustNot: ['agreed and recorded', PAY_URL] },
      { says: 'yes, 80 a month', mustNot: ['agreed and recorded', PAY_URL] },
    ]);
    expect((await offeredPlan(offer.planId!)).status).toBe('offered');
  });

  it('verification lapsed: "yes" agrees nothing; after verifying again the offer is shown again, word for word, and then "yes" agrees it', async () => {
    const { conversation, handoffId } = await proposal();
    const offer = ok(await decide(handoffId, { kind: 'approve' }));
    bot.clock.advanceMinutes(16);
    await playSteps(conversation, [
      { says: 'yes', must: ['confirm who you are again'], mustNot: ['agreed and recorded', PAY_URL, '$70.00'] },
      { says: 'A-1001' },
      { says: 'March 14 1985' },
    ]);
    const [verified] = await playSteps(conversation, [{ says: '30301', must: ['You are verified', officerMessagesFor('en').pendingOffer()], mustNot: [PAY_URL] }]);
    // Shown again word for word: on the web the "•" lines go out as a Markdown list (src/replies), which Web Chat renders as the same bullets.
    const asWords = (text: string) => text.replace(/^[-•] /gm, '• ').replace(/\n+/g, '\n');
    expect(asWords(verified![verified!.length - 1]!)).toBe(asWords(offer.message));
    await playSteps(conversation, [{ says: 'yes', must: ['agreed and recorded', PAY_URL] }]);
    expect(await offeredPlan(offer.planId!)).toMatchObject({ status: 'agreed', authorizationText: offer.message });
  });

  it('terms that no longer fit the balance are withdrawn, not agreed', async () => {
    const { conversation, handoffId } = await proposal();
    const offer = ok(await decide(handoffId, { kind: 'approve' }));
    const account = await maria();
    await db().account.update({ where: { id: account.id }, data: { balance: account.balance - 5000 } });
    try {
      await playSteps(conversation, [{ says: 'yes', must: ['cannot be set up as they were', 'nothing has been agreed or charged'], mustNot: [PAY_URL] }]);
      expect((await offeredPlan(offer.planId!)).status).toBe('cancelled');
    } finally {
      await db().account.update({ where: { id: account.id }, data: { balance: account.balance } });
    }
  });

  it('Spanish: the offer is written in the conversation\'s language and "sí" agrees it', async () => {
    const { conversation, conversationRecordId, handoffId } = await proposal();
    await db().conversation.update({ where: { id: conversationRecordId }, data: { language: 'es' } });
    await playSteps(conversation, [{ says: 'español', must: ['español'] }]);
    const offer = ok(await decide(handoffId, { kind: 'approve' }));
    expect(offer.message).toContain('Un agente de cobranza revisó su propuesta y la aprobó');
    expect(offer.message).toContain('¿Autoriza estos pagos?');
    expect(offer.message).toContain('Responda SÍ');
    expect(offer.message).not.toMatch(PRESSURE);
    await playSteps(conversation, [{ says: 'sí', must: ['plan de pagos está acordado', PAY_URL] }]);
  });
});
