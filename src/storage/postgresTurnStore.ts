/**
 * The turn's statements on PostgreSQL (see turnStore.ts) as named prepared statements on the pg
 * pool Prisma's adapter uses: each connection prepares a statement once and then only binds and
 * runs it. A commit with Prisma writes too (a channel's own rows, a card number rewritten) cannot
 * share a connection with Prisma's transaction, so it is written through Prisma in one
 * transaction instead (prismaTurnStore.ts).
 *
 * Timestamps are TIMESTAMP(3) without a zone holding UTC, as Prisma stores them: written as ISO
 * text (the zone is dropped, the UTC wall time kept) and read as text, never through pg's local-time
 * Date parsing.
 */
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { TurnAccount } from '../accounts/turnAccount.ts';
import type { Db, Tx } from '../db/database.ts';
import { retryBusy } from '../db/transactions.ts';
import { OPEN_PLAN_STATUSES } from '../negotiation/planStore.ts';
import { ETagConflictError } from './prismaStorage.ts';
import { dateOf, turnAccountFromRows } from './modelRows.ts';
import { PrismaTurnStore } from './prismaTurnStore.ts';
import { newConversationId, type RecentMessages, type TurnOpening, type TurnOpenRequest, type TurnStore, type TurnWrites } from './turnStore.ts';
import { ESIGN_CONSENT_KIND } from '../notices/notices.ts';

const PLAN_STATUSES = [...OPEN_PLAN_STATUSES, 'offered'].map((s) => `'${s}'`).join(', ');
const MESSAGE_ROWS_PER_INSERT = 8;

/** The account (`accountId` is an SQL expression for its id), its creditor, its open and offered plans and their installments: one row each. */
function accountRows(accountId: string): string {
  return `
    SELECT 'account' AS kind, row_to_json(a)::text AS row FROM "Account" a WHERE a."id" = ${accountId}
    UNION ALL SELECT 'creditor', row_to_json(c)::text FROM "Creditor" c WHERE c."id" = (SELECT "creditorId" FROM "Account" WHERE "id" = ${accountId})
    UNION ALL SELECT 'plan', row_to_json(p)::text FROM "Plan" p WHERE p."accountId" = ${accountId} AND p."status" IN (${PLAN_STATUSES})
    UNION ALL SELECT 'installment', row_to_json(i)::text FROM "Installment" i
      WHERE i."planId" IN (SELECT "id" FROM "Plan" WHERE "accountId" = ${accountId} AND "status" IN (${PLAN_STATUSES}))
    UNION ALL SELECT 'esign', json_build_object('withdrawnAt', k."withdrawnAt")::text FROM "Consent" k WHERE k."accountId" = ${accountId} AND k."kind" = '${ESIGN_CONSENT_KIND}'`;
}

const OPEN_SQL = `
  SELECT 'done' AS kind, NULL::text AS a, NULL::text AS b, NULL::text AS c, NULL::text AS d FROM "ProcessedEvent" WHERE "id" = $1
  UNION ALL SELECT 'effect', "seq"::text, "op", "resultJson", NULL FROM "TurnEffect" WHERE "turnKey" = $1
  UNION ALL SELECT 'state', "eTag", "data", NULL, NULL FROM "BotState" WHERE "key" = $2
  UNION ALL SELECT 'conversation', "id", "holder", "accountId", "lastActivityAt"::text FROM "Conversation" WHERE "externalId" = $3
  UNION ALL SELECT 'account:' || kind, row, NULL, NULL, NULL FROM (${accountRows(`(SELECT "data"::jsonb #>> '{session,accountId}' FROM "BotState" WHERE "key" = $2)`)}) account_rows`;
const ACCOUNT_SQL = accountRows('$1');

/** pg keeps a named statement prepared per connection. */
const named = (text: string) => `turn_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
const stamp = (date: Date) => date.toISOString();

export class PostgresTurnStore implements TurnStore {
  private readonly viaPrisma: PrismaTurnStore;

  constructor(
    private readonly db: Db,
    private readonly pool: pg.Pool,
  ) {
    this.viaPrisma = new PrismaTurnStore(db);
  }

  private query<R extends pg.QueryResultRow>(client: pg.Pool | pg.PoolClient, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    return client.query<R>({ name: named(text), text, values });
  }

  async open({ key, stateKey, conversationExternalId }: TurnOpenRequest): Promise<TurnOpening> {
    const { rows } = await this.query<{ kind: string; a: string | null; b: string | null; c: string | null; d: string | null }>(this.pool, OPEN_SQL, [key ?? null, stateKey ?? null, conversationExternalId ?? null]);
    const opening: TurnOpening = { done: false, journal: [], state: null, conversation: null, account: null };
    const account: Array<{ kind: string; row: string }> = [];
    for (const row of rows) {
      if (row.kind === 'done') opening.done = true;
      else if (row.kind === 'effect') opening.journal.push({ seq: Number(row.a), op: String(row.b), resultJson: String(row.c) });
      else if (row.kind === 'state') opening.state = { eTag: String(row.a), data: String(row.b) };
      else if (row.kind === 'conversation') opening.conversation = { id: String(row.a), holder: String(row.b), accountId: row.c, lastActivityAt: dateOf(row.d) };
      else account.push({ kind: row.kind.slice('account:'.length), row: String(row.a) });
    }
    opening.journal.sort((x, y) => x.seq - y.seq);
    opening.account = turnAccountFromRows(this.db, account);
    return opening;
  }

  async ensureConversation(externalId: string, channel: string): Promise<{ id: string; holder: string; accountId: string | null }> {
    const now = stamp(new Date());
    const { rows } = await this.query<{ id: string; holder: string; accountId: string | null }>(
      this.pool,
      `INSERT INTO "Conversation" ("id", "externalId", "channel", "holder", "language", "createdAt", "lastActivityAt") VALUES ($1, $2, $3, 'bot', 'en', $4, $4)
       ON CONFLICT ("externalId") DO UPDATE SET "lastActivityAt" = EXCLUDED."lastActivityAt" RETURNING "id", "holder", "accountId"`,
      [newConversationId(), externalId, channel, now],
    );
    return rows[0]!;
  }

  async recentDebtorMessages(conversationId: string, { limit, since }: RecentMessages): Promise<Array<{ id: string; text: string }>> {
    const { rows } = await this.query<{ id: string; text: string }>(
      this.pool,
      `SELECT "id", "text" FROM "Message" WHERE "conversationId" = $1 AND "direction" = 'in' AND "author" = 'debtor' AND "createdAt" >= $2 ORDER BY "createdAt" DESC LIMIT $3`,
      [conversationId, stamp(since), limit],
    );
    return rows.reverse();
  }

  async account(accountId: string): Promise<TurnAccount | null> {
    const { rows } = await this.query<{ kind: string; row: string }>(this.pool, ACCOUNT_SQL, [accountId]);
    return turnAccountFromRows(this.db, rows);
  }

  async commit(writes: TurnWrites, more?: (tx: Tx) => Promise<void>): Promise<void> {
    if (more) return this.viaPrisma.commit(writes, more);
    await retryBusy(async () => {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        await this.write(client, writes);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    });
  }

  private async write(client: pg.PoolClient, writes: TurnWrites): Promise<void> {
    if (writes.processed) {
      await this.query(client, 'INSERT INTO "ProcessedEvent" ("id", "source", "processedAt") VALUES ($1, $2, $3)', [writes.processed.id, writes.processed.source, stamp(writes.processed.at)]);
    }
    const state = writes.state;
    if (state) {
      if (state.readETag === null) {
        await this.query(client, 'INSERT INTO "BotState" ("key", "eTag", "data", "updatedAt") VALUES ($1, $2, $3, $4)', [state.key, state.eTag, state.data, stamp(state.at)]);
      } else {
        const { rowCount } = await this.query(client, 'UPDATE "BotState" SET "eTag" = $1, "data" = $2, "updatedAt" = $3 WHERE "key" = $4 AND "eTag" = $5', [state.eTag, state.data, stamp(state.at), state.key, state.readETag]);
        if (rowCount !== 1) throw new ETagConflictError([state.key]);
      }
    }
    for (let i = 0; i < writes.messages.length; i += MESSAGE_ROWS_PER_INSERT) {
      const batch = writes.messages.slice(i, i + MESSAGE_ROWS_PER_INSERT);
      const text = `INSERT INTO "Message" ("id", "conversationId", "direction", "author", "text", "createdAt") VALUES ${batch.map((_, r) => `(${[1, 2, 3, 4, 5, 6].map((c) => `$${r * 6 + c}`).join(', ')})`).join(', ')}`;
      await this.query(client, text, batch.flatMap((m) => [randomUUID(), m.conversationId, m.direction, m.author, m.text, stamp(m.at ?? new Date())]));
    }
    if (writes.touchConversation) {
      await this.query(client, 'UPDATE "Conversation" SET "lastActivityAt" = $1 WHERE "id" = $2', [stamp(writes.touchConversation.at), writes.touchConversation.id]);
    }
    if (writes.clearJournalOf) await this.query(client, 'DELETE FROM "TurnEffect" WHERE "turnKey" = $1', [writes.clearJournalOf]);
  }
}
