/**
 * An officer's decision on a plan proposal the bot could not agree (out of policy) and sent for
 * review (dialogs/negotiateDialog.ts `sendForReview`, handoff reason 'proposal').
 *
 * - approve: the debtor's own terms, as they were reviewed;
 * - counter: other terms, built by the plan builders of src/domain/plans.ts (policy limits may be
 *   broken — a person decides — and are returned so the console can show them);
 * - reject: the debtor is told an officer cannot accept the proposal.
 *
 * An approval or a counter is an OFFER, not an agreement: Reg E 1005.10(b) needs the debtor's own
 * authorization. The terms are stored as an 'offered' plan together with the exact text sent to the
 * debtor (the negotiation recap, and how to answer); only the debtor's explicit yes in the chat
 * agrees them (dialogs/officerOffer.ts → acceptOfferedPlan), with that text as the authorization.
 *
 * Everything — the plan, the message (outbox + transcript), the audit events, the handoff's
 * resolution and the conversation going back to the bot, which reads the debtor's answer — happens
 * in one transaction, and a second decision on the same handoff is refused.
 */
import { z } from 'zod';
import type { Db, Tx } from '../db/database.ts';
import type { Account, Conversation, Creditor, Handoff } from '../db/generated/client.ts';
import { appendAudit } from '../audit.ts';
import { collectionPauseReason } from '../accounts/rights.ts';
import {
  checkPlanAgainstPolicy,
  daysBetween,
  installmentPlan,
  isIsoDate,
  lumpSumPlan,
  type PlanTerms,
  type PolicyViolation,
} from '../domain/plans.ts';
import { FREQUENCIES, parsePolicy } from '../domain/policy.ts';
import { formatMoney } from '../domain/money.ts';
import { calendarDateInZone, DEFAULT_TIME_ZONE, isValidationPeriodOpen } from '../domain/validationPeriod.ts';
import { isLanguage, type Language } from '../messages/catalogue.ts';
import { negotiationMessagesFor } from '../messages/negotiation.ts';
import { officerMessagesFor } from '../messages/officer.ts';
import { catalogueOn } from '../messages/smsShort.ts';
import { OPEN_PLAN_STATUSES, storeOfferedPlan } from '../negotiation/planStore.ts';
import { formatterFor, planView } from '../negotiation/views.ts';
import { addressOf, sendToDebtor } from './debtorMessages.ts';
import { contactPermission, contactRefusal } from './contact.ts';
import { PAUSE_LABELS } from './labels.ts';
import { OPEN_HANDOFF_STATUSES } from '../handoff/queue.ts';

/** More installments than this are refused (a typo, not a plan). */
export const MAX_COUNTER_INSTALLMENTS = 520;

const cents = (what: string) =>
  z.number({ error: `${what} must be a number of cents` }).int({ error: `${what} must be a whole number of cents` }).positive({ error: `${what} must be more than zero` });

/** An officer's own terms. Amounts are minor units (cents); dates YYYY-MM-DD. */
export const counterTermsSchema = z
  .object({
    kind: z.enum(['full', 'settlement', 'installments'], { error: 'kind must be full, settlement or installments' }),
    /** Settlement: the amount accepted. Full and installments pay exactly the balance (leave it out). */
    total: cents('The total').optional(),
    /** Installments: paid first, on firstDate (0 or absent: none). */
    downPayment: z.number({ error: 'The down payment must be a number of cents' }).int({ error: 'The down payment must be a whole number of cents' }).min(0, { error: 'The down payment cannot be negative' }).optional(),
    /** Installments: how many, the down payment not counted (or give installmentAmount instead). */
    count: z
      .number({ error: 'The number of installments must be a number' })
      .int({ error: 'The number of installments must be a whole number' })
      .min(1, { error: 'A plan has at least 1 installment' })
      .max(MAX_COUNTER_INSTALLMENTS, { error: `A plan has at most ${MAX_COUNTER_INSTALLMENTS} installments` })
      .optional(),
    /** Installments: the amount of each payment in cents, the last one being what is left (instead of count). */
    installmentAmount: cents('The amount per payment').optional(),
    frequency: z.enum(FREQUENCIES, { error: 'frequency must be weekly, biweekly or monthly' }).optional(),
    /** The first payment's date. */
    firstDate: z.string({ error: 'Give the first payment date as YYYY-MM-DD' }).refine(isIsoDate, { error: 'Give the first payment date as YYYY-MM-DD' }),
  })
  .superRefine((terms, ctx) => {
    if (terms.kind === 'settlement' && terms.total === undefined) {
      ctx.addIssue({ code: 'custom', path: ['total'], message: 'A settlement needs the amount the creditor accepts (total)' });
    }
    if (terms.kind === 'installments') {
      if ((terms.count === undefined) === (terms.installmentAmount === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['count'], message: 'An installment plan needs either the number of installments (count) or the amount per payment (installmentAmount), not both' });
      }
      if (terms.frequency === undefined) ctx.addIssue({ code: 'custom', path: ['frequency'], message: 'An installment plan needs a frequency: weekly, biweekly or monthly' });
    } else if (terms.count !== undefined || terms.installmentAmount !== undefined || terms.frequency !== undefined || (terms.downPayment ?? 0) > 0) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Only an installment plan has a down payment, a count or a frequency' });
    }
  });

export const proposalDecisionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('approve') }),
    z.object({ kind: z.literal('counter'), terms: counterTermsSchema }),
    /** The note stays with the handoff for the team; the debtor gets the catalogue's text. */
    z.object({ kind: z.literal('reject'), note: z.string().trim().max(500, { error: 'Keep the note under 500 characters' }).optional() }),
  ],
  { error: 'kind must be approve, counter or reject' },
);

export type CounterTerms = z.output<typeof counterTermsSchema>;
export type ProposalDecision = z.output<typeof proposalDecisionSchema>;

export type ProposalRefusalCode =
  | 'invalid_decision'
  | 'not_found'
  | 'unknown_officer'
  | 'not_a_proposal'
  | 'already_resolved'
  | 'held_by_other'
  | 'crisis'
  | 'no_account'
  | 'unreachable'
  | 'no_contact'
  | 'paused'
  | 'open_plan'
  | 'no_terms'
  | 'balance_changed'
  | 'invalid_terms';

const REFUSAL_STATUS: Record<ProposalRefusalCode, 400 | 403 | 404 | 409 | 422> = {
  invalid_decision: 400,
  not_found: 404,
  unknown_officer: 403,
  not_a_proposal: 409,
  already_resolved: 409,
  held_by_other: 409,
  crisis: 409,
  no_account: 409,
  unreachable: 409,
  no_contact: 409,
  paused: 409,
  open_plan: 409,
  no_terms: 422,
  balance_changed: 422,
  invalid_terms: 422,
};

export type ProposalDecisionResult =
  | {
      ok: true;
      decision: ProposalDecision['kind'];
      handoffId: string;
      /** The offered plan (approve, counter); null for a rejection. */
      planId: string | null;
      outboxId: string;
      /** The exact text sent to the debtor (for an offer: the plan's offerText). */
      message: string;
      /** Policy limits the offered terms break (allowed: an officer decided). Empty for a rejection. */
      violations: PolicyViolation[];
    }
  | { ok: false; code: ProposalRefusalCode; status: 400 | 403 | 404 | 409 | 422; message: string };

export interface ProposalDecisionRequest {
  handoffId: string;
  officerId: string;
  decision: ProposalDecision;
  now: Date;
}

/** Thrown inside the transaction to roll it back; returned as a refusal. */
export class Refusal extends Error {
  constructor(
    readonly code: ProposalRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

const OUTCOMES = { approve: 'proposal_approved', counter: 'proposal_countered', reject: 'proposal_rejected' } as const;
const AUDIT_TYPES = { approve: 'proposal.approved', counter: 'proposal.countered', reject: 'proposal.rejected' } as const;

/** Approves, counters or rejects the proposal of a 'proposal' handoff (see the module comment). */
export async function decideProposal(db: Db, request: ProposalDecisionRequest): Promise<ProposalDecisionResult> {
  const parsed = proposalDecisionSchema.safeParse(request.decision);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.filter((p) => typeof p === 'string' && p !== 'terms').join('.');
    return refusal('invalid_decision', where ? `${where}: ${issue.message}` : issue.message);
  }
  const decision = parsed.data;
  try {
    return await db.$transaction((tx) => decide(tx, { ...request, decision }));
  } catch (error) {
    if (error instanceof Refusal) return refusal(error.code, error.message);
    throw error;
  }
}

function refusal(code: ProposalRefusalCode, message: string): ProposalDecisionResult {
  return { ok: false, code, status: REFUSAL_STATUS[code], message };
}

async function decide(tx: Tx, { handoffId, officerId, decision, now }: ProposalDecisionRequest): Promise<ProposalDecisionResult> {
  const handoff = await tx.handoff.findUnique({
    where: { id: handoffId },
    include: { conversation: true, account: { include: { creditor: true } }, officer: { select: { name: true } } },
  });
  if (!handoff) throw new Refusal('not_found', 'There is no such escalation. It may have been removed; go back to the queue.');
  if (handoff.status === 'resolved') {
    throw new Refusal('already_resolved', `This proposal has already been decided${handoff.outcome ? ` (${handoff.outcome.replace(/_/g, ' ')})` : ''}. Nothing was sent again.`);
  }
  const officer = await tx.officer.findUnique({ where: { id: officerId }, select: { disabledAt: true } });
  if (!officer || officer.disabledAt) throw new Refusal('unknown_officer', 'Your officer account cannot make decisions. Sign in again or ask a supervisor.');
  if (handoff.status === 'accepted' && handoff.officerId !== officerId) {
    throw new Refusal('held_by_other', `${handoff.officer?.name ?? 'Another officer'} is handling this conversation; they decide the proposal.`);
  }
  const proposal = proposalOf(handoff);
  if (!proposal) throw new Refusal('not_a_proposal', 'This escalation has no plan proposal to decide. Use Resolve instead.');
  if (proposal.crisis) {
    throw new Refusal('crisis', 'This conversation was also escalated for a crisis: no payment terms go to the debtor now. Handle the crisis, then resolve the escalation.');
  }

  // The first write takes SQLite's write lock and closes the handoff: a second click finds it resolved.
  const closed = await tx.handoff.updateMany({
    where: { id: handoffId, status: { in: [...OPEN_HANDOFF_STATUSES] } },
    data: { status: 'resolved', resolvedAt: now, officerId, outcome: OUTCOMES[decision.kind] },
  });
  if (closed.count === 0) throw new Refusal('already_resolved', 'This proposal has already been decided. Nothing was sent again.');

  const { account, conversation } = handoff;
  if (!account) throw new Refusal('no_account', 'This escalation has no verified account, so no terms can be offered.');
  if (!conversation || !addressOf(conversation)) {
    throw new Refusal('unreachable', 'This conversation is not on the website chat or SMS, so the debtor cannot be told here. Contact them by phone or mail and resolve the escalation.');
  }
  const pause = collectionPauseReason(account);
  if (pause) throw new Refusal('paused', `Collection on this account is paused (${PAUSE_LABELS[pause]}): nothing about payment can be sent. Resolve the escalation instead.`);
  const contact = await contactPermission(tx, conversation, now);
  if (contact.allowed === 'none') throw new Refusal('no_contact', `${contactRefusal(contact)} Resolve the escalation instead.`);
  if ((await tx.plan.count({ where: { accountId: account.id, status: { in: [...OPEN_PLAN_STATUSES] } } })) > 0) {
    throw new Refusal('open_plan', 'The debtor has agreed a plan since the proposal. Cancel that plan first, or resolve the escalation.');
  }

  const language = languageOf(conversation, account);
  const actor = `officer:${officerId}`;
  const outcome: Offered =
    decision.kind === 'reject'
      ? { body: catalogueOn(conversation.channel, 'officer', language).proposalRejected(), planId: null, violations: [], auditDetail: {} }
      : await makeOffer(tx, { proposal, account, conversationId: conversation.id, officerId, decision, language, now });
  const { body, planId, violations } = outcome;

  const { outboxId } = await sendToDebtor(tx, conversation, { body, kind: 'officer', officerId, now, dedupeKey: `proposal:${handoffId}` });
  await appendAudit(tx, { type: AUDIT_TYPES[decision.kind], actor, accountId: account.id, conversationId: conversation.id, detail: { handoffId, outboxId, ...outcome.auditDetail } });
  const record = {
    kind: decision.kind,
    officerId,
    at: now.toISOString(),
    planId,
    violations: violations.map((v) => v.limit),
    ...(decision.kind === 'reject' && decision.note ? { note: decision.note } : {}),
  };
  await tx.handoff.update({
    where: { id: handoffId },
    data: { detailJson: JSON.stringify({ ...parseDetail(handoff.detailJson), decision: record }), ...(handoff.firstResponseAt ? {} : { firstResponseAt: now }) },
  });
  await appendAudit(tx, { type: 'handoff.resolved', actor, accountId: account.id, conversationId: conversation.id, detail: { handoffId, outcome: OUTCOMES[decision.kind] } });
  // The bot holds the conversation again, so it reads the debtor's yes or no.
  await tx.conversation.update({ where: { id: conversation.id }, data: { holder: 'bot', officerId: null } });

  return { ok: true, decision: decision.kind, handoffId, planId, outboxId, message: body, violations };
}

export interface Offered {
  body: string;
  planId: string | null;
  violations: PolicyViolation[];
  auditDetail: Record<string, unknown>;
}

/** Approve or counter: the terms checked, written to the debtor and stored as an 'offered' plan. */
async function makeOffer(
  tx: Tx,
  input: {
    proposal: StoredProposal;
    account: AccountWithCreditor;
    conversationId: string;
    officerId: string;
    decision: Exclude<ProposalDecision, { kind: 'reject' }>;
    language: Language;
    now: Date;
  },
): Promise<Offered> {
  const { proposal, account, decision } = input;
  const plan = decision.kind === 'approve' ? approvedPlan(proposal, account) : counterPlan(decision.terms, account);
  return offerPlan(tx, { ...input, plan, hardship: proposal.hardship, kind: decision.kind });
}

/**
 * An officer's terms offered to the debtor — one way for every path (an approved or countered
 * proposal, terms agreed in a takeover): judged against the policy (under the hardship limits when
 * `hardship`), refused when they could not be honestly offered, written in the catalogue's words,
 * stored as an 'offered' plan with that exact text. Returns the text, the plan and the audit detail.
 */
export async function offerPlan(
  tx: Tx,
  input: {
    plan: PlanTerms;
    account: AccountWithCreditor;
    hardship: boolean;
    kind: 'approve' | 'counter' | 'offer';
    conversationId: string;
    officerId: string;
    language: Language;
    now: Date;
  },
): Promise<Offered> {
  const { plan, account, hardship, now } = input;
  const today = calendarDateInZone(now, account.timeZone ?? DEFAULT_TIME_ZONE);
  const violations = checkPlanAgainstPolicy(plan, parsePolicy(account.creditor.policyJson), { hardship, today });
  assertOfferable(plan, violations, account, today, input.kind === 'approve' ? 'approve' : 'counter');
  const body = offerText(plan, input.kind, input.language, account, now);
  const stored = await storeOfferedPlan(tx, { accountId: account.id, plan, hardship, offeredBy: input.officerId, offerText: body, conversationId: input.conversationId });
  // `planId` and `balance` are read back when the debtor answers (planStore OFFER_AUDIT_TYPES).
  const auditDetail = {
    planId: stored.planId,
    kind: plan.kind,
    total: plan.total,
    currency: plan.currency,
    balance: plan.balance,
    count: plan.payments.length,
    downPayment: plan.downPayment,
    frequency: plan.frequency,
    firstDueDate: plan.firstDate,
    hardship,
    violations: violations.map((v) => v.limit),
    ...(stored.declinedOffers.length > 0 ? { declinedOffers: stored.declinedOffers } : {}),
  };
  return { body, planId: stored.planId, violations, auditDetail };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// The proposal under review
// ─────────────────────────────────────────────────────────────────────────────────────────────

const paymentSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(['lump_sum', 'down_payment', 'installment']),
  dueDate: z.string(),
  amount: z.number().int(),
});

/** The plan summary negotiateDialog stores for an officer (payments cut after 60). */
const termsSummarySchema = z.object({
  kind: z.enum(['full', 'settlement', 'installments']),
  total: z.number().int(),
  currency: z.string(),
  downPayment: z.number().int(),
  frequency: z.enum(FREQUENCIES).nullable(),
  installmentCount: z.number().int(),
  firstDate: z.string(),
  payments: z.array(paymentSchema),
});

const storedProposalSchema = z.object({
  /** What the debtor asked for, in their words' terms (an amount per payment, or a lump sum). */
  offer: z.looseObject({ amount: z.number().int().optional() }).optional(),
  terms: termsSummarySchema.nullable(),
  /** What the bot could offer within policy, and the limits the debtor's terms break (shown to the officer). */
  closestAllowed: termsSummarySchema.nullable().default(null),
  violations: z.array(z.looseObject({ limit: z.string() })).default([]),
  balance: z.number().int(),
  currency: z.string(),
  hardship: z.boolean().default(false),
});

type StoredProposal = z.output<typeof storedProposalSchema> & { crisis: boolean };

function parseDetail(detailJson: string): Record<string, unknown> {
  try {
    const detail: unknown = JSON.parse(detailJson);
    return detail && typeof detail === 'object' ? (detail as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The debtor's proposal in a handoff's detail, or null. The queue keys the detail by reason and the
 * dialog nests its own key: { proposal: { channel, proposal: { offer, terms, … } } }; a detail of
 * the form { proposal: { offer, terms, … } } is read too.
 */
export function proposalOf(handoff: Pick<Handoff, 'detailJson'>): StoredProposal | null {
  const detail = parseDetail(handoff.detailJson);
  const entry = detail.proposal as Record<string, unknown> | undefined;
  if (!entry || typeof entry !== 'object') return null;
  const parsed = storedProposalSchema.safeParse(entry.proposal ?? entry);
  if (!parsed.success) return null;
  return { ...parsed.data, crisis: detail.crisis !== undefined };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Terms
// ─────────────────────────────────────────────────────────────────────────────────────────────

export type AccountWithCreditor = Account & { creditor: Creditor };

/** The debtor's own terms, exactly as the officer reviewed them. */
function approvedPlan(proposal: StoredProposal, account: Account): PlanTerms {
  const terms = proposal.terms;
  if (!terms) {
    throw new Refusal('no_terms', 'The proposal has no exact terms to approve (the debtor did not name an amount or a number of payments). Make a counter-offer instead.');
  }
  const money = (minor: number) => formatMoney(minor, account.currency, 'en-US');
  if (proposal.balance !== account.balance || proposal.currency !== account.currency) {
    throw new Refusal('balance_changed', `The balance has changed since the proposal (${formatMoney(proposal.balance, proposal.currency, 'en-US')} then, ${money(account.balance)} now). Make a counter-offer for the current balance.`);
  }
  const expected = terms.kind === 'installments' ? terms.installmentCount + (terms.downPayment > 0 ? 1 : 0) : 1;
  if (terms.payments.length !== expected) {
    throw new Refusal('invalid_terms', 'The proposal has too many payments to approve as it was stored. Make a counter-offer with the same terms instead.');
  }
  return {
    kind: terms.kind,
    currency: terms.currency,
    balance: proposal.balance,
    total: terms.total,
    downPayment: terms.downPayment,
    frequency: terms.frequency,
    installmentCount: terms.installmentCount,
    firstDate: terms.firstDate,
    payments: terms.payments,
  };
}

/** The officer's terms, built by the plan builders for the account's current balance. */
export function counterPlan(terms: CounterTerms, account: Account): PlanTerms {
  const { balance, currency } = account;
  const money = (minor: number) => formatMoney(minor, currency, 'en-US');
  if (balance <= 0) throw new Refusal('invalid_terms', 'There is no balance left on this account.');
  if (terms.kind !== 'settlement' && terms.total !== undefined && terms.total !== balance) {
    throw new Refusal('invalid_terms', `${terms.kind === 'full' ? 'Paying in full' : 'An installment plan'} adds up to exactly the balance, ${money(balance)}. To accept less, make it a settlement.`);
  }
  try {
    if (terms.kind === 'full') return lumpSumPlan({ kind: 'full', balance, currency, date: terms.firstDate });
    if (terms.kind === 'settlement') {
      if (terms.total! >= balance) throw new Refusal('invalid_terms', `A settlement is less than the balance, ${money(balance)}. For the whole balance choose pay in full.`);
      return lumpSumPlan({ kind: 'settlement', balance, currency, date: terms.firstDate, total: terms.total! });
    }
    const downPayment = terms.downPayment ?? 0;
    if (downPayment >= balance) throw new Refusal('invalid_terms', `The down payment must be less than the balance, ${money(balance)}. For one payment choose pay in full.`);
    const split = terms.installmentAmount !== undefined ? { installmentAmount: terms.installmentAmount } : { count: terms.count! };
    const plan = installmentPlan({ balance, currency, frequency: terms.frequency!, firstDate: terms.firstDate, downPayment, ...split });
    if (plan.installmentCount > MAX_COUNTER_INSTALLMENTS) throw new Refusal('invalid_terms', `These terms need ${plan.installmentCount} payments; at most ${MAX_COUNTER_INSTALLMENTS} can be scheduled. Choose a larger amount per payment.`);
    return plan;
  } catch (error) {
    if (error instanceof RangeError) {
      throw new Refusal('invalid_terms', `These terms cannot be scheduled: ${error.message}. Try fewer installments or a smaller down payment.`);
    }
    throw error;
  }
}

/** Refuses terms that could not be honestly offered: not for this balance, inconsistent, or starting in the past. */
function assertOfferable(plan: PlanTerms, violations: PolicyViolation[], account: Account, today: string, kind: 'approve' | 'counter'): void {
  const money = (minor: number) => formatMoney(minor, account.currency, 'en-US');
  const instead = kind === 'approve' ? ' Make a counter-offer instead.' : '';
  const structural = violations.find((v) => v.limit === 'schedule');
  if (structural) throw new Refusal('invalid_terms', `These terms are inconsistent (${structural.value}).${instead}`);
  if (plan.balance !== account.balance || plan.currency !== account.currency) {
    throw new Refusal('balance_changed', `The balance has changed to ${money(account.balance)} since these terms were made.${instead}`);
  }
  // The recap tells the debtor an installment plan is "exactly the balance": it must be.
  if (plan.kind !== 'settlement' && plan.total !== plan.balance) {
    throw new Refusal('invalid_terms', `These terms add up to ${money(plan.total)}, not the balance of ${money(plan.balance)}; an installment plan pays exactly the balance. To accept less, make a settlement.${instead}`);
  }
  if (plan.kind === 'settlement' && plan.total >= plan.balance) {
    throw new Refusal('invalid_terms', `A settlement is less than the balance, ${money(plan.balance)}.${instead}`);
  }
  if (daysBetween(today, plan.firstDate) < 0) {
    throw new Refusal('invalid_terms', `The first payment date, ${plan.firstDate}, has passed (it is ${today} in the debtor's time zone). Choose a date from ${today} on.${instead}`);
  }
}

export function languageOf(conversation: Pick<Conversation, 'language'>, account: Pick<Account, 'language'>): Language {
  if (isLanguage(conversation.language)) return conversation.language;
  return isLanguage(account.language) ? account.language : 'en';
}

/** The exact offer the debtor reads: the officer's decision (or offer), the negotiation recap, how to answer. */
function offerText(plan: PlanTerms, kind: 'approve' | 'counter' | 'offer', language: Language, account: Pick<Account, 'validationPeriodEndsAt'>, now: Date): string {
  const negotiation = negotiationMessagesFor(language);
  const officer = officerMessagesFor(language);
  const facts = {
    recap: negotiation.recap(planView(plan, formatterFor(negotiation.locale, plan.currency))),
    rightsOpen: isValidationPeriodOpen(account.validationPeriodEndsAt, now),
  };
  return kind === 'approve' ? officer.proposalApproved(facts) : kind === 'offer' ? officer.termsOffered(facts) : officer.proposalCountered(facts);
}
