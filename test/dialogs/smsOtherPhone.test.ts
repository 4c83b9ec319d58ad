import { describe, expect, it } from 'vitest';
import { freshBotForEachTest, playTable as play, smsConversation } from '../helpers/conversation.ts';

/**
 * By SMS the phone the message comes from identifies the debtor — but a debtor texting from a new
 * number, or a phone not on file, could never verify: the account number they typed was ignored
 * (seen in session 7). An account number typed by SMS identifies them instead, with the same
 * factors as on the web; a failed attempt by SMS says so, without saying which detail failed.
 */
const bot = freshBotForEachTest();

describe('by SMS from a phone not on file', () => {
  it('Spanish: account number, date of birth and ZIP in one text verify', async () => {
    const conversation = smsConversation(bot(), '+15125550199', 'es-US');
    await play(conversation, [
      { says: 'hola', must: ['fecha de nacimiento'] },
      { says: 'cuenta A-1002, 2 de noviembre de 1979, 78201', must: ['Su identidad está confirmada'], mustNot: ['No pude confirmar'] },
    ]);
  });

  it('English: a failed attempt tells how to identify from another number, and never which detail failed; then the account number verifies', async () => {
    const conversation = smsConversation(bot(), '+15125550198');
    await play(conversation, [
      { says: 'hi', must: ['date of birth'] },
      { says: 'march 14 1985, 30301', must: ['If you are texting from a number we may not have, send your account number'], mustNot: ['phone number is not', 'no account'] },
      { says: 'A-1001 march 14 1985 30301', must: ['You are verified'] },
    ]);
  });

  it('the account number with a wrong date of birth still fails', async () => {
    const conversation = smsConversation(bot(), '+15125550197');
    await conversation.say('hi');
    const replies = await conversation.say('A-1001 march 15 1985 30301');
    expect(replies.join('\n')).not.toMatch(/verified/);
  });
});
