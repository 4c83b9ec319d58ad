/**
 * Issue #16 item 4: receipts always reach the debtor. A receipt for a payment the debtor has just
 * made answers their own act — a reply (DESIGN 13: replies are allowed at any hour), so it goes at
 * once, even at 3 am, in one SMS with the debt-collector footer once, within two segments; a STOP
 * sent after the payment does not cancel it. A debtor already opted out of SMS gets it in the web
 * chat instead, never queued on the opted-out number.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxWorker } from '../../src/channels/sms/outboxWorker.ts';
import { ConsoleSmsProvider } from '../../src/channels/sms/providers.ts';
import { SmsDeliverer } from '../../src/channels/sms/smsDeliverer.ts';
import { processInboundSms } from '../../src/channels/sms/inbound.ts';
import { smsSegments } from '../../src/domain/smsText.ts';
import { createLogger } from '../../src/logger.ts';
import { applySucceededPayment, type LedgerContext } from '../../src/payments/ledger.ts';
import type { InProcessAdapter } from '../../src/bot/inProcessAdapter.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { createPlan, DAY } from './fixtures.ts';

const ledger: LedgerContext = { collectorName: 'Summit Recovery Services', publicBaseUrl: () => 'https://bot.example.test' };
const sender = { name: 'Summit Recovery Services', helpPhone: '(800) 555-0100', weeklyCap: 7 };
// 03:00 in Atlanta: deep in quiet hours for any US zone.
const NIGHT = new Date('2026-11-24T08:00:00Z');

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

function worker(provider: ConsoleSmsProvider) {
  const deliverer = new SmsDeliverer({ db: database.db, provider, from: '+14045550100', sender });
  const web = { channel: 'web' as const, deliver: async () => ({ providerRef: 'web' }) };
  return new OutboxWorker({ db: database.db, logger: createLogger('silent'), deliverers: { sms: deliverer, web }, now: () => NIGHT });
}

async function pay(planFixture: Awaited<ReturnType<typeof createPlan>>, source?: 'installment_scheduler') {
  const db = database.db;
  return db.$transaction((tx) =>
    applySucceededPayment(
      tx,
      {
        provider: 'demo',
        providerRef: `pi_${Math.random().toString(36).slice(2)}`,
        amount: 30_000,
        currency: 'usd',
        metadata: { accountId: planFixture.account.id, planId: planFixture.plan.id, installmentId: planFixture.installments[0]!.id, ...(source ? { source } : {}) },
        customerId: null,
        paymentMethodId: null,
        now: NIGHT,
      },
      ledger,
    ),
  );
}

describe('receipts always reach the debtor (issue #16 item 4)', () => {
  it('DESIGN 13: the receipt for a payment just made goes at once at 3 am, one SMS, footer once, at most two segments', async () => {
    const f = await createPlan(database.db, { channel: 'sms', firstDue: new Date(NIGHT.getTime() - DAY) });
    expect((await pay(f)).status).toBe('recorded');
    const provider = new ConsoleSmsProvider();
    const sent: string[] = [];
    provider.send = async (m) => {
      sent.push(m.body);
      return { providerRef: `SM${sent.length}` };
    };
    const result = await worker(provider).runOnce(NIGHT);
    expect(result).toMatchObject({ sent: 1, held: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^Thank you: payment of \$300\.00 received/);
    expect(sent[0]!.split('is a debt collector').length).toBe(2);
    expect(smsSegments(sent[0]!).segments).toBeLessThanOrEqual(2);
  });

  it('DESIGN 5: a STOP after the payment does not cancel its receipt (queued before the STOP); other pending texts are cancelled', async () => {
    const f = await createPlan(database.db, { channel: 'sms', firstDue: new Date(NIGHT.getTime() - DAY) });
    await pay(f);
    const reminder = await database.db.outboxMessage.create({
      data: { channel: 'sms', to: f.account.phone!, accountId: f.account.id, kind: 'reminder', body: 'A reminder.', botInitiated: true, notBefore: NIGHT, nextAttemptAt: NIGHT },
    });
    const adapter = { runTurn: async () => [] } as unknown as InProcessAdapter;
    const collector = { name: sender.name, address: '', phone: sender.helpPhone, hours: '' };
    expect(await processInboundSms({ db: database.db, logger: createLogger('silent'), adapter, sender, collector }, { messageSid: 'SM0000000000000000000000000000stop', from: f.account.phone!, to: '+14045550100', body: 'STOP' })).toBe('opt_out');
    expect((await database.db.outboxMessage.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe('cancelled');

    const provider = new ConsoleSmsProvider();
    const bodies: string[] = [];
    provider.send = async (m) => {
      bodies.push(m.body);
      return { providerRef: `SM${bodies.length}` };
    };
    await worker(provider).runOnce(NIGHT);
    expect(bodies.some((b) => b.startsWith('Thank you: payment of $300.00'))).toBe(true);
    const receipt = await database.db.outboxMessage.findFirstOrThrow({ where: { accountId: f.account.id, kind: 'receipt' } });
    expect(receipt.status).toBe('sent');
  });

  it('a debtor opted out of SMS: the receipt is not queued on that number (web chat when there is one)', async () => {
    const f = await createPlan(database.db, { channel: 'sms', flags: { smsOptOut: true }, firstDue: new Date(NIGHT.getTime() - DAY) });
    const web = await database.db.conversation.create({ data: { externalId: 'dl-web-1', channel: 'web', accountId: f.account.id, language: 'en' } });
    await pay(f);
    const receipts = await database.db.outboxMessage.findMany({ where: { accountId: f.account.id, kind: 'receipt' } });
    expect(receipts.map((r) => [r.channel, r.to])).toEqual([['web', web.externalId]]);
  });

  it('a scheduled charge the debtor did not just make: its receipt is a message we start, held for daytime', async () => {
    const f = await createPlan(database.db, { channel: 'sms', firstDue: new Date(NIGHT.getTime() - DAY) });
    await pay(f, 'installment_scheduler');
    const provider = new ConsoleSmsProvider();
    const result = await worker(provider).runOnce(NIGHT);
    expect(result).toMatchObject({ sent: 0, held: 1 });
  });
});
