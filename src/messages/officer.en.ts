import type { OfferFacts, OfficerCatalogue } from './officer.ts';

const NOTHING_UNTIL_YES = 'Nothing is agreed or charged unless you say yes.';
const RIGHTS = 'Agreeing to these terms does not affect your right to dispute this debt or to ask for the name and address of the original creditor.';

function howToAnswer(offer: OfferFacts): string {
  const lines = [offer.recap];
  if (offer.rightsOpen) lines.push(RIGHTS);
  lines.push('Reply YES to agree to these terms, or NO if you do not want them. You can also type "agent" to talk to a person.');
  return lines.join('\n');
}

export const officerEn: OfficerCatalogue = {
  locale: 'en-US',

  officerJoined: (name) => `${name}, a member of our team, has joined this conversation and will reply here.`,

  handedBack: () => 'You are back with our virtual assistant. If you would like to talk to a person again, type "agent" at any time.',

  resolved: () => 'Our team member has closed this conversation. You can write here any time if you need anything else.',

  proposalApproved: (offer) => `A collections officer has reviewed your proposal and approved it. ${NOTHING_UNTIL_YES}\n${howToAnswer(offer)}`,

  proposalCountered: (offer) =>
    `A collections officer has reviewed your proposal. They cannot approve it as it was, but they can offer you these terms instead. ${NOTHING_UNTIL_YES}\n${howToAnswer(offer)}`,

  termsOffered: (offer) => `Here are the terms we talked about, written out so you can check them. ${NOTHING_UNTIL_YES}\n${howToAnswer(offer)}`,

  proposalRejected: () =>
    'A collections officer has reviewed your proposal and cannot accept it. Nothing has been agreed or charged. Whenever you like, you can ask me for your payment options again, or type "agent" to talk to a person.',

  pendingOffer: () => 'Before we go on: a collections officer sent you the terms below, and they are waiting for your answer.',

  offerDeclined: () =>
    'No problem: nothing has been agreed or charged. Whenever you like, you can ask me for your payment options again, or type "agent" to talk to a person.',

  offerWithdrawn: () =>
    'Something on your account has changed since the officer sent those terms (the balance or the payment dates), so they cannot be set up as they were. Nothing has been agreed or charged. You can ask me for your payment options again, or type "agent" to talk to a person.',
};
