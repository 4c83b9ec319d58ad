import { numberList, type RepliesCatalogue } from './replies.ts';

export const repliesEn: RepliesCatalogue = {
  yesNo: () => [
    { label: 'Yes', value: 'yes' },
    { label: 'No', value: 'no' },
  ],
  menu: (paused) =>
    paused
      ? [
          { label: 'My balance', value: 'my balance' },
          { label: 'Why this amount', value: 'why is it this amount' },
          { label: 'My rights', value: 'my rights' },
          { label: 'Talk to a person', value: 'agent' },
        ]
      : [
          { label: 'My balance', value: 'my balance' },
          { label: 'Why this amount', value: 'why is it this amount' },
          { label: 'My rights', value: 'my rights' },
          { label: 'Payment options', value: 'payment options' },
          { label: 'Dispute it', value: 'I dispute this debt' },
          { label: 'Talk to a person', value: 'agent' },
        ],
  beforeVerification: () => [{ label: 'Who you are', value: 'who are you' }, { label: 'Talk to a person', value: 'agent' }],
  paymentOptions: (offered) => [
    { label: 'Pay in full', value: 'pay in full' },
    ...(offered.settlement ? [{ label: 'Settle', value: 'settle' }] : []),
    ...(offered.plan ? [{ label: 'Payment plan', value: 'payment plan' }] : []),
    { label: 'Talk to a person', value: 'agent' },
  ],
  link: (kind) => ({ pay: 'Pay securely', notice: 'Open your notice', record: 'Open your record', other: 'Open the page' })[kind],
  smsChoices: (choices) => `${choices.map((c, i) => `${i + 1} ${c.label}`).join('\n')}\nReply ${numberList(choices.length, 'or')}.`,
  cards: {
    itemizationTitle: 'How the balance adds up',
    recapTitle: 'Terms to review',
    receiptTitle: 'Payment receipt',
  },
};
