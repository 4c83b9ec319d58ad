/**
 * The turn's statements on SQLite (see turnStore.ts) as prepared statements on better-sqlite3, the
 * driver under Prisma's SQLite adapter: prepared once, run synchronously. They share Prisma's one
 * connection, so a commit made here and a Prisma transaction cannot interleave: when no transaction
 * is open the commit runs BEGIN…COMMIT in one synchronous stretch (nothing else can run in
 * between); when one is open, or the commit has Prisma writes too, it runs inside a Prisma
 * transaction (same connection, same transaction).
 *
 * Values are stored as Prisma stores them (DateTime as ISO 8601 text with "+00:00", Boolean as 0/1),
 * and rows read here are typed from the client's own data model, so Prisma reads what this writes
 * and the other way round.
 */
import { randomUUID } from 'node:crypto';
import type { TurnAccount } from '../accounts/turnAccount.ts';
import type { Db, SqliteConnection, SqliteStatement, Tx } from '../db/database.ts';
import { retryBusy } from '../db/transactions.ts';
import { OPEN_PLAN_STATUSES } from '../negotiation/planStore.ts';
import { ESIGN_CONSENT_KIND } from '../notices/notices.ts';
import { newConversationId, type JournalRow, type RecentMessages, type TurnOpening, type TurnOpenRequest, type TurnStore, type TurnWrites } from './turnStore.ts';
import { ETagConflictError } from './prismaStorage.ts';
import { dateOf, modelColumns, turnAccountFromRows } from './modelRows.ts';

const PLAN_STATUSES = [...OPEN_PLAN_STATUSES, 'offered'].map((s) => `'${s}'`).join(', ');

/** A stored DateTime, as Prisma's SQLite adapter writes it. */
const stamp = (date: Date) => date.toISOString().replace('Z', '+00:00');

/** Most transcript rows one prepared insert takes; more are split. */
const MESSAGE_ROWS_PER_INSERT = 8;

export class SqliteTurnStore implements TurnStore {
  private readonly statements = new Map<string, SqliteStatement>();
  private readonly accountSql: string;

  constructor(
    private readonly db: Db,
    private readonly connection: SqliteConnection,
  ) {
    const json = (model: string, alias: string) => `json_object(${modelColumns(db, model).map((c) => `'${c}', ${alias}."${c}"`).join(', ')})`;
    // The account (@accountId is its id), its creditor, its open and offered plans and their installments: one row each.
    this.accountSql = `
      SELECT 'account' AS kind, ${json('Account', 'a')} AS row FROM "Account" a WHERE a."id" = @accountId
      UNION ALL SELECT 'creditor', ${json('Creditor', 'c')} FROM "Creditor" c WHERE c."id" = (SELECT "creditorId" FROM "Account" WHERE "id" = @accountId)
      UNION ALL SELECT 'plan', ${json('Plan', 'p')} FROM "Plan" p WHERE p."accountId" = @accountId AND p."status" IN (${PLAN_STATUSES})
      UNION ALL SELECT 'installment', ${json('Installment', 'i')} FROM "Installment" i
        WHERE i."planId" IN (SELECT "id" FROM "Plan" WHERE "accountId" = @accountId AND "status" IN (${PLAN_STATUSES}))
      UNION ALL SELECT 'esign', json_object('withdrawnAt', k."withdrawnAt") FROM "Consent" k WHERE k."accountId" = @accountId AND k."kind" = '${ESIGN_CONSENT_KIND}'`;
  }

  private statement(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Integers as numbers (the adapter turns BigInt on for the connection; our values are small).
      statement = this.connection.prepare(sql).safeIntegers(false);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async ensureConversation(externalId: string, channel: string): Promise<{ id: string; holder: string; accountId: string | null }> {
    const now = stamp(new Date());
    return this.statement(
      `INSERT INTO "Conversation" ("id", "externalId", "channel", "holder", "language", "createdAt", "lastActivityAt") VALUES (?, ?, ?, 'bot', 'en', ?, ?)
       ON CONFLICT ("externalId") DO UPDATE SET "lastActivityAt" = excluded."lastActivityAt" RETURNING "id", "holder", "accountId"`,
    ).get(newConversationId(), externalId, channel, now, now) as { id: string; holder: string; accountId: string | null };
  }

  async recentDebtorMessages(conversationId: string, { limit, since }: RecentMessages): Promise<Array<{ id: string; text: string }>> {
    const rows = this.statement(
      `SELECT "id", "text" FROM "Message" WHERE "conversationId" = ? AND "direction" = 'in' AND "author" = 'debtor' AND "createdAt" >= ? ORDER BY "createdAt" DESC LIMIT ?`,
    ).all(conversationId, stamp(since), limit) as Array<{ id: string; text: string }>;
    return rows.reverse();
  }

  async open({ key, stateKey, conversationExternalId }: TurnOpenRequest): Promise<TurnOpening> {
    // The verified account is the one the stored state's session names.
    const rows = this.statement(`
      SELECT 'done' AS kind, NULL AS a, NULL AS b, NULL AS c, NULL AS d FROM "ProcessedEvent" WHERE "id" = @key
      UNION ALL SELECT 'effect', "seq", "op", "resultJson", NULL FROM "TurnEffect" WHERE "turnKey" = @key
      UNION ALL SELECT 'state', "eTag", "data", NULL, NULL FROM "BotState" WHERE "key" = @stateKey
      UNION ALL SELECT 'conversation', "id", "holder", "accountId", "lastActivityAt" FROM "Conversation" WHERE "externalId" = @conversation
      UNION ALL SELECT 'account:' || kind, row, NULL, NULL, NULL FROM (${this.accountSql.replaceAll('@accountId', `(SELECT json_extract("data", '$.session.accountId') FROM "BotState" WHERE "key" = @stateKey)`)})`).all({
      key: key ?? null,
      stateKey: stateKey ?? null,
      conversation: conversationExternalId ?? null,
    }) as Array<{ kind: string; a: unknown; b: unknown; c: unknown; d: unknown }>;
    const opening: TurnOpening = { done: false, journal: [], state: null, conversation: null, account: null };
    const accountRows: Array<{ kind: string; row: string }> = [];
    for (const row of rows) {
      if (row.kind === 'done') opening.done = true;
      else if (row.kind === 'effect') opening.journal.push({ seq: Number(row.a), op: String(row.b), resultJson: String(row.c) } satisfies JournalRow);
      else if (row.kind === 'state') opening.state = { eTag: String(row.a), data: String(row.b) };
      else if (row.kind === 'conversation') {
        opening.conversation = { id: String(row.a), holder: String(row.b), accountId: row.c === null ? null : String(row.c), lastActivityAt: dateOf(row.d) };
      } else accountRows.push({ kind: row.kind.slice('account:'.length), row: String(row.a) });
    }
    opening.journal.sort((x, y) => x.seq - y.seq);
    opening.account = turnAccountFromRows(this.db, accountRows);
    return opening;
  }

  async account(accountId: string): Promise<TurnAccount | null> {
    return turnAccountFromRows(this.db, this.statement(this.accountSql).all({ accountId }) as Array<{ kind: string; row: string }>);
  }

  async commit(writes: TurnWrites, more?: (tx: Tx) => Promise<void>): Promise<void> {
    // Run again whole when another process held the file past the busy timeout (SQLITE_BUSY).
    await retryBusy(async () => {
      if (!more && !this.connection.inTransaction) {
        // Synchronous from BEGIN to COMMIT: no other query can run on the connection in between.
        this.statement('BEGIN IMMEDIATE').run();
        try {
          this.write(writes);
          this.statement('COMMIT').run();
        } catch (error) {
          if (this.connection.inTransaction) this.statement('ROLLBACK').run();
          throw error;
        }
        return;
      }
      // Inside Prisma's transaction (it holds the connection's transaction; our statements join it).
      await this.db.$transaction(
        async (tx) => {
          this.write(writes);
          if (more) await more(tx);
        },
        { timeout: 15_000, maxWait: 10_000 },
      );
    });
  }

  private write(writes: TurnWrites): void {
    if (writes.processed) {
      this.statement('INSERT INTO "ProcessedEvent" ("id", "source", "processedAt") VALUES (?, ?, ?)').run(writes.processed.id, writes.processed.source, stamp(writes.processed.at));
    }
    const state = writes.state;
    if (state) {
      if (state.readETag === null) {
        this.statement('INSERT INTO "BotState" ("key", "eTag", "data", "updatedAt") VALUES (?, ?, ?, ?)').run(state.key, state.eTag, state.data, stamp(state.at));
      } else {
        const { changes } = this.statement('UPDATE "BotState" SET "eTag" = ?, "data" = ?, "updatedAt" = ? WHERE "key" = ? AND "eTag" = ?').run(state.eTag, state.data, stamp(state.at), state.key, state.readETag);
        if (changes !== 1) throw new ETagConflictError([state.key]);
      }
    }
    for (let i = 0; i < writes.messages.length; i += MESSAGE_ROWS_PER_INSERT) {
      const batch = writes.messages.slice(i, i + MESSAGE_ROWS_PER_INSERT);
      const sql = `INSERT INTO "Message" ("id", "conversationId", "direction", "author", "text", "createdAt") VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`;
      this.statement(sql).run(...batch.flatMap((m) => [randomUUID(), m.conversationId, m.direction, m.author, m.text, stamp(m.at ?? new Date())]));
    }
    if (writes.touchConversation) {
      this.statement('UPDATE "Conversation" SET "lastActivityAt" = ? WHERE "id" = ?').run(stamp(writes.touchConversation.at), writes.touchConversation.id);
    }
    if (writes.clearJournalOf) this.statement('DELETE FROM "TurnEffect" WHERE "turnKey" = ?').run(writes.clearJournalOf);
  }
}
