/**
 * What a turn needs to know about the verified debtor's account — the account, its creditor, its
 * open plan and any plan an officer has on offer — read together (one request), once per turn
 * (src/bot/turnCache.ts), instead of by each dialog that asks.
 */
import type { Db } from '../db/database.ts';
import { ESIGN_CONSENT_KIND } from '../notices/notices.ts';
import { esignStandingAmong, type EsignStanding } from './consent.ts';
import type { Account, Creditor } from '../db/generated/client.ts';
import { OPEN_PLAN_STATUSES, offeredPlanAmong, openPlanAmong, type PlanWithInstallments } from '../negotiation/planStore.ts';

export type VerifiedAccount = Account & { creditor: Creditor };

export interface TurnAccount {
  account: VerifiedAccount;
  /** The open plan (agreed, active or delinquent), as findOpenPlan finds it. */
  openPlan: PlanWithInstallments | null;
  /** Terms an officer offered, waiting for the debtor's yes or no, as findOfferedPlan finds them. */
  offeredPlan: PlanWithInstallments | null;
  /** The E-SIGN consent standing, as esignStanding reads it (consent.ts). */
  esign: EsignStanding;
}

export async function loadTurnAccount(db: Db, accountId: string): Promise<TurnAccount | null> {
  const found = await db.account.findUnique({
    where: { id: accountId },
    include: {
      creditor: true,
      plans: { where: { status: { in: [...OPEN_PLAN_STATUSES, 'offered'] } }, include: { installments: { orderBy: { seq: 'asc' } } } },
      consents: { where: { kind: ESIGN_CONSENT_KIND }, select: { withdrawnAt: true } },
    },
  });
  if (!found) return null;
  const { plans, consents, ...account } = found;
  return { account, openPlan: openPlanAmong(plans), offeredPlan: offeredPlanAmong(plans), esign: esignStandingAmong(consents) };
}
