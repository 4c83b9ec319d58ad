import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutboxWorker, type OutboxRunResult } from '../../../src/channels/sms/outboxWorker.ts';
import { SmsSendError, smsFromNumber, type SmsProvider, type SmsSendRequest } from '../../../src/channels/sms/providers.ts';
import { SmsDeliverer } from '../../../src/channels/sms/smsDeliverer.ts';
import { smsSenderFrom } from '../../../src/channels/sms/smsWebhook.ts';
import { openDatabase } from '../../../src/db/database.ts';
import { MAX_SEGMENTS_PER_MESSAGE, smsLength } from '../../../src/domain/smsText.ts';
import { createLogger } from '../../../src/logger.ts';
import { enqueueMessage, type NewOutboxMessage } from '../../../src/outbox/outbox.ts';
import { startFakeTwilio } from '../../fakes/fakeTwilio.ts';
import { testDatabaseKind } from '../../helpers/testDatabaseKind.ts';
import { MARIA_PHONE, startSmsHarness, type SmsHarness } from './smsHarness.ts';

/** A provider that records sends and fails on demand (a function of the request, or a queue of failures). */
class ScriptedProvider implements SmsProvider {
  readonly name = 'scripted';
  readonly sent: SmsSendRequest[] = [];
  failures: Array<SmsSendError | null> = [];
  delayMs = 0;
  onSend?: (request: SmsSendRequest) => Promise<void> | void;
  counter = 0;
  async send(request: SmsSendRequest) {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    await this.onSend?.(request);
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(request);
    return { providerRef: `ref-${++this.counter}` };
  }
}

let harness: SmsHarness;
let provider: ScriptedProvider;

beforeAll(async () => {
  provider = new ScriptedProvider();
  harness = await startSmsHarness({}, { provider });
});
afterAll(async () => harness?.close());
beforeEach(async () => {
  await harness.db.outboxMessage.deleteMany();
  await harness.db.account.updateMany({ data: { smsOptOut: false, ceaseCommunication: false, attorneyRepresented: false } });
  provider.sent.length = 0;
  provider.failures = [];
  provider.delayMs = 0;
  provider.onSend = undefined;
  provider.counter = 0;
});

async function accountId(accountNumber: string): Promise<string> {
  return (await harness.db.account.findUniqueOrThrow({ where: { accountNumber } })).id;
}

async function enqueue(message: Partial<NewOutboxMessage> & { createdAt?: Date } = {}) {
  const { createdAt, ...rest } = message;
  const row = await enqueueMessage(harness.db, {
    channel: 'sms',
    to: MARIA_PHONE,
    kind: 'reminder',
    body: 'Your next payment is due on Friday.',
    botInitiated: true,
    notBefore: new Date('2026-01-01T00:00:00Z'),
    ...rest,
  });
  if (createdAt) await harness.db.outboxMessage.update({ where: { id: row.id }, data: { createdAt } });
  return row;
}

const row = (id: string) => harness.db.outboxMessage.findUniqueOrThrow({ where: { id } });
const FOOTER = 'Summit Recovery Services is a debt collector. Reply STOP to opt out.';

describe('DESIGN 2: every bot-initiated SMS says it is from a debt collector', () => {
  it('appends the debt-collector + STOP footer once to a bot-initiated text (on its last message when it is too long for one), and not to replies', async () => {
    const maria = await accountId('A-1001');
    // Over ten segments: the one case a text still goes as several messages.
    const long = Array.from({ length: 40 }, (_, i) => `Reminder sentence ${i + 1} about the plan you agreed to.`).join(' ');
    const reminder = await enqueue({ accountId: maria, body: long });
    const reply = await enqueue({ accountId: maria, kind: 'reply', botInitiated: false, body: 'Thanks, noted.' });
    await harness.worker().runOnce(new Date('2026-01-15T17:00:00Z')); // 12:00 EST
    const reminderParts = provider.sent.filter((m) => m.body.includes('Reminder sentence'));
    expect(reminderParts.length).toBeGreaterThan(1);
    reminderParts.forEach((part, i) => {
      expect(part.body.endsWith(`\n${FOOTER}`)).toBe(i === reminderParts.length - 1);
      expect(smsLength(part.body)).toBeLessThanOrEqual(153 * MAX_SEGMENTS_PER_MESSAGE);
      expect(part.from).toBe(smsFromNumber(harness.config));
    });
    expect(provider.sent.find((m) => m.body.startsWith('Thanks'))!.body).toBe('Thanks, noted.');
    expect((await row(reminder.id)).providerRef!.split(',')).toHaveLength(reminderParts.length);
    expect((await row(reply.id)).status).toBe('sent');
  });

  it('in the account\'s language', async () => {
    await enqueue({ to: '+12105550134', accountId: await accountId('A-1002'), body: 'Recibimos su pago. Gracias.' });
    await harness.worker().runOnce(new Date('2026-01-15T17:00:00Z'));
    expect(provider.sent[0]!.body).toBe('Recibimos su pago. Gracias.\nSummit Recovery Services es un cobrador de deudas. Responda STOP para darse de baja.');
  });
});

describe('DESIGN 13: quiet hours for bot-initiated SMS', () => {
  it('holds a text for Pacific time until 08:00 PDT on the spring-forward day, then sends it', async () => {
    const message = await enqueue({ to: '+14155550188', accountId: await accountId('A-1003'), body: 'Reminder.' });
    const worker = harness.worker();
    const early = await worker.runOnce(new Date('2026-03-08T14:00:00Z')); // 07:00 PDT
    expect(early).toMatchObject({ claimed: 1, held: 1, sent: 0 });
    expect(await row(message.id)).toMatchObject({ status: 'pending', nextAttemptAt: new Date('2026-03-08T15:00:00Z'), deliveryStatus: 'held:quiet_hours', attempts: 0, lockedUntil: null });
    expect((await worker.runOnce(new Date('2026-03-08T14:59:59Z'))).claimed).toBe(0);
    expect((await worker.runOnce(new Date('2026-03-08T15:00:00Z'))).sent).toBe(1);
    expect(await row(message.id)).toMatchObject({ status: 'sent', sentAt: new Date('2026-03-08T15:00:00Z') });
  });

  it('a reply to the debtor\'s own message goes at 03:00', async () => {
    const message = await enqueue({ to: '+14155550188', accountId: await accountId('A-1003'), kind: 'reply', botInitiated: false, body: 'Here you go.' });
    await harness.worker().runOnce(new Date('2026-01-15T11:00:00Z')); // 03:00 PST
    expect((await row(message.id)).status).toBe('sent');
  });

  it('no zone on the account: ZIP and area code decide (A-1004, Chicago: 08:00 CST = 14:00Z)', async () => {
    const message = await enqueue({ to: '+13125550199', accountId: await accountId('A-1004') });
    await harness.worker().runOnce(new Date('2026-01-15T13:30:00Z'));
    expect((await row(message.id)).nextAttemptAt).toEqual(new Date('2026-01-15T14:00:00Z'));
  });

  it('nothing known about the number: held until 08:00-21:00 holds in every US zone', async () => {
    const message = await enqueue({ to: '+15555550100', accountId: null });
    await harness.worker().runOnce(new Date('2026-01-15T20:00:00Z')); // 15:00 EST, but 06:00 in Guam
    expect(await row(message.id)).toMatchObject({ status: 'pending', nextAttemptAt: new Date('2026-01-15T22:00:00Z') });
  });
});

describe('DESIGN 13: weekly cap on bot-initiated SMS per account', () => {
  it('beyond the cap a text waits until the oldest counted one is 7 days old; replies do not count', async () => {
    const maria = await accountId('A-1001');
    const worker = harness.worker({ smsWeeklyCap: 2 });
    const t0 = new Date('2026-01-12T17:00:00Z'); // 12:00 EST
    const [a, b, c] = [await enqueue({ accountId: maria, body: 'one' }), await enqueue({ accountId: maria, body: 'two' }), await enqueue({ accountId: maria, body: 'three' })];
    await enqueue({ accountId: maria, kind: 'reply', botInitiated: false, body: 'a reply' });
    const first = await worker.runOnce(t0);
    expect(first).toMatchObject({ sent: 3, held: 1 });
    expect((await row(a.id)).status).toBe('sent');
    expect((await row(b.id)).status).toBe('sent');
    expect(await row(c.id)).toMatchObject({ status: 'pending', deliveryStatus: 'held:weekly_cap', nextAttemptAt: new Date('2026-01-19T17:00:00Z') });
    expect((await worker.runOnce(new Date('2026-01-19T16:59:59Z'))).claimed).toBe(0);
    expect((await worker.runOnce(new Date('2026-01-19T17:00:00Z'))).sent).toBe(1);
  });

  it('two workers at once never go over the cap: the check and the send are serialized per account (across instances on PostgreSQL)', async () => {
    const maria = await accountId('A-1001');
    // On PostgreSQL the second worker is another instance (its own client); SQLite runs one instance.
    const otherDb = testDatabaseKind() === 'postgres' ? await openDatabase(harness.database.url, { poolSize: 3, lockConnections: 3 }) : harness.db;
    try {
      const deliverer = new SmsDeliverer({ db: otherDb, provider, from: smsFromNumber(harness.config), sender: smsSenderFrom(harness.config) });
      const other = new OutboxWorker({ db: otherDb, logger: createLogger('silent'), deliverers: { sms: deliverer, web: harness.web }, smsWeeklyCap: 1 });
      const mine = harness.worker({ smsWeeklyCap: 1 });
      const now = new Date('2026-01-12T17:00:00Z');
      await Promise.all([mine.runOnce(now), other.runOnce(now)]); // both clients warm, nothing due yet
      for (let i = 0; i < 4; i++) await enqueue({ accountId: maria, body: `reminder ${i}` });
      provider.delayMs = 200; // each send takes a moment, so the two passes overlap
      const [a, b] = await Promise.all([mine.runOnce(now), other.runOnce(now)]);
      expect(a.claimed).toBeGreaterThan(0);
      expect(b.claimed).toBeGreaterThan(0);
      expect(provider.sent).toHaveLength(1);
      expect(a.sent + b.sent).toBe(1);
      expect(a.held + b.held).toBe(3);
      const rows = await harness.db.outboxMessage.findMany({ where: { accountId: maria } });
      expect(rows.filter((r) => r.deliveryStatus === 'held:weekly_cap')).toHaveLength(3);
    } finally {
      if (otherDb !== harness.db) await otherDb.$disconnect();
    }
  });

  it('when the cap frees up outside the window, the text waits for the next morning (across the DST change)', async () => {
    const maria = await accountId('A-1001');
    const worker = harness.worker({ smsWeeklyCap: 1 });
    await enqueue({ accountId: maria, body: 'first' });
    await worker.runOnce(new Date('2026-03-02T01:30:00Z')); // 20:30 EST, Mar 1
    const second = await enqueue({ accountId: maria, body: 'second' });
    await worker.runOnce(new Date('2026-03-05T15:00:00Z'));
    // Frees at 01:30Z Mar 9 = 21:30 EDT Mar 8: too late, so 08:00 EDT Mar 9 = 12:00Z.
    expect(await row(second.id)).toMatchObject({ status: 'pending', nextAttemptAt: new Date('2026-03-09T12:00:00Z') });
  });
});

describe('retries, backoff and failure', () => {
  it('retries with exponential backoff, then sends; delivery status recorded', async () => {
    const message = await enqueue({ kind: 'reply', botInitiated: false, body: 'Hello.' });
    provider.failures = [new SmsSendError('twilio 500 20500: boom', { permanent: false, status: 500 }), new SmsSendError('twilio 503: busy', { permanent: false, status: 503 })];
    const worker = harness.worker({ backoffBaseMs: 1000 });
    const t = new Date('2026-01-15T17:00:00Z');
    expect((await worker.runOnce(t)).retrying).toBe(1);
    expect(await row(message.id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(t.getTime() + 1000), lastError: 'twilio 500 20500: boom', lockedUntil: null });
    expect((await worker.runOnce(new Date(t.getTime() + 999))).claimed).toBe(0);
    expect((await worker.runOnce(new Date(t.getTime() + 1000))).retrying).toBe(1);
    expect(await row(message.id)).toMatchObject({ attempts: 2, nextAttemptAt: new Date(t.getTime() + 3000) });
    expect((await worker.runOnce(new Date(t.getTime() + 3000))).sent).toBe(1);
    expect(await row(message.id)).toMatchObject({ status: 'sent', attempts: 3, providerRef: 'ref-1', lastError: null, deliveryStatus: 'accepted', sentAt: new Date(t.getTime() + 3000) });
  });

  it('gives up after maxAttempts', async () => {
    const message = await enqueue({ kind: 'reply', botInitiated: false });
    provider.failures = Array.from({ length: 5 }, () => new SmsSendError('network down', { permanent: false }));
    const worker = harness.worker({ maxAttempts: 3, backoffBaseMs: 10, backoffMaxMs: 15 });
    let t = new Date('2026-01-15T17:00:00Z').getTime();
    for (let i = 0; i < 3; i++) {
      await worker.runOnce(new Date(t));
      t += 20;
    }
    expect(await row(message.id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'network down' });
    expect(worker.backoffMs(1)).toBe(10);
    expect(worker.backoffMs(5)).toBe(15);
    expect((await worker.runOnce(new Date(t + 1_000_000))).claimed).toBe(0);
  });

  it('a permanent error (invalid number) fails at once', async () => {
    const message = await enqueue({ kind: 'reply', botInitiated: false });
    provider.failures = [new SmsSendError("twilio 400 21211: The 'To' number is not a valid phone number.", { permanent: true, status: 400, code: '21211' })];
    expect((await harness.worker().runOnce(new Date('2026-01-15T17:00:00Z'))).failed).toBe(1);
    expect(await row(message.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('a text that failed half-way resumes with the first unsent part', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `Part sentence ${i + 1} with enough words to need several texts.`).join(' ');
    const message = await enqueue({ kind: 'reply', botInitiated: false, body });
    provider.failures = [null, new SmsSendError('timeout', { permanent: false })];
    const worker = harness.worker({ backoffBaseMs: 1 });
    await worker.runOnce(new Date('2026-01-15T17:00:00Z'));
    expect(provider.sent).toHaveLength(1);
    expect((await row(message.id)).providerRef).toBe('ref-1');
    await worker.runOnce(new Date('2026-01-15T17:00:01Z'));
    const bodies = provider.sent.map((m) => m.body);
    expect(new Set(bodies).size).toBe(bodies.length); // no part sent twice
    expect(bodies[0]).toMatch(/^\(1\/\d\) /);
    expect(bodies.at(-1)).toMatch(new RegExp(`^\\(${bodies.length}/${bodies.length}\\) `));
    expect(await row(message.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('logs never carry the body or the phone number', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    await enqueue({ kind: 'reply', botInitiated: false, body: 'Secret-ish body text 4711' });
    provider.failures = [new SmsSendError('transient', { permanent: false })];
    const worker = new OutboxWorker({ db: harness.db, logger, deliverers: { sms: harness.deliverer, web: harness.web }, backoffBaseMs: 1 });
    await worker.runOnce(new Date('2026-01-15T17:00:00Z'));
    await worker.runOnce(new Date('2026-01-15T17:00:01Z'));
    const output = lines.join('');
    expect(output).toContain('outbox message sent');
    expect(output).not.toContain('4711');
    expect(output).not.toContain(MARIA_PHONE);
    expect(output).not.toContain('5550101');
  });
});

describe('DESIGN 5: opted-out numbers get nothing', () => {
  it('a STOP recorded while a multi-part text is going out stops the remaining parts', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of a long text that goes out in parts for sure.`).join(' ');
    const message = await enqueue({ kind: 'reply', botInitiated: false, body });
    provider.onSend = async () => {
      await harness.db.account.updateMany({ where: { phone: MARIA_PHONE }, data: { smsOptOut: true } });
    };
    const result = await harness.worker().runOnce(new Date('2026-01-15T17:00:00Z'));
    expect(result.cancelled).toBe(1);
    expect(provider.sent).toHaveLength(1);
    expect(await row(message.id)).toMatchObject({ status: 'cancelled', lastError: 'recipient opted out of SMS' });
  });
});

describe('DESIGN 5 and 6: nothing we start goes to a debtor who asked us to stop or has an attorney', () => {
  it.each([
    ['a cease request', { ceaseCommunication: true }, 'the debtor asked us to stop contacting them'],
    ['an attorney', { attorneyRepresented: true }, 'the debtor is represented by an attorney'],
  ])('after %s, queued reminders are cancelled on SMS and web; replies to the debtor still go', async (_label, flags, reason) => {
    const maria = await accountId('A-1001');
    const reminder = await enqueue({ accountId: maria, kind: 'reminder' });
    const webOfficer = await enqueue({ channel: 'web', to: 'dl-conversation-2', accountId: maria, kind: 'officer', body: 'Hello again.' });
    const reply = await enqueue({ accountId: maria, kind: 'reply', botInitiated: false, body: 'We have recorded your request.' });
    await harness.db.account.update({ where: { id: maria }, data: flags });
    const result = await harness.worker().runOnce(new Date('2026-01-15T17:00:00Z'));
    expect(result).toMatchObject({ cancelled: 2, sent: 1 });
    expect(await row(reminder.id)).toMatchObject({ status: 'cancelled', lastError: reason });
    expect(await row(webOfficer.id)).toMatchObject({ status: 'cancelled', lastError: reason });
    expect(await row(reply.id)).toMatchObject({ status: 'sent' });
    expect(provider.sent.map((p) => p.body).join(' ')).toContain('We have recorded your request.');
  });
});

describe('leases: two workers never send the same message', () => {
  it('two workers running at once send each message exactly once', async () => {
    for (let i = 0; i < 12; i++) await enqueue({ kind: 'reply', botInitiated: false, body: `message ${i}` });
    provider.delayMs = 5;
    const now = new Date('2026-01-15T17:00:00Z');
    const [a, b] = await Promise.all([harness.worker().runOnce(now), harness.worker().runOnce(now)]);
    expect(a.sent + b.sent).toBe(12);
    expect(a.claimed + b.claimed).toBe(12);
    expect(a.claimed).toBeGreaterThan(0);
    expect(b.claimed).toBeGreaterThan(0);
    expect(provider.sent.map((m) => m.body).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `message ${i}`).sort());
  });

  it('two worker PROCESSES on one database (instances), through the real twilio client, send each message exactly once', async () => {
    const fake = await startFakeTwilio();
    try {
      fake.delayMs = 25;
      const count = 30;
      for (let i = 0; i < count; i++) await enqueue({ kind: 'reply', botInitiated: false, body: `process message ${i}` });
      const env = {
        ...process.env,
        DATABASE_URL: harness.database.url,
        TWILIO_ACCOUNT_SID: fake.accountSid,
        TWILIO_AUTH_TOKEN: fake.authToken,
        TWILIO_API_BASE_URL: fake.baseUrl,
        NOW: '2026-01-15T17:00:00Z',
        START_AT: String(Date.now() + 4000),
      };
      const script = fileURLToPath(new URL('./workerProcess.ts', import.meta.url));
      const run = () =>
        new Promise<OutboxRunResult>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          let err = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk));
          child.stderr.on('data', (chunk: Buffer) => (err += chunk));
          child.on('error', reject);
          child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as OutboxRunResult) : reject(new Error(`worker exited ${code}: ${err}`))));
        });
      const [a, b] = await Promise.all([run(), run()]);
      expect(a.sent + b.sent).toBe(count);
      expect(a.claimed).toBeGreaterThan(0);
      expect(b.claimed).toBeGreaterThan(0);
      const bodies = fake.messages.map((m) => m.form.Body!).sort();
      expect(bodies).toEqual(Array.from({ length: count }, (_, i) => `process message ${i}`).sort());
      const rows = await harness.db.outboxMessage.findMany({ where: { body: { startsWith: 'process message' } } });
      expect(rows.every((r) => r.status === 'sent' && r.providerRef?.startsWith('SM'))).toBe(true);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('a long pass claims its last messages with a full lease: another worker does not take one over while it is being sent', async () => {
    for (let i = 1; i <= 3; i++) await enqueue({ kind: 'reply', botInitiated: false, body: `m${i}` });
    provider.delayMs = 400;
    const now = new Date('2026-01-15T17:00:00Z');
    let other: Promise<OutboxRunResult> | undefined;
    provider.onSend = async (request) => {
      // While m3 goes out (claimed at least 800 ms into the pass), a second worker looks 1.1 s later
      // than the pass's start: past a lease counted from the start, within one counted from the claim.
      if (request.body === 'm3' && !other) await (other = harness.worker({ leaseMs: 1_000 }).runOnce(new Date(now.getTime() + 1_100)));
    };
    await harness.worker({ leaseMs: 1_000 }).runOnce(now);
    expect((await other)?.claimed).toBe(0);
    expect(provider.sent.map((m) => m.body)).toEqual(['m1', 'm2', 'm3']);
  });

  it('a message whose worker died mid-send is taken over when the lease runs out, not before', async () => {
    const message = await enqueue({ kind: 'reply', botInitiated: false });
    await harness.db.outboxMessage.update({ where: { id: message.id }, data: { status: 'sending', lockedUntil: new Date('2026-01-15T17:05:00Z') } });
    const worker = harness.worker();
    expect((await worker.runOnce(new Date('2026-01-15T17:04:59Z'))).claimed).toBe(0);
    expect((await worker.runOnce(new Date('2026-01-15T17:05:00Z'))).sent).toBe(1);
  });

  it('start() delivers in the background and stop() waits for the pass in progress', async () => {
    const message = await enqueue({ kind: 'reply', botInitiated: false });
    const worker = harness.worker({ intervalMs: 10 });
    worker.start();
    for (let i = 0; i < 100 && (await row(message.id)).status !== 'sent'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await worker.stop();
    expect((await row(message.id)).status).toBe('sent');
  });
});

describe('web messages go to the web deliverer', () => {
  it('calls the injected web deliverer, without SMS rules', async () => {
    const message = await enqueue({ channel: 'web', to: 'dl-conversation-1', kind: 'officer', body: 'An officer joined.', botInitiated: true });
    await harness.worker().runOnce(new Date('2026-01-15T08:00:00Z')); // night everywhere in the US: no quiet hours on the web
    expect(harness.web.delivered.map((m) => m.id)).toContain(message.id);
    expect(await row(message.id)).toMatchObject({ status: 'sent', providerRef: `web-${message.id}` });
    expect(provider.sent).toHaveLength(0);
  });
});
