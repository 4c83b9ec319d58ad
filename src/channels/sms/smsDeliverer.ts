/**
 * Delivers one SMS outbox message through an {@link SmsProvider}: splits it into numbered parts,
 * appends the debt-collector + STOP footer to every part of a bot-initiated message (DESIGN 2),
 * and sends the parts in order. Progress is kept in the row's providerRef (the parts' carrier ids,
 * comma-separated), so a retry after a partial failure resumes with the first unsent part.
 *
 * Before a part goes to the carrier its number is recorded (partPending). If the process dies
 * while the carrier holds it, the next attempt finds that mark and asks the carrier whether it
 * accepted the part (provider.findAccepted) before sending it: a part is never sent twice.
 *
 * The policy gates (opt-out, quiet hours, weekly cap) run in the outbox worker before this; the
 * opt-out is checked again right before every part.
 */
import type { Db } from '../../db/database.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import type { Logger } from '../../logger.ts';
import { splitSms, toGsmLookalikes } from '../../domain/smsText.ts';
import { smsMessagesFor, type SmsSender } from '../../messages/sms.ts';
import type { OutboxDeliverer } from '../../outbox/outbox.ts';
import { DeliveryCancelledError } from './outboxWorker.ts';
import type { SmsProvider } from './providers.ts';
import { isSmsOptedOut, languageForMessage, survivesOptOut } from './recipients.ts';

/**
 * The texts a message goes out as: typographic characters replaced by GSM-7 look-alikes (so a
 * bullet in "••1001" does not force 70-character UCS-2 parts), then numbered parts, each with the
 * footer when bot-initiated.
 */
export function composeSmsParts(body: string, options: { botInitiated: boolean; footer: string }): string[] {
  return splitSms(toGsmLookalikes(body), options.botInitiated ? { footer: toGsmLookalikes(options.footer) } : {});
}

/** Clock difference allowed between us and the carrier when asking what it accepted. */
const IN_DOUBT_SKEW_MS = 2 * 60_000;

export interface SmsDelivererOptions {
  db: Db;
  provider: SmsProvider;
  /** Our E.164 sending number (smsFromNumber(config)). */
  from: string;
  /** Collector name, help phone, weekly cap — for the footer. */
  sender: SmsSender;
  logger?: Logger;
}

export class SmsDeliverer implements OutboxDeliverer {
  readonly channel = 'sms' as const;
  constructor(private readonly options: SmsDelivererOptions) {}

  /** The parts this message is (or was) sent as. */
  async partsOf(message: OutboxMessage): Promise<string[]> {
    const language = await languageForMessage(this.options.db, message);
    // A receipt is sent at once like a reply, but it stands on its own outside the chat: it says who sends it (DESIGN 2).
    const footed = message.botInitiated || message.kind === 'receipt';
    return composeSmsParts(message.body, { botInitiated: footed, footer: smsMessagesFor(language).footer(this.options.sender) });
  }

  async deliver(message: OutboxMessage): Promise<{ providerRef?: string }> {
    const { db, provider, from } = this.options;
    const parts = await this.partsOf(message);
    const refs = message.providerRef ? message.providerRef.split(',').filter(Boolean) : [];
    for (let i = refs.length; i < parts.length; i++) {
      if (!survivesOptOut(message) && (await isSmsOptedOut(db, message.to))) {
        throw new DeliveryCancelledError('recipient opted out of SMS');
      }
      const request = { to: message.to, from, body: parts[i]! };
      // An earlier attempt handed this part over and never heard back: did the carrier take it?
      const inDoubt = message.partPending === i && message.partPendingAt && provider.findAccepted;
      const earlier = inDoubt ? await provider.findAccepted!(request, new Date(message.partPendingAt!.getTime() - IN_DOUBT_SKEW_MS)) : null;
      let providerRef: string;
      if (earlier) {
        providerRef = earlier.providerRef;
        this.options.logger?.info({ outboxId: message.id, part: i + 1, parts: parts.length, provider: provider.name, providerRef }, 'sms part already accepted before a restart: not sent again');
      } else {
        await db.outboxMessage.update({ where: { id: message.id }, data: { partPending: i, partPendingAt: new Date() } });
        providerRef = (await provider.send(request)).providerRef;
        this.options.logger?.debug({ outboxId: message.id, part: i + 1, parts: parts.length, provider: provider.name, providerRef }, 'sms part accepted');
      }
      refs.push(providerRef);
      await db.outboxMessage.update({ where: { id: message.id }, data: { providerRef: refs.join(','), partPending: null, partPendingAt: null } });
    }
    return { providerRef: refs.join(',') };
  }
}
