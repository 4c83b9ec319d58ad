import type { PaymentPurpose, PaymentsCatalogue, ReceiptFacts } from './payments.ts';

const PURPOSE: Record<PaymentPurpose, string> = {
  full: 'payment in full',
  settlement: 'settlement payment',
  down_payment: 'first payment of your plan',
  installment: 'plan payment',
  update_card: 'card for your plan payments',
};

function receipt(r: ReceiptFacts): string {
  const parts = [`Thank you. We received your payment of ${r.amount} on ${r.date} (reference ${r.reference}).`];
  if (r.settled) {
    parts.push('Your settlement is complete: this account is resolved and nothing more is owed on it.');
  } else {
    parts.push(`Your remaining balance is ${r.balance}.`);
    if (r.planCompleted && r.balanceIsZero) parts.push('Your plan is complete and this account is paid in full.');
    else if (r.planCompleted) parts.push('Your payment plan is complete.');
    else if (r.balanceIsZero) parts.push('This account is paid in full.');
  }
  if (r.next && !r.planCompleted) parts.push(`Your next scheduled payment is ${r.next.amount} on ${r.next.date}.`);
  return parts.join(' ');
}

const HELP = 'If you would like to change your plan or talk it through, reply here or type "agent" to talk to a person.';

export const paymentsEn: PaymentsCatalogue = {
  locale: 'en-US',
  checkoutLocale: 'en',
  receipt,
  reminder: (r) =>
    `A reminder: your scheduled payment of ${r.amount} will be charged on ${r.date} to the card you saved. You do not need to do anything. ${HELP}`,
  paymentFailed: (r) => {
    const lead = {
      authentication_required: `We tried to take your scheduled payment of ${r.amount} due ${r.date}, but your bank asked you to confirm it first, so no money was taken.`,
      declined: `Your scheduled payment of ${r.amount} due ${r.date} did not go through, and no money was taken.`,
      retries_exhausted: `We tried a few times to take your scheduled payment of ${r.amount} due ${r.date}, but it did not go through. No money was taken.`,
      bank_payment_failed: `Your bank payment of ${r.amount} did not go through, and no money was taken.`,
    }[r.reason];
    const how =
      r.reason === 'bank_payment_failed'
        ? `You can pay on our secure page with the same or another method: ${r.link}`
        : `You can pay it on our secure page, with the same card or another one: ${r.link} The card you use there will be used for your next scheduled payments.`;
    return `${lead} ${how} ${HELP}`;
  },
  duplicateRefunded: (r) =>
    `We received two payments of ${r.amount} for the same thing, so we have refunded the second one to the card or account it came from. Refunds usually appear within 5 to 10 business days.`,
  webSignature: (collector) => `— ${collector}, a debt collector.`,
  checkoutDescription: (r) => `${r.collector}: ${PURPOSE[r.purpose]}, account ${r.account}`,
  pages: {
    documentTitle: 'Secure payment',
    linkInvalid: {
      title: 'This payment link is not valid',
      body: 'This link is not valid anymore, or it was not copied completely. No payment was taken. Please ask in the chat, or reply to our text message, for a new link.',
    },
    alreadyPaid: {
      title: 'Already paid',
      body: 'We have already received this payment. Thank you. Nothing more is needed for it, and it will not be charged again.',
    },
    notAuthorized: {
      title: 'This payment is not ready',
      body: 'We do not have your agreement to these payment terms on record, so we have not started this payment. Please go back to the chat to review and confirm the terms, or type "agent" to talk to a person.',
    },
    planClosed: {
      title: 'This plan is closed',
      body: 'This payment plan has been cancelled or closed, so this link cannot be used. If you would like to make a payment, please ask in the chat for a new link.',
    },
    amountChanged: {
      title: 'The amount has changed',
      body: 'The balance on this account has changed since this link was made, so we have not started the payment. Please ask in the chat for a new link.',
    },
    unsupported: {
      title: 'This link cannot be used here',
      body: 'This kind of link cannot be opened on this page. No payment was taken. Please ask in the chat for a new link.',
    },
    unavailable: {
      title: 'The payment page is not available',
      body: 'We could not open the secure payment page just now. No payment was taken. Please try your link again in a few minutes.',
    },
    complete: {
      title: 'Thank you',
      body: 'Your payment has been submitted. We will send your receipt in the chat or by text message. You can close this page.',
    },
    receipt: {
      title: 'Payment receipt',
      amount: 'Amount paid',
      date: 'Date',
      balance: 'Remaining balance',
      next: 'Next scheduled payment',
      keep: 'Thank you. This page is your receipt: you can print it or save it. We also send it in the chat or by text message.',
      print: 'Print this receipt',
    },
    confirming: {
      title: 'Confirming your payment',
      body: 'Your payment was submitted and we are confirming it with the card network. This page will show your receipt in a few seconds.',
    },
    cancelled: {
      title: 'No payment was taken',
      body: 'You left the payment page, so nothing was charged. You can open your link again whenever you like, or ask in the chat if you have any questions.',
    },
  },
  demo: {
    banner: 'DEMO — this is not a real payment page. No real money is taken and no card details are needed.',
    title: 'Demo checkout',
    explain: 'These buttons stand in for what a card can do on a real payment page.',
    amountLabel: 'Amount',
    forLabel: 'For',
    pay: 'Pay (demo)',
    decline: 'Card declined (demo)',
    requiresAuthentication: 'Card requires authentication (demo)',
    authentication: {
      title: 'Your bank asks you to confirm this payment (demo)',
      body: 'A real bank would show its own confirmation step here. A card that asks for confirmation here will also ask again for later scheduled payments.',
    },
    authenticationConfirm: 'Confirm (demo)',
    authenticationCancel: 'Do not confirm (demo)',
    declined: { title: 'The card was declined (demo)', body: 'No money was taken. You can try again.' },
    authenticationFailed: { title: 'The payment was not confirmed (demo)', body: 'No money was taken. You can try again.' },
    backToCheckout: 'Back to the demo checkout',
    unknownSession: {
      title: 'This demo checkout is not available',
      body: 'This demo checkout page is not available anymore. Open your payment link again to start a new one.',
    },
    alreadyComplete: { title: 'This demo checkout is complete', body: 'This payment has already been submitted. You can close this page.' },
    deliveryFailed: {
      title: 'The demo could not record this payment',
      body: 'Nothing was recorded and no money was taken. Please try again in a moment.',
    },
  },
};
