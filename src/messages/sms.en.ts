import type { SmsCatalogue } from './sms.ts';

export const smsEn: SmsCatalogue = {
  optOutConfirmed: (s) => `${s.name}: You have opted out and will not receive any more text messages from us. Reply START to resume.`,
  optInConfirmed: (s) =>
    `${s.name}: You will receive text messages from us again. Msg & data rates may apply. Reply HELP for help, STOP to opt out.`,
  help: (s) =>
    `${s.name}: messages about your account. For help call ${s.helpPhone}. Msg frequency varies: up to ${s.weeklyCap} a week, plus replies to your texts. Msg & data rates may apply. Reply STOP to opt out.`,
  footer: (s) => `${s.name} is a debt collector. Reply STOP to opt out.`,
};
