import type { CheckInCatalogue } from './checkIn.ts';

export const checkInEn: CheckInCatalogue = {
  ask: () =>
    'I am sorry things feel this heavy right now. Before anything else, I want to check on you: are you safe right now? You can answer yes or no.',
  safe: () =>
    'Thank you for telling me. There is no rush and no pressure here. If it ever feels like too much, you can call or text 988 at any time, day or night. Whenever you are ready, we can pick up where we were, or type "agent" to talk to a person.',
};
