/**
 * English SMS versions (see smsShort.ts): the same facts, rights and choices as the full texts in
 * fewer words. Where a Spanish SMS version had to leave a phrase out, the English one leaves it out
 * too, so both languages say the same thing.
 */
import { PAYMENTS, PAYMENT_NOUN, offer, reason as fullReason } from './negotiation.en.ts';
import type { OptionsView, PlanView, ReasonView } from './negotiation.ts';
import type { ReceiptFacts } from './payments.ts';
import type { SmsShortVersions } from './smsShort.ts';

const CFPB = 'www.cfpb.gov/debt-collection';

/** Choosing an option leaves the rights untouched while the validation period runs (DESIGN 9). */
const RIGHTS_KEPT = 'Your right to dispute the debt or ask for the original creditor does not change.';

/** The plan in short: every amount and date of the full summary, fewer words around them. */
function summary(plan: PlanView): string {
  if (plan.kind === 'full') return `one payment of the full balance, ${plan.total}, on ${plan.first.date}`;
  if (plan.kind === 'settlement') return `one payment of ${plan.total} on ${plan.first.date}, settling the ${plan.balance} balance`;
  const frequency = plan.frequency ?? 'monthly';
  const installments = `${PAYMENTS[frequency](plan.installmentCount)} of ${plan.regular}${plan.last ? ` (last ${plan.last.amount})` : ''}`;
  if (plan.downPayment) return `${plan.downPayment.amount} on ${plan.downPayment.date}, then ${installments} from ${plan.installmentsStart}`;
  return `${installments} from ${plan.installmentsStart}`;
}

function reason(r: ReasonView): string {
  switch (r.limit) {
    case 'minInstallment':
      return `the smallest ${PAYMENT_NOUN[r.frequency]} is ${r.value}`;
    case 'maxInstallments':
      return `a plan has at most ${r.value} payments${r.smallestPayment ? `, so the smallest ${PAYMENT_NOUN[r.frequency]} here is ${r.smallestPayment}` : ''}`;
    case 'maxPlanDays':
      return `a plan runs at most ${r.value} days${r.smallestPayment ? `, so the smallest ${PAYMENT_NOUN[r.frequency]} here is ${r.smallestPayment}` : ''}`;
    default:
      return fullReason(r);
  }
}

function reasons(list: ReasonView[]): string {
  return list.map(reason).join('; ');
}

function options(o: OptionsView): string {
  const lines = ['No rush.', `Pay in full: ${o.full.total}.`];
  if (o.settlement) lines.push(`Settle: one payment of ${o.settlement.total}.`);
  if (o.plan) lines.push('Plan: say what you can pay, like "50 a month".');
  if (o.hardship) lines.push(`Hardship: from ${o.smallestPayment} a payment, up to ${o.maxInstallments} payments, or ask a person about a pause.`);
  if (o.rightsOpen) lines.push(RIGHTS_KEPT);
  lines.push('Nothing is ever added.');
  return lines.join('\n');
}

function receipt(r: ReceiptFacts): string {
  const parts = [`Thank you: payment of ${r.amount} received ${r.date} (ref ${r.reference}).`];
  if (r.settled) parts.push('Settlement complete: nothing more is owed on this account.');
  else if (r.balanceIsZero) parts.push(`Balance: ${r.balance}. Paid in full.`);
  else parts.push(`Balance: ${r.balance}.`);
  if (r.next && !r.planCompleted) parts.push(`Next payment: ${r.next.amount} on ${r.next.date}.`);
  else if (r.planCompleted && !r.settled) parts.push('Your plan is complete.');
  return parts.join(' ');
}

export const smsShortEn: SmsShortVersions = {
  main: {
    disputeCheck: () =>
      'Do you want to dispute this? If yes, I record it in your words and we stop collecting the disputed part until we send you verification. You can also first ask how the balance adds up. Reply yes or no.',
    disputeOffered: () => 'Do you want to dispute it now? If yes, I record it in your words and we stop collecting the disputed part until we send you verification. Reply yes or no.',
    itemization: (a) =>
      `How the balance adds up: on ${a.itemizationDate} it was ${a.itemizationAmount}. Since then: interest ${a.interest}, fees ${a.fees}, payments ${a.payments}, credits ${a.credits}. Today: ${a.current}. If anything looks wrong, you can dispute all or part of it.`,
    rightsSummary: (a) =>
      `Your rights: until ${a.validationEnds} you can dispute all or part of this debt, or ask for the original creditor's name and address. If you do, we stop collecting the disputed part until we send you verification. Just tell me here. More: ${CFPB}`,
    menu: () => 'What would you like to do?',
    askEsign: () =>
      'We can give you your validation notice electronically, as a page you can save or print. Do you agree to receive notices about this account electronically? You can withdraw consent at any time or ask for paper copies.',
  },

  conversation: {
    ceaseReminder: () => [
      'You asked us to stop contacting you, so I have not said anything since. If you would like to talk about an account after all, I can withdraw that request. Would you like to withdraw your request to stop contact?',
      'To talk about an account, please confirm that you want to withdraw your request to stop contact.',
    ],
  },

  negotiation: {
    options,
    settlementOnePayment: (plan, latest) =>
      `A settlement is one payment: ${plan.total}, on any date up to ${latest}. Too much at once? I can set up a plan for the full ${plan.balance} (say, "300 a month"), or type "agent". Shall I show the terms for one payment? Or tell me the date.`,
    counterAgain: (plan, o) => `I cannot set up ${offer(o)} either. Still the closest: ${summary(plan)}. Reply yes for the full terms, or "agent" for a person.`,
    counter: (list, plan) =>
      `I cannot set that up exactly: ${reasons(list)}. The closest I can offer is ${summary(plan)}. Shall I show you the full terms? Or suggest something else.`,
    // The closest plan comes with the answer no (reviewDeclined): here, why, and a person's review.
    review: (list, _plan, o) =>
      `I cannot agree to ${offer(o)} myself: ${reasons(list)}. Send your proposal to a collections officer? If not, I will show the closest plan.`,
    agreed: (plan, link) =>
      `Thank you. Your ${plan.kind === 'installments' ? 'payment plan is' : plan.kind === 'settlement' ? 'settlement is' : 'payment is'} agreed and recorded; nothing is charged yet. The first payment, ${plan.first.amount}, is due on ${plan.first.date}. Enter your card only on our secure page: ${link}\nTo cancel or change, reply "cancel plan" or type "agent".`,
    existingPlan: (plan, link) =>
      `You already have an agreement on this account: ${summary(plan)}. To change it, reply "cancel plan", then tell me what works; or "agent".${link ? ` First payment: ${link}` : ''}`,
  },

  payments: {
    receipt,
    reminder: (r) =>
      `A reminder: your scheduled payment of ${r.amount} will be charged on ${r.date} to the card you saved. Nothing to do. To change your plan or talk it through, reply here or type "agent".`,
    paymentFailed: (r) => {
      const lead = {
        authentication_required: `Your bank asks you to confirm your payment of ${r.amount} due ${r.date} first.`,
        declined: `We could not take your payment of ${r.amount} due ${r.date}.`,
        retries_exhausted: `We tried a few times but could not take your payment of ${r.amount} due ${r.date}.`,
        bank_payment_failed: `We could not take your bank payment of ${r.amount}.`,
      }[r.reason];
      const how =
        r.reason === 'bank_payment_failed'
          ? `Pay on our secure page, with the same or another method: ${r.link}`
          : `Pay on our secure page; the card you use pays the next ones: ${r.link}`;
      return `${lead} ${how}`;
    },
  },

  officer: {},

  checkIn: {
    ask: () => 'I am sorry things feel this heavy right now. Before anything else, I want to check on you: are you safe right now?',
  },

  record: {},
};
