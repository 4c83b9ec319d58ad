import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBot, playSteps, verifyAsMaria, type Expect, type TestBot, type TestConversation } from '../helpers/conversation.ts';

/**
 * Withdrawing E-SIGN consent in the chat (DESIGN 3, 1006.42): "You can withdraw consent at any
 * time or ask for paper copies" is what the E-SIGN question promises. Each case uses its own demo
 * account (prisma/DEMO_ACCOUNTS.md) on this file's own database.
 */

/** No deadline, pressure or fee wording in what the bot says about notices. */
const NO_PRESSURE: Expect[] = [/\btoday\b/i, /\bdeadline\b/i, /\bfees?\b/i, /\bhoy\b/i];
const NOTICE_LINK = /\/notices\//;

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
});
afterAll(async () => bot.close());

async function accountOf(accountNumber: string) {
  return bot.database.db.account.findUniqueOrThrow({ where: { accountNumber } });
}

async function auditTypes(accountId: string): Promise<string[]> {
  const rows = await bot.database.db.auditEvent.findMany({ where: { accountId }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => row.type);
}

async function verify(conversation: TestConversation, factors: string[]): Promise<string> {
  let last: string[] = [];
  for (const says of ['hi', ...factors]) last = await conversation.say(says);
  return last.join('\n');
}

describe('DESIGN 3: withdrawing E-SIGN consent', () => {
  it('DESIGN 3: after consenting, "I don\'t want electronic notices anymore" is recorded, audited and confirmed; the link is not offered again', async () => {
    const conversation = bot.conversation();
    await verifyAsMaria(conversation);
    await playSteps(conversation, [
      { says: 'yes', must: [NOTICE_LINK] },
      {
        says: "I don't want electronic notices anymore",
        must: ['withdrew your consent to electronic notices', 'by mail', 'paper copy of your validation notice'],
        mustNot: [NOTICE_LINK, ...NO_PRESSURE],
      },
      // The notice is asked for again: rights and "by mail", no link, and consent is not asked for again.
      { says: 'send me the notice', must: ['by mail', 'you can dispute all or part of this debt'], mustNot: [NOTICE_LINK, /agree to receive notices/] },
      { says: 'what are my rights?', must: ['by mail'], mustNot: [NOTICE_LINK, /agree to receive notices/] },
    ]);

    const account = await accountOf('A-1001');
    const consents = await bot.database.db.consent.findMany({ where: { accountId: account.id, kind: 'esign' } });
    expect(consents).toHaveLength(1);
    expect(consents[0]!.withdrawnAt).toEqual(bot.clock.now());
    // One notice, delivered on consent; none after the withdrawal.
    expect(await bot.database.db.notice.count({ where: { accountId: account.id } })).toBe(1);
    const types = await auditTypes(account.id);
    expect(types.filter((t) => t === 'esign.withdrawn')).toHaveLength(1);
    expect(types.indexOf('validation.notice.mail_requested')).toBeGreaterThan(types.indexOf('esign.withdrawn'));
    const withdrawal = await bot.database.db.auditEvent.findFirstOrThrow({ where: { accountId: account.id, type: 'esign.withdrawn' } });
    expect(withdrawal.conversationId).not.toBeNull();
    expect(withdrawal.actor).toBe('debtor');
  });

  it('DESIGN 3: without a consent in force, "send me paper copies" says notices already go by mail and records nothing', async () => {
    const conversation = bot.conversation();
    await verify(conversation, ['A-1006', 'December 5 1995', '10025']);
    await playSteps(conversation, [
      { says: 'no', must: ['mail the validation notice'], mustNot: [NOTICE_LINK] },
      { says: 'send me paper copies', must: ['by mail', 'not electronically'], mustNot: [NOTICE_LINK, 'withdrew', ...NO_PRESSURE] },
    ]);
    const account = await accountOf('A-1006');
    expect(await bot.database.db.consent.count({ where: { accountId: account.id } })).toBe(0);
    const types = await auditTypes(account.id);
    expect(types).not.toContain('esign.withdrawn');
    expect(types.filter((t) => t === 'validation.notice.mail_requested')).toHaveLength(1);
  });

  it('DESIGN 3: "send me paper copies" as the answer to the E-SIGN question is a no: mailed, rights shown', async () => {
    const conversation = bot.conversation();
    const verified = await verify(conversation, ['A-1003', 'July 21 1968', '94110']);
    expect(verified).toMatch(/agree to receive notices/);
    await playSteps(conversation, [
      { says: 'send me paper copies', must: ['mail the validation notice', 'you can dispute all or part of this debt'], mustNot: [NOTICE_LINK, /agree to receive notices/] },
    ]);
    const account = await accountOf('A-1003');
    expect(await bot.database.db.consent.count({ where: { accountId: account.id } })).toBe(0);
    expect(account.validationPeriodEndsAt).not.toBeNull();
    expect(await auditTypes(account.id)).toContain('validation.notice.mail_requested');
  });

  it('DESIGN 3 + 1: before verification nothing about any account is said; the debtor verifies and says it again', async () => {
    const accountFacts: Expect[] = ['$400', '400.00', 'Park', 'A-1004', /\bdebt\b/i, /\bbalance\b/i, /\$\d/, NOTICE_LINK];
    const conversation = bot.conversation();
    await playSteps(conversation, [
      { says: 'hi' },
      { says: 'stop emailing me notices', must: ['confirm who you are', 'tell me again', 'account number'], mustNot: accountFacts },
      { says: 'A-1004', mustNot: accountFacts },
    ]);
    const account = await accountOf('A-1004');
    expect(await auditTypes(account.id)).not.toContain('esign.withdrawn');

    await playSteps(conversation, [
      { says: 'January 9 1990' },
      { says: '60614', must: ['You are verified', /agree to receive notices/] },
      { says: 'yes', must: [NOTICE_LINK] },
      { says: 'stop emailing me notices', must: ['withdrew your consent to electronic notices'], mustNot: [/stop contacting you/] },
    ]);
    expect(await auditTypes(account.id)).toContain('esign.withdrawn');
    // "Stop emailing me notices" asks for paper, not for silence: no cease was recorded.
    expect((await accountOf('A-1004')).ceaseCommunication).toBe(false);
  });

  it('DESIGN 3: Spanish — "retiro mi consentimiento" is recorded and confirmed in Spanish', async () => {
    const conversation = bot.conversation();
    const verified = await verify(conversation, ['A-1002', 'November 2 1979', '78201']);
    expect(verified).toMatch(/Acepta recibir avisos/);
    await playSteps(conversation, [
      { says: 'sí', must: [NOTICE_LINK] },
      {
        says: 'retiro mi consentimiento',
        must: ['retiró su consentimiento', 'por correo postal', 'copia en papel de su aviso de validación'],
        mustNot: [NOTICE_LINK, ...NO_PRESSURE],
      },
      { says: 'mándenme la carta', must: ['por correo postal'], mustNot: [NOTICE_LINK, /Acepta recibir avisos/] },
    ]);
    const account = await accountOf('A-1002');
    expect(await bot.database.db.consent.count({ where: { accountId: account.id, withdrawnAt: null } })).toBe(0);
    expect(await auditTypes(account.id)).toContain('esign.withdrawn');
  });
});
