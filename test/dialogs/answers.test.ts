import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation as smsFrom, verifiedByMail as verified, type Expect, type TestConversation } from '../helpers/conversation.ts';

/**
 * Issue #12 items 11-14: the questions people actually ask a collections chat, answered from the
 * curated answer set (src/answers) in English and Spanish, by web and SMS — after verification
 * where the answer touches the account — and everything unanswered counted for the agency.
 * Each test has a fresh database with the demo debtors (prisma/DEMO_ACCOUNTS.md).
 */

const PHONE = '+1 (800) 555-0100';
const ADDRESS = '100 Main Street, Suite 200, Atlanta, GA 30301';
/** Anything about an account or a debt, before verification (DESIGN 1). */
const ACCOUNT_FACTS: Expect[] = [/\$\d/, 'Peachtree', 'Meridian', 'Horizon', /\bbalance\b/i, /\bdebt\b/i, /\bdeuda\b/i, /\bsaldo\b/i];
const THREAT: Expect[] = [/will (sue|take you to court)/i, /legal action (will|may|could) be/i, /we (can|may|could) sue/i];

const bot = freshBotForEachTest();

const db = () => bot().database.db;
const account = (accountNumber: string) => db().account.findUniqueOrThrow({ where: { accountNumber } });



describe('#12 item 11: "are you a scam?" — who we are and how to check us, not a dispute', () => {
  it('DESIGN 1: before verification — our published phone and address, the CFPB, how to check us; nothing about any account; no dispute', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'are you a scam?', must: [PHONE, ADDRESS, 'www.consumerfinance.gov', 'account number or your full name'], mustNot: ACCOUNT_FACTS },
      { says: "how do I know you're real?", must: [PHONE], mustNot: [...ACCOUNT_FACTS, 'did not understand'] },
      { says: 'A-1001', must: ['date of birth'] },
      { says: 'March 14 1985' },
      { says: '30301', must: ['You are verified'], mustNot: ['recorded your dispute'] },
    ]);
    expect((await account('A-1001')).disputed).toBe(false);
  });

  it('after verification — the creditor and the original creditor too, to check with them; not a dispute', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1002 November 2 1979 78201');
    await play(conversation, [{ says: 'english please' }, { says: 'how do I know this is not a scam?', must: ['Meridian Capital Recovery placed this account with us', 'Horizon Bank Visa', PHONE] }]);
    expect((await account('A-1002')).disputed).toBe(false);
  });

  it('DESIGN 4: a scam question that also denies the debt is a dispute, and the question is answered too', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [{ says: 'is this a scam? I never had an account with them', must: ['recorded your dispute', 'Peachtree Medical Group placed this account with us'] }]);
    expect((await account('A-1001')).disputed).toBe(true);
  });

  it('SMS in Spanish: "¿es esto una estafa?" before verification', async () => {
    await play(smsFrom(bot(), '+12105550134', 'es-US'), [
      { says: '¿es esto una estafa?', must: ['Hace bien en tener cuidado', PHONE, 'www.consumerfinance.gov/es', 'fecha de nacimiento'], mustNot: ACCOUNT_FACTS },
    ]);
    expect((await account('A-1002')).disputed).toBe(false);
  });
});

describe('#12 item 12: credit report and score — truthful, creditor-configurable', () => {
  it('before verification it is noted and answered right after; the default text promises nothing', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'will this hurt my credit?', must: ['as soon as I have confirmed who you are', 'account number'], mustNot: ACCOUNT_FACTS },
      { says: 'A-1001 March 14 1985 30301', must: ['You are verified', 'Now, about what you asked', 'cannot promise any change to your credit report', 'www.annualcreditreport.com'] },
    ]);
  });

  it("a creditor's own wording is used, in each language", async () => {
    await db().creditor.update({
      where: { name: 'Peachtree Medical Group' },
      data: { answersJson: JSON.stringify({ credit_report: { en: 'Peachtree Medical Group reports paid accounts as paid within 30 days.', es: 'Peachtree Medical Group reporta las cuentas pagadas como pagadas en 30 días.' } }) },
    });
    const web = bot().conversation();
    await verified(web, 'A-1001 March 14 1985 30301');
    await play(web, [{ says: 'can you remove it from my credit report when I pay?', must: ['reports paid accounts as paid within 30 days'], mustNot: ['cannot promise'] }]);
    const spanish = bot().conversation({ locale: 'es-US' });
    await verified(spanish, 'A-1001 14 de marzo de 1985 30301');
    await play(spanish, [{ says: '¿esto afecta mi crédito?', must: ['reporta las cuentas pagadas como pagadas'] }]);
    // Another creditor's debtor gets the default.
    const other = bot().conversation();
    await verified(other, 'A-1003 July 21 1968 94110');
    await play(other, [{ says: 'will this hurt my credit', must: ['cannot promise any change'] }]);
  });
});

describe('#12 item 13: what people ask while paying', () => {
  it('missed payments, changing the date later, paying by card, saved cards, our address and hours — then the options', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1001 March 14 1985 30301');
    await play(conversation, [
      { says: 'what happens if I miss a payment?', must: ['no money is taken', 'No fee is ever added'], mustNot: THREAT },
      { says: 'can I change the date later?', must: ['3 business days before a payment'] },
      { says: 'did you save my card?', must: ['never passes through this chat'] },
      { says: 'what is your address?', must: [ADDRESS, PHONE] },
      { says: 'can I pay by card?', must: ['debit or credit card on our secure payment page', 'Here are your options'] },
    ]);
  });

  it('"is my account closed now?" — open with the balance; with a plan, open while it runs', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1004 January 9 1990 60614');
    await play(conversation, [
      { says: 'is my account closed now?', must: ['still open, with a balance of $400.00'] },
      { says: 'I can do 100 a month', must: ['Do you authorize'] },
      { says: 'yes', must: ['agreed and recorded'] },
      { says: 'is it closed now?', must: ['stays open while your plan runs'] },
    ]);
  });

  it('"the link isn\'t working" — a fresh link to the first payment, the old one no longer valid', async () => {
    const conversation = bot().conversation();
    await verified(conversation, 'A-1004 January 9 1990 60614');
    const [, agreed] = await play(conversation, [{ says: 'I want to pay it all', must: ['Do you agree'] }, { says: 'yes', must: ['/pay/'] }]);
    const first = /\/pay\/([\w-]+)/.exec(agreed!.join('\n'))![1]!;
    const [fresh] = await play(conversation, [{ says: "the link isn't working", must: ['fresh link', '/pay/'] }]);
    const second = /\/pay\/([\w-]+)/.exec(fresh!.join('\n'))![1]!;
    expect(second).not.toBe(first);
    const links = await db().payLink.findMany({ where: { accountId: (await account('A-1004')).id }, orderBy: { createdAt: 'asc' } });
    expect(links).toHaveLength(2);
    expect(links[0]!.expiresAt.getTime()).toBeLessThanOrEqual(bot().clock.now().getTime());
  });

  it('DESIGN 9, 1006.26: "can they sue me?" — no threat; on a time-barred debt, the truth: we will not sue', async () => {
    const fresh = bot().conversation();
    await verified(fresh, 'A-1001 March 14 1985 30301');
    await play(fresh, [{ says: 'can they sue me?', must: ['nothing in this chat is a threat of legal action'], mustNot: [...THREAT, 'will not sue'] }]);
    const old = bot().conversation();
    await verified(old, 'A-1005 May 30 1958 33101');
    await play(old, [{ says: 'are you going to sue me?', must: ['we will not sue you over it, and the law does not allow us to'], mustNot: THREAT }]);
  });

  it('DESIGN 6, 7: "should I still pay?" with an attorney or in bankruptcy — no collection, a person follows up', async () => {
    const represented = bot().conversation();
    await verified(represented, 'A-1001 March 14 1985 30301');
    await play(represented, [
      { says: 'my lawyer is Dan Reyes, 415-555-0100', must: ['Dan Reyes represents you'] },
      { says: 'should I still pay?', must: ['will not discuss payment with you directly', 'a person will follow up with your attorney'], mustNot: ['Here are your options', /\$\d/] },
    ]);
    const bankrupt = smsFrom(bot(), '+13125550199');
    await verified(bankrupt, 'January 9 1990 60614');
    await play(bankrupt, [
      { says: 'I filed for bankruptcy last month', must: ['paused collection'] },
      { says: 'do I still have to pay this?', must: ['bankruptcy attorney or trustee'], mustNot: ['Here are your options', /\$\d/] },
    ]);
    const handoffs = await db().handoff.findMany({ where: { account: { accountNumber: 'A-1004' } } });
    expect(JSON.parse(handoffs[0]!.detailJson).bankruptcy).toMatchObject({ asked: 'should_i_pay' });
  });

  it('Spanish SMS: address, card, lawsuit', async () => {
    const sms = smsFrom(bot(), '+12105550134', 'es-US');
    await verified(sms, '2 de noviembre de 1979 78201');
    await play(sms, [
      { says: '¿cuál es su dirección?', must: [ADDRESS] },
      { says: '¿guardaron mi tarjeta?', must: ['nunca pasa por este chat'] },
      { says: '¿me pueden demandar?', must: ['nada en este chat es una amenaza'] },
    ]);
  });
});

describe('#12 item 14: everything unanswered is counted per phrase', () => {
  it('what the bot did not understand is counted, by phrase and language; verification answers never', async () => {
    const conversation = bot().conversation();
    await play(conversation, [
      { says: 'hi' },
      { says: 'my secret is Zorro 1955' },
      { says: 'A-1001 March 14 1985 30301' },
      { says: 'no' },
      { says: 'is there a mobile app?', must: ['did not understand'] },
      { says: 'Is there a mobile app', must: ['"agent"'] },
    ]);
    const spanish = bot().conversation({ locale: 'es-US' });
    await verified(spanish, 'A-1002 2 de noviembre de 1979 78201');
    await play(spanish, [{ says: '¿tienen una aplicación?', must: ['no le entendí'] }]);

    const { unansweredPhrases } = await import('../../src/answers/unanswered.ts');
    const report = await unansweredPhrases(db(), { from: '2026-11-01', to: '2026-11-30' });
    expect(report.map(({ phrase, language, count }) => ({ phrase, language, count }))).toEqual([
      { phrase: 'is there a mobile app', language: 'en', count: 2 },
      { phrase: 'tienen una aplicacion', language: 'es', count: 1 },
    ]);
    expect(JSON.stringify(report)).not.toMatch(/zorro|1955|1985|30301/i);
  });
});
