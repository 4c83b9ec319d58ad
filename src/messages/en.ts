import type { Catalogue } from './catalogue.ts';

const CFPB = 'www.cfpb.gov/debt-collection';

export const en: Catalogue = {
  locale: 'en-US',
  greeting: (c) =>
    `Hello, this is the virtual assistant of ${c.name}. I can help you review and resolve an account privately, at your own pace.`,
  agentAnytime: () => 'You can type "agent" at any time to talk to a person.',
  askIdentifier: () =>
    'Before I can discuss any account, I need to confirm who you are. Please tell me your account number or your full name.',
  askIdentifierAgain: () =>
    'Please send the account number shown on our letter or email, or your first and last name.',
  askDob: () => 'Thank you. What is your date of birth? (for example, April 12 1985)',
  askDobFirst: () =>
    'Before I can discuss any account, I need to confirm who you are. What is your date of birth? (for example, April 12 1985)',
  askDobAgainAmbiguous: () =>
    'I want to be sure I read that date correctly. Please write the month as a word, for example April 5 1985.',
  askDobInvalid: () => 'I could not read that as a date. Please write your date of birth like April 12 1985.',
  askFactor: () => 'And your ZIP code, or the last 4 digits of your Social Security number?',
  askFactorInvalid: () => 'Please send your 5-digit ZIP code, or the last 4 digits of your Social Security number.',
  verifyFirst: () => 'I can help with that as soon as I have confirmed who you are.',
  verifyFirstToRecord: () =>
    'I can record that for you. First I need to confirm who you are, so it goes on the right record.',
  verifyFailed: () => 'I could not confirm those details. Let us try again.',
  verifyFailedBySms: () => 'I could not confirm those details. Let us try again. If you are texting from a number we may not have, send your account number with your date of birth and ZIP code.',
  verifyExhausted: (c) =>
    `I am sorry, I could not confirm your identity. For your security, please try again later, or type "agent" to talk to a person. You can also call us at ${c.phone} (${c.hours}).`,
  verificationExpired: () => 'It has been a while, so for your security I need to confirm who you are again.',
  verified: (firstName) => `Thank you, ${firstName}. You are verified.`,
  disclosure: (c) =>
    `${c.name} is a debt collector. We are attempting to collect a debt, and any information obtained will be used for that purpose.`,
  balanceSummary: (a) =>
    `Your account ${a.maskedAccountNumber} with ${a.creditor} has a current balance of ${a.current}. The original creditor was ${a.originalCreditor}.`,
  itemization: (a) =>
    `Here is how the balance adds up. On ${a.itemizationDate} the amount owed was ${a.itemizationAmount}. Since then: interest ${a.interest}, fees ${a.fees}, payments ${a.payments} and credits ${a.credits}. That makes ${a.current} today. If anything here looks wrong, you can dispute all or part of it.`,
  rightsSummary: (a) =>
    `Your rights: until ${a.validationEnds} you can dispute all or part of this debt, or ask for the name and address of the original creditor. If you do, we must stop collection on the part you dispute until we send you verification. You can do it right here: just tell me, in your own words. You can learn more about your rights at ${CFPB}.`,
  askEsign: () =>
    'We can give you your validation notice electronically, as a page you can save or print. Do you agree to receive notices about this account electronically? You can withdraw consent at any time or ask for paper copies. Please answer yes or no.',
  askEsignAgain: () => 'Please answer yes to receive notices electronically, or no to get them by mail.',
  esignAccepted: (link) => `Thank you. Here is your validation notice, which you can save or print: ${link}`,
  esignDeclined: () => 'No problem. We will mail the validation notice to the address we have on file.',
  noticeLink: (link) => `Your validation notice is here, to save or print: ${link}`,
  esignWithdrawn: () =>
    'Done. We have recorded that you withdrew your consent to electronic notices. From now on we will send notices about this account by mail, and we will mail a paper copy of your validation notice to the address we have on file.',
  noticesByMail: () => 'We send notices about this account by mail, to the address we have on file, not electronically.',
  verifyFirstToChangeNotices: () =>
    'I can change that for you, but first I need to confirm who you are. Once you are verified, please tell me again.',
  menu: (paused) =>
    paused
      ? 'What would you like to do? You can ask about the balance, why it is this amount, your rights, or talk to a person.'
      : 'What would you like to do? You can ask about the balance, why it is this amount, your rights, payment options, dispute it, or talk to a person.',
  paymentThroughPerson: () =>
    'A person from our team can set up a payment or a plan with you. Type "agent" whenever you are ready; there is no rush.',
  collectionPaused: (reason) =>
    ({
      dispute: 'Collection on this account is paused while your dispute is reviewed, so we will not ask you for payment. If you did not mean to dispute it, or would like to pay anyway, type "agent" and a person can help.',
      cease: 'You asked us to stop contacting you about this account, so we will not ask you for payment.',
      attorney: 'Because you are represented by an attorney, we will not discuss payment with you directly.',
      bankruptcy: 'Collection on this account is paused while the bankruptcy information is reviewed.',
      deceased: 'Collection on this account is paused while a person reviews what you told us.',
      military: 'Collection on this account is paused while a person reviews the protections for active duty.',
      identity_theft: 'Collection on this account is paused while your identity theft report is reviewed.',
    })[reason],
  disputeCheck: () =>
    'It sounds like you think some of this may not be right. Would you like to dispute it? If you do, I record it in your own words, and we stop collecting the part you dispute until we have verified it and sent you the verification. You can also first ask to see how the balance adds up. Please answer yes or no.',
  paidJustNow: () => 'If you meant a different payment, made before today some other way, tell me and I will record it as a dispute.',
  disputeOffered: () =>
    'Would you like to dispute it now? If you do, I record it in your own words, and we stop collecting the part you dispute until we have verified it and sent you the verification. Please answer yes or no.',
  disputeNotRecorded: () =>
    'All right, I have not recorded a dispute. If you want to dispute all or part of this debt later, just tell me in your own words.',
  disputeAdded: () =>
    'I have added this to your dispute, in your own words. Collection stays paused until we have verified the debt and sent you the verification, and the officer reviewing it will see everything you wrote.',
  disputeRecorded: () =>
    'I have recorded your dispute, in your own words. We will stop collecting on this debt until we have verified it and sent you the verification. A collections officer will review it and contact you. You do not need to do anything else now.',
  originalCreditorRecorded: () =>
    'I have recorded your request for the name and address of the original creditor. We will pause collection until we have sent it to you. A collections officer will follow up.',
  ceaseConfirmed: () =>
    'Understood. We have recorded your request and will stop contacting you about this account. We may still send notices the law requires. If you ever want to talk to us again, type "agent".',
  ceaseNoted: () =>
    'Understood. I have noted your request to stop contact, and a person will apply it to your record. If you ever want to talk to us again, type "agent".',
  askAttorneyName: () => 'Thank you for telling me. What is your attorney\'s name?',
  askAttorneyContact: () => 'And your attorney\'s phone number or email address?',
  attorneyContactConfirmed: (name, contact) => `Yes: we have ${name} at ${contact}. A person from our team will follow up with them.`,
  attorneyContactChanged: (name, contact) => `Thank you. I have changed ${name}'s contact to ${contact}, and a person from our team will follow up with them.`,
  attorneyRecorded: (name) =>
    `Thank you. We have recorded that ${name} represents you, and we will contact your attorney instead of you about this account. A person from our team will follow up with them.`,
  attorneyNoted: () =>
    'Thank you. I have noted your attorney\'s details, and a person from our team will apply them to your record and contact your attorney instead of you.',
  statusRecorded: (status) =>
    ({
      bankruptcy: 'Thank you for letting us know. We have paused collection, and a person will review the bankruptcy information and follow up.',
      deceased: 'I am very sorry for your loss. We have noted it and paused collection. A person from our team will follow up with you gently about what happens next.',
      military: 'Thank you for letting us know. We have noted your active-duty status and paused collection. A person will review the protections that apply to you.',
      identity_theft: 'I am sorry this happened. We have noted your identity theft report and paused collection. A person will contact you about next steps.',
    })[status],
  statusNoted: () => 'Thank you for letting us know. A person from our team will review this and follow up with you.',
  hardshipBeforeVerification: () =>
    'I am sorry you are going through this. There is no pressure here. Once I have confirmed who you are, I can tell you about the options, or you can type "agent" to talk to a person.',
  hardship: () =>
    'I am sorry you are going through this. There is no pressure here. The creditor has hardship options, with smaller payments over a longer time. A person from our team can go through them with you whenever you are ready: type "agent".',
  crisis: () =>
    'I am really sorry you are feeling this way. You matter more than any bill. Please call or text 988, the Suicide & Crisis Lifeline: it is free, confidential and open 24 hours a day. If you are in immediate danger, call 911. I have asked a person from our team to reach out to you.',
  crisisAgain: () => [
    'I hear you, and I am glad you are still talking to me. You do not have to go through this alone: please call or text 988 now, at any hour. If you might act on these thoughts or are in danger, call 911. I have asked again for a person from our team to reach out to you first.',
    'Thank you for telling me. What you are feeling matters more than any bill. Please call or text 988 to talk with someone right now; it is free and open day and night. If you are in danger, call 911. A person from our team is being asked to reach out to you as a priority.',
  ],
  crisisSafeNow: () => [
    'I am glad you are safe. Feeling worn out by all of this makes sense, and there is no rush here. A person from our team has been asked to reach out to you, and you can call or text 988 at any time, day or night.',
    'Thank you for letting me know you are safe. There is no pressure here. Someone from our team will reach out to you, and 988 is there at any hour if things get heavier.',
  ],
  crisisPaymentLater: () =>
    'We can look at payments another time: nothing is due now, and I will not ask you for a payment in this conversation. A person from our team will reach out and can go through small payments with you. If you would rather they text than call, just tell me.',
  crisisFollowUp: () => [
    'A person from our team has been asked to reach out to you first, when the team is at work. Right now, if you are in danger, call 911; you can call or text 988 at any time, day or night.',
    'I am still here. Someone from our team has been asked to reach out to you. You can call or text 988 at any time, and if you are in danger, please call 911.',
  ],
  abusiveFirst: () =>
    'I understand this is frustrating, and I am here to help. Let us keep the conversation respectful. You can also type "agent" to talk to a person.',
  abusiveHandoff: () => 'I am going to ask a person from our team to continue this conversation with you.',
  handoffQueued: (minutes, channel) =>
    channel === 'sms'
      ? `I have asked a person to join. The expected wait is about ${minutes} minutes; they will text you here.`
      : `I have asked a person to join. The expected wait is about ${minutes} minutes. Please keep this chat open; their messages will appear here.`,
  cardNumberRemoved: () =>
    'For your security, please do not type card numbers in this chat. I have removed it. Payments are only taken on our secure payment page.',
  languageSwitched: () => 'OK, I will continue in English.',
  notUnderstood: () => 'Sorry, I did not understand that. You can type "agent" to talk to a person.',
  thanks: () => 'You are welcome. I am here whenever you need me.',
  technicalProblem: (c) =>
    `Sorry, something went wrong on our side. Please try again in a moment, or call us at ${c.phone} (${c.hours}).`,
};
