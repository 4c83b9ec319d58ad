/**
 * The statements every turn runs, as a small repository (issue 14 item 2): what a turn needs is
 * read in one statement when it starts (is the activity already processed? an earlier attempt's
 * journal, the conversation state, the conversation record, the verified account with its creditor
 * and plans), and what it changed is written in one transaction at its end (processed mark, state,
 * transcript rows, conversation touch). Everything else stays on Prisma.
 *
 * Prepared statements on the driver under Prisma (sqlDriverOf): better-sqlite3 for SQLite
 * (sqliteTurnStore.ts), the pg pool for PostgreSQL (postgresTurnStore.ts) — Prisma's JS engine
 * compiles every request, which cost more than everything else in a turn. Prisma itself
 * (prismaTurnStore.ts) for a client opened some other way. `turnStoreFor(db)` picks by the driver.
 */
import { randomUUID } from 'node:crypto';
import type { TurnAccount } from '../accounts/turnAccount.ts';
import type { TranscriptMessage } from '../conversations/transcript.ts';
import { sqlDriverOf, type Db, type Tx } from '../db/database.ts';
import { PostgresTurnStore } from './postgresTurnStore.ts';
import { PrismaTurnStore } from './prismaTurnStore.ts';
import { SqliteTurnStore } from './sqliteTurnStore.ts';

export interface JournalRow {
  seq: number;
  op: string;
  resultJson: string;
}

export interface ConversationRecord {
  id: string;
  holder: string;
  accountId: string | null;
  lastActivityAt: Date;
}

export interface TurnOpening {
  /** The inbound activity was already processed (a replay): the turn must not run. */
  done: boolean;
  /** An earlier attempt's journal (a re-run after a crash), by seq; empty on a first attempt. */
  journal: JournalRow[];
  /** The conversation state row (botbuilder's ConversationState item), if any. */
  state: { eTag: string; data: string } | null;
  conversation: ConversationRecord | null;
  /** The account the state says is verified, read with its creditor and plans (null: none or not found). */
  account: TurnAccount | null;
}

export interface TurnOpenRequest {
  /** The turn's idempotency key, if it has one. */
  key?: string;
  /** botbuilder's storage key of the conversation state. */
  stateKey?: string;
  /** The channel's conversation id (Conversation.externalId). */
  conversationExternalId?: string;
}

export interface TurnWrites {
  processed?: { id: string; source: string; at: Date };
  /** The state as saved; `readETag` is the eTag it was read with (null: it did not exist), so a stale save fails. */
  state?: { key: string; data: string; readETag: string | null; eTag: string; at: Date };
  messages: TranscriptMessage[];
  touchConversation?: { id: string; at: Date };
  /** The turn's journal to delete (it wrote one before the commit). */
  clearJournalOf?: string;
}

export interface RecentMessages {
  limit: number;
  since: Date;
}

export interface TurnStore {
  open(request: TurnOpenRequest): Promise<TurnOpening>;
  /** The account with its creditor and the plans a turn looks at (open, on offer). */
  account(accountId: string): Promise<TurnAccount | null>;
  /** The channel conversation's record, created on its first message (a later call marks it active). */
  ensureConversation(externalId: string, channel: string): Promise<{ id: string; holder: string; accountId: string | null }>;
  /** The debtor's latest messages in a conversation since `since`, oldest first, as stored (a card number split across messages). */
  recentDebtorMessages(conversationId: string, options: RecentMessages): Promise<Array<{ id: string; text: string }>>;
  /** `writes`, then `more` (Prisma writes, when there are any), in one transaction. */
  commit(writes: TurnWrites, more?: (tx: Tx) => Promise<void>): Promise<void>;
}

/** A new Conversation id in the shape of Prisma's cuid() (25 characters, starting with "c"). */
export function newConversationId(): string {
  return `c${randomUUID().replace(/-/g, '').slice(0, 24)}`;
}

const stores = new WeakMap<Db, TurnStore>();

export function turnStoreFor(db: Db): TurnStore {
  let store = stores.get(db);
  if (!store) {
    let driver: ReturnType<typeof sqlDriverOf> | undefined;
    try {
      driver = sqlDriverOf(db);
    } catch {
      driver = undefined;
    }
    store =
      driver?.kind === 'sqlite' ? new SqliteTurnStore(db, driver.connection) : driver?.kind === 'postgres' ? new PostgresTurnStore(db, driver.pool) : new PrismaTurnStore(db);
    stores.set(db, store);
  }
  return store;
}

/** The session's verified account id inside a stored ConversationState item (botbuilder's "session" property). */
export function verifiedAccountIdIn(stateData: string | undefined): string | null {
  if (!stateData) return null;
  try {
    const id = (JSON.parse(stateData) as { session?: { accountId?: unknown } }).session?.accountId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
