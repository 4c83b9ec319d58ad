import type { Frequency } from '../domain/policy.ts';
import type { NegotiationCatalogue, OfferView, PlanView, ReasonView } from './negotiation.ts';

export const PAYMENT_NOUN: Record<Frequency, string> = {
  weekly: 'weekly payment',
  biweekly: 'payment every two weeks',
  monthly: 'monthly payment',
};
export const PAYMENTS: Record<Frequency, (n: number) => string> = {
  weekly: (n) => `${n} weekly payment${n === 1 ? '' : 's'}`,
  biweekly: (n) => `${n} payment${n === 1 ? '' : 's'} every two weeks`,
  monthly: (n) => `${n} monthly payment${n === 1 ? '' : 's'}`,
};
const ONE_EVERY: Record<Frequency, string> = { weekly: 'one a week', biweekly: 'one every two weeks', monthly: 'one a month' };
const PER: Record<Frequency, string> = { weekly: 'a week', biweekly: 'every two weeks', monthly: 'a month' };
const FREQUENCY_WORD: Record<Frequency, string> = { weekly: 'weekly', biweekly: 'every two weeks', monthly: 'monthly' };

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One line: what the plan is, in short. */
function summary(plan: PlanView): string {
  if (plan.kind === 'full') return `one payment of the full balance, ${plan.total}, on ${plan.first.date}`;
  if (plan.kind === 'settlement') return `one payment of ${plan.total} on ${plan.first.date}, which settles the ${plan.balance} balance`;
  const frequency = plan.frequency ?? 'monthly';
  const installments = `${PAYMENTS[frequency](plan.installmentCount)} of ${plan.regular}${plan.last ? ` (the last one ${plan.last.amount})` : ''}`;
  if (plan.downPayment) return `a first payment of ${plan.downPayment.amount} on ${plan.downPayment.date}, then ${installments} starting ${plan.installmentsStart}`;
  return `${installments}, starting ${plan.installmentsStart}`;
}

export function reason(r: ReasonView): string {
  switch (r.limit) {
    case 'minInstallment':
      return `the smallest ${PAYMENT_NOUN[r.frequency]} we can set up is ${r.value}`;
    case 'maxInstallments':
      return `a plan can have at most ${r.value} payments${r.smallestPayment ? `, so the smallest ${PAYMENT_NOUN[r.frequency]} we can set up for this balance is ${r.smallestPayment}` : ''}`;
    case 'maxPlanDays':
      return `a plan can run at most ${r.value} days from the first payment to the last${r.smallestPayment ? `, so the smallest ${PAYMENT_NOUN[r.frequency]} we can set up for this balance is ${r.smallestPayment}` : ''}`;
    case 'minDownPayment':
      return `a plan starts with a first payment of at least ${r.value}`;
    case 'frequency':
      return `payments can be ${orList(r.value.map((f) => FREQUENCY_WORD[f]))}`;
    case 'firstPaymentWithinDays':
      return `the first payment can be on any date up to ${r.latest}`;
    case 'firstPaymentNotBefore':
      return 'the first payment cannot be on a date that has already passed';
    case 'installmentsStartWithin':
      return `after the first payment, the regular payments can start on any date up to ${r.latest}`;
    case 'settlementNotAllowed':
      return 'this creditor does not accept less than the full balance, but you can pay it over time';
    case 'settlementFloor':
      return `the smallest amount the creditor accepts to settle this account is ${r.value}`;
    case 'total':
      return `a payment plan adds up to exactly the balance, ${r.value}, nothing more and nothing less`;
  }
}

function reasons(list: ReasonView[]): string {
  return `${capitalize(list.map(reason).join('; '))}.`;
}

export function offer(o: OfferView): string {
  if (o.kind === 'full') return `paying the full balance${o.firstDate ? ` on ${o.firstDate}` : ''}`;
  if (o.kind === 'settlement') return `a one-time payment${o.amount ? ` of ${o.amount}` : ''} to settle the account${o.firstDate ? ` on ${o.firstDate}` : ''}`;
  const parts: string[] = [];
  if (o.downPayment) parts.push(`a first payment of ${o.downPayment}, then`);
  if (o.amount) parts.push(`${o.amount} ${PER[o.frequency ?? 'monthly']}`);
  else if (o.count !== undefined) parts.push(PAYMENTS[o.frequency ?? 'monthly'](o.count));
  else parts.push('a payment plan');
  if (o.amount && o.count !== undefined) parts.push(`for ${o.count} payments`);
  if (o.installmentsFrom) parts.push(`from ${o.installmentsFrom}`);
  else if (o.firstDate) parts.push(`starting ${o.firstDate}`);
  return parts.join(' ');
}

function paymentLines(plan: PlanView): string[] {
  const lines = plan.lines.map((l, i) => `• ${l.amount} on ${l.date}${i === 0 && plan.downPayment ? ' (first payment)' : ''}`);
  if (plan.more && plan.frequency) {
    lines.push(`• then ${plan.more.count} more payment${plan.more.count === 1 ? '' : 's'} of ${plan.more.amount}, ${ONE_EVERY[plan.frequency]}, the last of them on ${plan.more.lastDate}`);
  }
  if (plan.final) lines.push(`• and a last payment of ${plan.final.amount} on ${plan.final.date}`);
  return lines;
}

export const negotiationEn: NegotiationCatalogue = {
  locale: 'en-US',

  options: (o) => {
    const lines = ['Here are your options. There is no rush: take the time you need to decide.', `• Pay the full balance, ${o.full.total}, in one payment.`];
    if (o.settlement) lines.push(`• Settle the account with one payment of ${o.settlement.total}.`);
    if (o.plan) {
      lines.push(`• A payment plan: for example, ${summary(o.plan)}. Or tell me what you can afford, like "50 a month" or "100 every two weeks starting the 15th".`);
    }
    if (o.hardship) {
      lines.push(`Because you told us about your situation, smaller payments over a longer time are possible: as little as ${o.smallestPayment} a payment, with up to ${o.maxInstallments} payments. If even that is too much right now, a person from our team can talk with you about what else may be possible, such as a pause.`);
    }
    if (o.rightsOpen) lines.push('Choosing an option does not affect your right to dispute this debt or to ask for the name and address of the original creditor.');
    lines.push('Which would you like? You can also type "agent" to talk to a person. Nothing is ever added to the amounts shown.');
    return lines.join('\n');
  },

  suggestion: (plan) => {
    if (plan.kind === 'settlement') {
      return `The creditor accepts one payment of ${plan.total} on ${plan.first.date} to settle the account (the balance is ${plan.balance}). Would that work for you? Reply yes to see the full terms, or tell me a different amount or date.`;
    }
    if (plan.kind === 'full') return `I can set up ${summary(plan)}. Would that work for you? Reply yes to see the full terms.`;
    return `Here is a plan I can set up: ${summary(plan)}. Would that work for you? Reply yes to see the full terms, or tell me what you can afford (for example "50 a month").`;
  },

  settlementOnePayment: (plan, latest) =>
    `A settlement is paid in one payment: the creditor accepts ${plan.total} to settle the ${plan.balance} balance, on any date up to ${latest}. If one payment is too much at once, I can set up a payment plan for the full balance instead (tell me what you can pay, for example "300 a month"), or you can type "agent" to ask a person about other terms. Would one payment of ${plan.total} work for you? Reply yes to see the full terms, or tell me the date.`,
  accepted: () => 'I can set that up.',
  sameTerms: () =>
    'I read that as the same terms I just showed you, so nothing changed. To agree to them, reply yes. If something is not right, tell me the change in other words (for example "the first payment on the 15th"), or type "agent" to talk to a person.',

  counter: (list, plan) =>
    `I cannot set that up exactly. ${reasons(list)} The closest I can offer is ${summary(plan)}. Would that work for you? Reply yes to see the full terms, or tell me something different.`,

  counterAgain: (plan, o) =>
    `I cannot set up ${offer(o)} either. The closest I can offer is still ${summary(plan)}. Reply yes to see the full terms, tell me something different, or type "agent" to ask a person.`,

  review: (list, plan, o) =>
    `I cannot agree to ${offer(o)} myself. ${reasons(list)} The closest I can offer is ${summary(plan)}. If you prefer, I can send your proposal to a collections officer, who will review it and reply to you. Would you like me to send it? Please answer yes or no.`,

  reviewAskAgain: () => 'Would you like me to send your proposal to a collections officer for review? Please answer yes or no.',

  reviewQueued: (o) =>
    `I have sent your proposal (${offer(o)}) to a collections officer for review. Nothing is agreed or charged until you hear back.`,

  reviewDeclined: (plan) =>
    `No problem. The closest I can offer is ${summary(plan)}. Reply yes to see the full terms, or tell me something different.`,

  proposalAskAgain: () => 'Would that work for you? Reply yes to see the full terms, or tell me something different, for example "50 a month".',

  recap: (plan) => {
    const lines: string[] = [];
    if (plan.kind === 'installments') {
      lines.push('Here are the terms of your payment plan. Please read them before you agree:');
      lines.push(...paymentLines(plan));
      const frequency = plan.frequency ?? 'monthly';
      const made = plan.downPayment ? `a first payment and ${PAYMENTS[frequency](plan.installmentCount)}` : PAYMENTS[frequency](plan.installmentCount);
      lines.push(`Number of payments: ${plan.paymentCount} (${made}).`);
      lines.push(`Total: ${plan.total}, exactly the balance. Nothing is added to it.`);
      lines.push(
        'Payment method: a debit or credit card, entered only on our secure payment page, never in this chat. You make the first payment on that page; each later payment is charged automatically to the same card on its date.',
      );
      lines.push('To cancel or change the plan, reply "cancel plan" here or ask for a person, at least 3 business days before a payment.');
      lines.push('Do you authorize these payments? Reply yes to agree, or tell me what you would like to change.');
    } else {
      lines.push(plan.kind === 'full' ? 'Here are the terms of your payment. Please read them before you agree:' : 'Here are the terms of your settlement. Please read them before you agree:');
      lines.push(`• ${plan.total} on ${plan.first.date}`);
      lines.push('Number of payments: 1.');
      if (plan.kind === 'full') lines.push(`Total: ${plan.total}, exactly the balance. Nothing is added to it.`);
      else lines.push(`Total: ${plan.total}. The creditor accepts it to settle the ${plan.balance} balance in full, so you pay ${plan.saving} less. Nothing is added to it.`);
      lines.push('Payment method: a debit or credit card, entered only on our secure payment page, never in this chat. Nothing is charged until you pay on that page.');
      lines.push('To cancel or change this, reply "cancel plan" here or ask for a person, at any time before you pay.');
      lines.push('Do you agree to these terms? Reply yes to agree, or tell me what you would like to change.');
    }
    return lines.join('\n');
  },

  confirmAgain: () => 'To agree to these terms, please reply yes. If you would like something different, tell me, or reply no.',

  notAgreed: () => 'No problem: nothing has been agreed or charged. Tell me what would work better for you, or type "agent" to talk to a person.',

  agreed: (plan, link) =>
    `Thank you. Your ${plan.kind === 'installments' ? 'payment plan is' : plan.kind === 'settlement' ? 'settlement is' : 'payment is'} agreed and recorded, and nothing has been charged yet. The first payment, ${plan.first.amount}, is due on ${plan.first.date}. You can make it on our secure payment page: ${link}\nPlease enter your card only on that page, never in this chat. To cancel or change, reply "cancel plan" or type "agent".`,

  existingPlan: (plan, link) =>
    `You already have an agreement on this account: ${summary(plan)}. To change it, reply "cancel plan" and then tell me what works for you instead; to talk it over with a person, type "agent".${link ? ` The first payment can be made on our secure payment page: ${link}` : ''}`,

  planCancelled: () =>
    'Your plan is cancelled, and no further payments will be charged for it. Payments already made stay credited to your account. If you would like to set up something else, just tell me.',

  noPlanToCancel: () => 'You have no payment plan to cancel, and nothing is set to be charged.',

  nothingOwed: () => 'There is no balance to pay on this account.',

  notUnderstood: () =>
    'Sorry, I did not understand that as a payment option. You can say "pay in full", "settle", or tell me what you can afford, like "50 a month". You can also type "agent" to talk to a person.',

  noRush: () => 'No problem. There is no rush: you can come back to this whenever you like.',

  termsChanged: () => 'Something on the account has changed since I showed you those terms, so here they are again, updated.',

  offerNoted: (o) =>
    `I have also noted your offer (${offer(o)}), so the officer reviewing this sees it. Nothing is agreed or charged.`,

  lowestSettlement: (amount) =>
    `Yes: ${amount} is the smallest amount the creditor accepts to settle this account. If you cannot pay that, tell me what you can, and I can send your proposal to a collections officer to review.`,
  lowestPlan: (regular) =>
    `Yes: ${regular} per payment is the smallest payment the creditor accepts on a plan for this account. If you cannot pay that, tell me what you can, and I can send your proposal to a collections officer to review.`,
  lowestFull: () => 'This is the whole balance. If paying it all at once is hard, you can ask to settle for less or for a payment plan, for example "50 a month".',
  mayGoLower: () => 'The creditor may accept less. Tell me the amount you can pay, and I will check it.',
  coversAll: (plan) =>
    plan.kind === 'settlement'
      ? `Yes: the one payment of ${plan.total} settles the whole ${plan.balance} balance. Once it is paid, you owe nothing more on this account.`
      : plan.kind === 'full'
        ? `Yes: ${plan.total} is the whole balance. Once it is paid, you owe nothing more on this account.`
        : `Yes: the payments add up to ${plan.total}, the whole balance. Once they are all paid, you owe nothing more on this account.`,
  recapDiffers: (asked, total) => `Please note: these terms are for ${total}, not the ${asked} you mentioned, because ${total} is the whole balance.`,

  askStartDate: () => [
    'When would you like the first payment to be? For example "on the 15th" or "December 1".',
    'What date should the first payment be on? A date like "the 1st" or "January 5" works.',
  ],

  resumed: () => 'Here is where we were before I confirmed who you are again.',

  cannotPay: (smallest) => {
    const plan = smallest?.regular ? ` Under the hardship terms, payments can be as small as ${smallest.regular} ${PER[smallest.frequency ?? 'monthly']}, over ${smallest.installmentCount} payments.` : '';
    return [
      `I understand; there is no pressure.${plan} If even that is too much now, a person from our team can talk with you about other possibilities, such as a pause. Would you like a person to contact you? Yes or no?`,
      `That is all right; nobody will press you.${plan} A person from our team can look at what else may be possible, such as a pause. Shall I ask a person to contact you? Yes or no?`,
    ];
  },

  pauseRequest: () => [
    'I cannot put the account on hold myself: a pause is for the creditor to decide. A person from our team can talk it through with you, along with the hardship options (smaller payments over a longer time). Would you like me to ask a person to contact you about it? Please answer yes or no.',
    'A pause is not something I can set up here, but a person from our team can ask the creditor about it with you. Shall I ask a person to contact you about a pause? Yes or no?',
  ],

  again: (step) =>
    ({
      choose: [
        'You can say "pay in full", "settle", or tell me what you can afford, like "50 a month". You can also type "agent" to talk to a person.',
        'Which would you like: paying in full, settling, or a plan? For a plan, tell me an amount, like "50 a month".',
      ],
      proposed: [
        'Would that work for you? Reply yes to see the full terms, or tell me something different, for example "50 a month".',
        'Should I show you the full terms? Reply yes, or tell me what would work better.',
      ],
      confirm: [
        'To agree to these terms, please reply yes. If you would like something different, tell me, or reply no.',
        'Nothing is agreed yet: to agree to the terms above, please reply yes. If you do not want them, reply no, or tell me what to change.',
      ],
      review: [
        'Would you like me to send your proposal to a collections officer for review? Please answer yes or no.',
        'Shall I send your proposal to an officer to review? Yes or no?',
      ],
      person: [
        'Would you like me to ask a person from our team to contact you? Please answer yes or no.',
        'Shall I ask a person from our team to talk with you about it? Yes or no?',
      ],
    })[step],
};
