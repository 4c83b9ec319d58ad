import type { TurnContext } from 'botbuilder';
import type { Language } from '../messages/catalogue.ts';

/** The debtor's language before we know the account: from the channel's locale ("es-US" -> es). */
export function languageOf(context: TurnContext): Language {
  const locale = context.activity.locale ?? '';
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}
