import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/database.ts';
import { testDatabaseKind } from '../helpers/testDatabaseKind.ts';
import type { Account, Installment, Plan } from '../../src/db/generated/client.ts';
import { createPayLink, type PayLinkPurpose } from '../../src/payments/payLinks.ts';

export const DAY = 24 * 60 * 60_000;

export interface AccountOptions {
  balance?: number;
  language?: 'en' | 'es';
  phone?: string | null;
  policy?: Record<string, unknown>;
  flags?: Partial<Pick<Account, 'disputed' | 'ceaseCommunication' | 'attorneyRepresented' | 'bankruptcy' | 'smsOptOut'>>;
  firstName?: string;
}

export async function createAccount(db: Db, options: AccountOptions = {}): Promise<Account> {
  const suffix = randomBytes(4).toString('hex');
  const creditor = await db.creditor.create({ data: { name: `Creditor ${suffix}`, policyJson: JSON.stringify(options.policy ?? {}) } });
  const balance = options.balance ?? 120_000;
  return db.account.create({
    data: {
      accountNumber: `T-${suffix}`,
      firstName: options.firstName ?? 'Maria',
      lastName: 'Johnson',
      address: '12 Oak Street, Atlanta, GA 30301',
      zip: '30301',
      phone: options.phone === undefined ? '+14045550101' : options.phone,
      language: options.language ?? 'en',
      creditorId: creditor.id,
      originalCreditor: 'Peachtree Medical Group',
      currency: 'USD',
      itemizationDate: new Date('2025-06-30T00:00:00Z'),
      itemizationAmount: balance,
      balance,
      factorSalt: 'salt',
      dobHash: 'dob',
      ssnLast4Hash: 'ssn',
      ...options.flags,
    },
  });
}

export interface PlanOptions extends AccountOptions {
  kind?: 'full' | 'settlement' | 'installments';
  status?: 'agreed' | 'active' | 'delinquent' | 'cancelled';
  /** Installment amounts, seq 1… */
  amounts?: number[];
  /** Due date of installment seq 1; the rest follow every `everyDays`. */
  firstDue?: Date;
  everyDays?: number;
  /** Plan.total; defaults to the sum of the installments plus downPayment. */
  total?: number;
  downPayment?: number;
  /** false = no recorded authorization (DESIGN 11). */
  authorized?: boolean;
  channel?: 'web' | 'sms';
  /** A saved card (active plans charged off-session). */
  card?: { customerId: string; paymentMethodId: string } | null;
}

export interface PlanFixture {
  account: Account;
  plan: Plan;
  installments: Installment[];
  /** Our Conversation row and its channel id (Direct Line conversation id or phone). */
  conversationId: string;
  externalId: string;
}

export async function createPlan(db: Db, options: PlanOptions = {}): Promise<PlanFixture> {
  const account = await createAccount(db, options);
  const channel = options.channel ?? 'web';
  const externalId = channel === 'sms' ? `sms:${account.phone ?? '+14045550101'}` : `dl-${randomBytes(6).toString('hex')}`;
  const conversation = await db.conversation.create({ data: { externalId, channel, accountId: account.id, language: account.language } });
  const amounts = options.amounts ?? [30_000, 30_000, 30_000, 30_000];
  const firstDue = options.firstDue ?? new Date('2026-12-01T00:00:00Z');
  const everyDays = options.everyDays ?? 30;
  const authorized = options.authorized ?? true;
  const plan = await db.plan.create({
    data: {
      accountId: account.id,
      kind: options.kind ?? 'installments',
      status: options.status ?? 'agreed',
      total: options.total ?? amounts.reduce((a, b) => a + b, 0) + (options.downPayment ?? 0),
      currency: 'USD',
      frequency: 'monthly',
      downPayment: options.downPayment ?? 0,
      authorizationText: authorized ? 'You agree to 4 monthly payments of $300.00 …' : null,
      authorizedAt: authorized ? new Date('2026-11-23T15:00:00Z') : null,
      authorizedChannel: authorized ? channel : null,
      conversationId: conversation.id,
      gatewayCustomerId: options.card?.customerId ?? null,
      gatewayPaymentMethodId: options.card?.paymentMethodId ?? null,
    },
  });
  const installments: Installment[] = [];
  for (const [i, amount] of amounts.entries()) {
    installments.push(
      await db.installment.create({
        data: { planId: plan.id, seq: i + 1, amount, dueDate: new Date(firstDue.getTime() + i * everyDays * DAY) },
      }),
    );
  }
  return { account, plan, installments, conversationId: conversation.id, externalId };
}

export async function payLinkFor(
  db: Db,
  f: PlanFixture,
  options: { purpose?: PayLinkPurpose; seq?: number | null; amount?: number; now?: Date; ttlMs?: number } = {},
): Promise<{ token: string; payLinkId: string }> {
  const seq = options.seq === undefined ? 1 : options.seq;
  const installment = seq === null ? null : f.installments.find((i) => i.seq === seq) ?? null;
  const { token, payLink } = await createPayLink(db, {
    accountId: f.account.id,
    planId: f.plan.id,
    installmentId: installment?.id ?? null,
    purpose: options.purpose ?? (f.plan.kind === 'installments' ? 'down_payment' : (f.plan.kind as PayLinkPurpose)),
    amount: options.amount ?? installment?.amount ?? f.plan.total,
    currency: 'USD',
    channel: 'web',
    now: options.now ?? new Date(),
    ...(options.ttlMs ? { ttlMs: options.ttlMs } : {}),
  });
  return { token, payLinkId: payLink.id };
}

/**
 * Makes the next transactions that queue a handoff for this account fail at their last write (the
 * handoff's audit event), once the handoff row is in: a failure after the handoff was queued, in
 * the same transaction. Returns a function that removes the failure.
 */
export async function failAfterHandoffQueued(db: Db, accountId: string): Promise<() => Promise<void>> {
  const trigger = `fail_after_handoff_${accountId.replace(/\W/g, '')}`;
  const condition = `NEW."type" = 'handoff.queued' AND NEW."accountId" = '${accountId}'
       AND EXISTS (SELECT 1 FROM "Handoff" WHERE "accountId" = NEW."accountId" AND "status" = 'queued')`;
  if (testDatabaseKind() === 'postgres') {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION "${trigger}"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF ${condition} THEN RAISE EXCEPTION 'forced failure after the handoff was queued'; END IF;
         RETURN NEW;
       END $$`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER "${trigger}" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "${trigger}"()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER "${trigger}" ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "${trigger}"()`);
    };
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER "${trigger}" BEFORE INSERT ON "AuditEvent"
     WHEN ${condition}
     BEGIN SELECT RAISE(ABORT, 'forced failure after the handoff was queued'); END`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER "${trigger}"`);
  };
}
