import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { esignStanding, withdrawEsignConsent } from '../../src/accounts/consent.ts';
import type { Db } from '../../src/db/database.ts';
import { validationPeriodEnd } from '../../src/domain/validationPeriod.ts';
import {
  deliverValidationNotice,
  EsignConsentRequiredError,
  hasEsignConsent,
  recordEsignConsent,
} from '../../src/notices/notices.ts';
import { auditsOfType, createFixtureAccount } from '../helpers/accountFixture.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const WORDING = 'Do you agree to receive notices about this account electronically? You can withdraw consent at any time.';
const CONSENTED = new Date('2021-11-08T16:00:00Z');
const WITHDRAWN = new Date('2021-11-20T16:00:00Z');

let database: TestDatabase;
let db: Db;
let accountId: string;

const audits = (type: string) => auditsOfType(db, type);

beforeEach(async () => {
  database = await createTestDatabase();
  db = database.db;
  accountId = await createFixtureAccount(db);
});

afterEach(async () => {
  await database.close();
});

describe('DESIGN 3: withdrawing E-SIGN consent', () => {
  it('marks the consent withdrawn, audits it and requests the validation notice by mail, keeping the period', async () => {
    const { consentId } = await recordEsignConsent(db, { accountId, channel: 'web', wording: WORDING, now: CONSENTED });
    const delivered = await deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: CONSENTED });

    const result = await withdrawEsignConsent(db, { accountId, channel: 'sms', conversationId: 'conv-1', now: WITHDRAWN });

    expect(result).toEqual({ withdrawn: true });
    const consent = await db.consent.findUniqueOrThrow({ where: { id: consentId } });
    expect(consent).toMatchObject({ wording: WORDING, channel: 'web', givenAt: CONSENTED, withdrawnAt: WITHDRAWN });
    expect(await hasEsignConsent(db, accountId)).toBe(false);
    expect(await esignStanding(db, accountId)).toBe('withdrawn');

    const [withdrawal, ...moreWithdrawals] = await audits('esign.withdrawn');
    expect(moreWithdrawals).toHaveLength(0);
    expect(withdrawal).toMatchObject({ accountId, conversationId: 'conv-1', actor: 'debtor', detail: { channel: 'sms', consentIds: [consentId] } });
    const [mail, ...moreMail] = await audits('validation.notice.mail_requested');
    expect(moreMail).toHaveLength(0);
    // The notice delivered before the withdrawal started the period; the paper copy does not restart it.
    expect(mail).toMatchObject({
      accountId,
      actor: 'debtor',
      detail: { channel: 'sms', firstDelivery: false, validationPeriodEndsAt: delivered.validationPeriodEndsAt.toISOString() },
    });
    expect(delivered.validationPeriodEndsAt).toEqual(validationPeriodEnd(CONSENTED));
  });

  it('after a withdrawal nothing is delivered electronically', async () => {
    await recordEsignConsent(db, { accountId, channel: 'web', wording: WORDING, now: CONSENTED });
    await withdrawEsignConsent(db, { accountId, channel: 'web', now: WITHDRAWN });
    await expect(deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: WITHDRAWN })).rejects.toBeInstanceOf(EsignConsentRequiredError);
    expect(await db.notice.count({ where: { accountId } })).toBe(0);
  });

  it('without a consent in force it writes nothing', async () => {
    expect(await withdrawEsignConsent(db, { accountId, channel: 'web', now: WITHDRAWN })).toEqual({ withdrawn: false });
    expect(await esignStanding(db, accountId)).toBe('none');

    await recordEsignConsent(db, { accountId, channel: 'web', wording: WORDING, now: CONSENTED });
    await withdrawEsignConsent(db, { accountId, channel: 'web', now: WITHDRAWN });
    // Saying it twice changes nothing the second time.
    expect(await withdrawEsignConsent(db, { accountId, channel: 'web', now: new Date('2021-11-21T16:00:00Z') })).toEqual({ withdrawn: false });
    expect(await audits('esign.withdrawn')).toHaveLength(1);
    expect(await audits('validation.notice.mail_requested')).toHaveLength(1);
    expect((await db.consent.findFirstOrThrow({ where: { accountId } })).withdrawnAt).toEqual(WITHDRAWN);
  });

  it("touches only this account's consents", async () => {
    const otherId = await createFixtureAccount(db, { accountNumber: 'A-2002' });
    await recordEsignConsent(db, { accountId, channel: 'web', wording: WORDING, now: CONSENTED });
    await recordEsignConsent(db, { accountId: otherId, channel: 'web', wording: WORDING, now: CONSENTED });
    await withdrawEsignConsent(db, { accountId, channel: 'web', now: WITHDRAWN });
    expect(await hasEsignConsent(db, otherId)).toBe(true);
    expect(await esignStanding(db, otherId)).toBe('given');
  });
});
