import type { OutreachCatalogue } from './outreach.ts';

export const outreachEn: OutreachCatalogue = {
  locale: 'en-US',
  // Short: the footer (who we are: a debt collector; STOP) is added to every part.
  smsFirst: (name, c) =>
    `Hi ${name}, this is an attempt to collect a debt; any information obtained will be used for that purpose. Reply here or call ${c.phone}.`,
  emailSubject: (c) => `A message from ${c.name}`,
  emailFirst: (name, c) =>
    `Hello ${name},\n\nThis is ${c.name}. We would like to talk with you privately about a personal business matter. You can reach us in our chat at any time, or call us at ${c.phone} (${c.hours}).`,
  emailChat: (link) => `Talk with us in our secure chat: ${link}\nBefore we discuss anything, the chat asks a few questions to confirm it is you.`,
  emailChatButton: 'Open the chat',
  emailNoticeFollows: (link) =>
    `Your validation notice follows. It explains the debt and your rights. Please keep it; you can also open, save or print it here: ${link}`,
  emailDisclosure: (c) =>
    `${c.name} is a debt collector. We are attempting to collect a debt, and any information obtained will be used for that purpose.`,
  emailOptOut: (link) => `To stop emails from us, open this link: ${link}`,
  emailOptOutLink: 'Stop emails from us',
  emailFooter: (c) => `${c.name}, ${c.address}. ${c.phone} (${c.hours}).`,
  unsubscribedTitle: 'You will not get more emails from us',
  unsubscribedBody: (c) =>
    `We have recorded your request: ${c.name} will not send more emails to this address. If you change your mind, or want to reach us another way, call ${c.phone} (${c.hours}).`,
  unsubscribeInvalidTitle: 'This link is not valid',
  unsubscribeInvalidBody: (c) => `We could not read this link. To stop our emails, call ${c.phone} (${c.hours}) or reply to our email.`,
};
