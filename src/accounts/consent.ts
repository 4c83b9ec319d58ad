/**
 * Withdrawing E-SIGN consent (15 U.S.C. 7001(c)(1)(B)(i)): the debtor may take back their consent
 * to electronic notices at any time. Notices delivered before stay valid; from then on nothing is
 * delivered electronically (deliverValidationNotice needs a consent that is not withdrawn).
 */
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit.ts';
import { ESIGN_CONSENT_KIND, recordMailedNoticeRequest } from '../notices/notices.ts';

interface Where {
  accountId: string;
  channel: string;
  conversationId?: string | null;
  now: Date;
}

/**
 * Marks every E-SIGN consent in force as withdrawn, writes the audit event and requests a paper
 * copy of the validation notice by mail, in one transaction. `withdrawn` is false (and nothing is
 * written) when there was no consent in force.
 */
export async function withdrawEsignConsent(db: Db, where: Where): Promise<{ withdrawn: boolean }> {
  return db.$transaction(async (tx) => {
    const inForce = await tx.consent.findMany({
      where: { accountId: where.accountId, kind: ESIGN_CONSENT_KIND, withdrawnAt: null },
      select: { id: true },
    });
    const consentIds = inForce.map((c) => c.id);
    // Conditional on withdrawnAt still being null, so a withdrawal racing this one is not written twice.
    const { count } = await tx.consent.updateMany({ where: { id: { in: consentIds }, withdrawnAt: null }, data: { withdrawnAt: where.now } });
    if (count === 0) return { withdrawn: false };
    await appendAudit(tx, {
      type: 'esign.withdrawn',
      actor: 'debtor',
      accountId: where.accountId,
      conversationId: where.conversationId,
      detail: { channel: where.channel, consentIds },
    });
    await recordMailedNoticeRequest(tx, where);
    return { withdrawn: true };
  });
}

/** The account's E-SIGN consent: one in force ('given'), only withdrawn ones ('withdrawn'), or none ever ('none'). */
export type EsignStanding = 'given' | 'withdrawn' | 'none';

/** One read: a consent in force, else whether one was ever withdrawn (a withdrawn consent is not asked for again). */
export async function esignStanding(db: Db, accountId: string): Promise<EsignStanding> {
  return esignStandingAmong(await db.consent.findMany({ where: { accountId, kind: ESIGN_CONSENT_KIND }, select: { withdrawnAt: true } }));
}

/** The standing the account's E-SIGN consents make (the turn's account read carries them: turnAccount.ts). */
export function esignStandingAmong(consents: ReadonlyArray<{ withdrawnAt: Date | null }>): EsignStanding {
  if (consents.some((c) => c.withdrawnAt === null)) return 'given';
  return consents.length > 0 ? 'withdrawn' : 'none';
}
