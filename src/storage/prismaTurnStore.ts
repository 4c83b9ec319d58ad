/**
 * The turn's statements through Prisma (see turnStore.ts): the same reads and writes as the SQLite
 * prepared statements, for a database whose hot statements are not written yet.
 */
import { loadTurnAccount, type TurnAccount } from '../accounts/turnAccount.ts';
import { appendMessages } from '../conversations/transcript.ts';
import type { Db, Tx } from '../db/database.ts';
import { ETagConflictError } from './prismaStorage.ts';
import { inTransaction } from '../db/transactions.ts';
import { verifiedAccountIdIn, type RecentMessages, type TurnOpening, type TurnOpenRequest, type TurnStore, type TurnWrites } from './turnStore.ts';

export class PrismaTurnStore implements TurnStore {
  constructor(private readonly db: Db) {}

  async open({ key, stateKey, conversationExternalId }: TurnOpenRequest): Promise<TurnOpening> {
    const [processed, journal, state, conversation] = await Promise.all([
      key ? this.db.processedEvent.findUnique({ where: { id: key }, select: { id: true } }) : null,
      key ? this.db.turnEffect.findMany({ where: { turnKey: key }, orderBy: { seq: 'asc' }, select: { seq: true, op: true, resultJson: true } }) : [],
      stateKey ? this.db.botState.findUnique({ where: { key: stateKey }, select: { eTag: true, data: true } }) : null,
      conversationExternalId
        ? this.db.conversation.findUnique({ where: { externalId: conversationExternalId }, select: { id: true, holder: true, accountId: true, lastActivityAt: true } })
        : null,
    ]);
    const accountId = verifiedAccountIdIn(state?.data);
    return { done: processed !== null, journal, state, conversation, account: accountId ? await this.account(accountId) : null };
  }

  account(accountId: string): Promise<TurnAccount | null> {
    return loadTurnAccount(this.db, accountId);
  }

  ensureConversation(externalId: string, channel: string): Promise<{ id: string; holder: string; accountId: string | null }> {
    return this.db.conversation.upsert({
      where: { externalId },
      create: { externalId, channel },
      update: { lastActivityAt: new Date() },
      select: { id: true, holder: true, accountId: true },
    });
  }

  async recentDebtorMessages(conversationId: string, { limit, since }: RecentMessages): Promise<Array<{ id: string; text: string }>> {
    const rows = await this.db.message.findMany({
      where: { conversationId, direction: 'in', author: 'debtor', createdAt: { gte: since } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { id: true, text: true },
    });
    return rows.reverse();
  }

  async commit(writes: TurnWrites, more?: (tx: Tx) => Promise<void>): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await writeWithPrisma(tx, writes);
      if (more) await more(tx);
    });
  }
}

export async function writeWithPrisma(tx: Tx, writes: TurnWrites): Promise<void> {
  if (writes.processed) await tx.processedEvent.create({ data: { id: writes.processed.id, source: writes.processed.source, processedAt: writes.processed.at } });
  const state = writes.state;
  if (state) {
    if (state.readETag === null) {
      await tx.botState.create({ data: { key: state.key, eTag: state.eTag, data: state.data, updatedAt: state.at } });
    } else {
      const updated = await tx.botState.updateMany({ where: { key: state.key, eTag: state.readETag }, data: { eTag: state.eTag, data: state.data, updatedAt: state.at } });
      if (updated.count !== 1) throw new ETagConflictError([state.key]);
    }
  }
  await appendMessages(tx, writes.messages);
  if (writes.touchConversation) await tx.conversation.update({ where: { id: writes.touchConversation.id }, data: { lastActivityAt: writes.touchConversation.at } });
  if (writes.clearJournalOf) await tx.turnEffect.deleteMany({ where: { turnKey: writes.clearJournalOf } });
}
