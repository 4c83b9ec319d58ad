import type { Catalogue } from './catalogue.ts';

export const en: Catalogue = {
  greeting: (c) =>
    `Hello, this is the virtual assistant of ${c.name}. I can help you review and resolve an account privately, at your own pace.`,
  agentAnytime: () => 'You can type "agent" at any time to talk to a person.',
  askHowToHelp: () =>
    'Before I can discuss any account, I need to confirm who you are.',
  notUnderstood: () =>
    'Sorry, I did not understand that. You can type "agent" to talk to a person.',
  technicalProblem: (c) =>
    `Sorry, something went wrong on our side. Please try again in a moment, or call us at ${c.phone} (${c.hours}).`,
};
