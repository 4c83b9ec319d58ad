import type { ConversationCatalogue, VerifyFact } from './conversation.ts';

const FACT: Record<VerifyFact, string> = {
  accountNumber: 'your account number',
  name: 'your name',
  dob: 'your date of birth',
  zip: 'your ZIP code',
  ssnLast4: 'the last 4 digits of your Social Security number',
};

const NOT_LIABLE =
  "Please know that family members are not personally responsible for a relative's debts unless they co-signed for them, and someone handling the estate pays debts from the estate's assets, not from their own money. We will not ask you for payment.";

function andList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const conversationEn: ConversationCatalogue = {
  verifyAck: (facts) => `Thank you, I have ${andList(facts.map((f) => FACT[f]))}.`,
  verifyQuestion: (question) =>
    ({
      identifier: [
        'Please tell me your account number or your full name.',
        'Please send the account number shown on our letter or email, or your first and last name.',
        'Your account number (it starts with a letter, like A-1234) or your first and last name, please.',
      ],
      dob: [
        'What is your date of birth? (for example, April 12 1985)',
        'Please write your date of birth like April 12 1985.',
        'Your date of birth, please: the month, the day and the year, for example April 12 1985.',
      ],
      factor: [
        'And your ZIP code, or the last 4 digits of your Social Security number?',
        'Please send your 5-digit ZIP code, or the last 4 digits of your Social Security number.',
        'The ZIP code of your address, or the last 4 digits of your Social Security number, please.',
      ],
    })[question],
  verifyWithoutLetter: () => [
    'That is all right, you do not need the letter. Your first and last name will do.',
    'No problem, the letter is not needed: please tell me your first and last name.',
  ],
  confirmDob: (date) => [`Did you mean ${date}? Please answer yes or no.`, `Just to be sure: is your date of birth ${date}? Yes or no?`],
  onlyAccount: () => 'This is the only account we have for you under these details. If you have a letter about another one, send me the account number on it.',
  answerAfterVerification: () =>
    'I can answer that as soon as I have confirmed who you are, because it depends on your account. I will come back to it right after.',
  notUnderstood: () => ['Sorry, I did not understand that.', 'I am sorry, I did not catch that.'],
  stuck: (verified) =>
    verified
      ? [
          'I am sorry, I am not understanding you. Here is what I can do: tell you the balance and how it adds up, explain your rights, go through payment options, or record a dispute. Or a person can help you: just type "agent".',
          'Sorry, I am still not getting it. You can pick one of these: the balance, how it adds up, your rights, payment options or a dispute. A person from our team can also help you: type "agent".',
        ]
      : [
          'I am sorry, I am not understanding you. Here is what I can do: confirm who you are so we can look at your account (send your account number or your full name), or tell you who we are and how to check us. Or a person can help you: just type "agent".',
          'Sorry, I am still not getting it. To look at an account I first need your full name or the account number from our letter. You can also ask who we are, or talk to a person: type "agent".',
        ],
  menuAgain: (paused) =>
    paused
      ? 'Is there anything else I can help with? For example the balance, how it adds up, your rights, or a person ("agent").'
      : 'Is there anything else I can help with? For example the balance, how it adds up, your rights, payment options, a dispute, or a person ("agent").',
  askEsignLater: (consent) => `One more thing, about your notices. ${consent}`,
  askEsignUnclear: () => [
    'Please answer yes to receive notices electronically, or no to get them by mail.',
    'Would you like your notices electronically (yes) or by mail (no)?',
  ],
  goalResumed: () => 'Now, about what you asked:',
  asISaid: (answer) => `As I said: ${answer}`,

  handoffQueuedClosed: (backAt, channel) =>
    channel === 'sms'
      ? `I have asked a person to join. Our team is not at work right now; they are back ${backAt} and will text you here then.`
      : `I have asked a person to join. Our team is not at work right now; they are back ${backAt}, and their messages will appear in this chat. Meanwhile I can keep helping you.`,
  waitTime: (minutes, ahead) =>
    ahead === 0
      ? `You are next in line for a person. The wait is about ${minutes} minutes.`
      : `There ${ahead === 1 ? 'is 1 person' : `are ${ahead} people`} ahead of you. The wait is about ${minutes} minutes.`,
  waitTimeClosed: (backAt) => `Our team is not at work right now. They are back ${backAt}, and your request is in line for them.`,
  notWaiting: (minutes, backAt) =>
    backAt
      ? `You are not waiting for a person right now. Our team is back ${backAt}; if you would like one of them, type "agent" and your request will be in line.`
      : `You are not waiting for a person right now. If you ask for one now, the wait is about ${minutes} minutes: just type "agent".`,
  handoffWithdrawn: () => 'All right, I have cancelled your request for a person. I am here to help.',
  handoffStays: () => 'A person still needs to review what you told us, so that stays with our team. Meanwhile I can keep helping you here.',
  handoffTaken: () => 'A person from our team already has your conversation and will answer you here.',

  ceaseReminder: () => [
    'You asked us to stop contacting you, so I have not said anything since. If you would like to talk about an account after all, I can withdraw that request. Would you like to withdraw your request to stop contact? Please answer yes or no.',
    'To talk about an account, please confirm that you want to withdraw your request to stop contact: yes or no?',
  ],
  ceaseWithdrawn: () => 'Thank you. I have withdrawn your request to stop contact, so we can talk.',
  ceaseKept: () => 'Understood. Your request stays in place, and we will not contact you. If you ever want to talk to a person, type "agent".',

  askAttorneyNameAgain: () => 'Please tell me your attorney\'s name, for example Jane Smith.',
  confirmAttorneyName: (name) => [`Is ${name} your attorney? Please answer yes or no.`, `Just to be sure: is ${name} the attorney who represents you? Yes or no?`],
  askAttorneyContactAgain: () =>
    'I need a way to reach your attorney: a phone number or email address. If you do not have it now, just say so.',
  attorneyRecordedNoName: () =>
    'Thank you. We have recorded that an attorney represents you, and we will not discuss payment with you directly. A person from our team will follow up to get your attorney\'s details.',
  attorneyRecordedNoContact: (name) =>
    `Thank you. We have recorded that ${name} represents you, and we will not discuss payment with you directly. A person from our team will find your attorney's contact details and follow up with them.`,

  deathCondolence: () => `I am so sorry for your loss. ${NOT_LIABLE}`,
  familyNotLiable: () => NOT_LIABLE,
  askDeathDetails: ({ identifier, estate }) =>
    identifier && estate
      ? [
          'If you would like, I can pass this on so collection stops. Could you tell me the account number from the letter, or your relative\'s full name? And who is handling the estate, with a phone number or email address? If you would rather not, that is fine.',
          'The account number from the letter or your relative\'s first and last name, and a name with a phone number or email for whoever handles the estate, please. If you would rather not, that is fine.',
        ]
      : identifier
        ? ['Could you tell me the account number from the letter, or your relative\'s full name?', 'The account number on the letter, or your relative\'s first and last name, please.']
        : [
            'And who is handling the estate, with a phone number or email address? If nobody is yet, just say so.',
            'A name with a phone number or email for whoever handles the estate, please, or tell me if you do not know.',
          ],
  deathDetailsNoted: () => 'Thank you, I have noted that.',
  deathNothingToPay: () =>
    "No. There is nothing you need to pay: unless you co-signed for it, a relative's debt is not yours, and any debts are paid from the estate's assets, not from family members' own money.",
  deathRecorded: () =>
    'Thank you. I have passed this on to our team, with a request to stop collection while a person reviews it. They will contact whoever is handling the estate. You do not need to do anything else, and we will not ask you for payment.',
  deathDetailsAdded: () => 'Thank you. I have passed that on as well, so our team can contact the estate. There is nothing else you need to do.',
  afterDeathReport: () => [
    'There is nothing you need to pay or do here. A person from our team will follow up about the estate. If you would like to talk to them, type "agent".',
    'A person from our team will be in touch about this; you do not need to do anything. Type "agent" if you would like to talk to them sooner.',
  ],

  deathGoodbye: () => [
    'You are welcome. There is nothing you need to pay or do. I am so sorry again for your loss; please take care of yourself.',
    'Take care. If you ever need us, you can write here, or type "agent" to reach a person.',
  ],

  chooseAccount: (accounts) => {
    const list = accounts.map((a, i) => `${i + 1}. ${a.maskedAccountNumber} with ${a.creditor}: ${a.current}`).join('\n');
    const short = accounts.map((a, i) => `${i + 1} for ${a.maskedAccountNumber}`).join(', ');
    return [`You have ${accounts.length} accounts with us. Which one would you like to talk about?\n${list}\nReply with its number.`, `Please reply with the number of the account: ${short}.`];
  },
};
