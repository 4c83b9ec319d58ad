/**
 * Token buckets shared by every instance on PostgreSQL, one row per key in "RateLimit", kept as
 * GCRA (the generic cell rate algorithm): the row holds the theoretical arrival time of the next
 * request, `tat`, in ms. A request at `now` is allowed when max(tat, now) + interval - now stays
 * within the burst window (capacity × interval); then tat moves on by one interval. Deciding and
 * recording is one atomic statement, so instances never both spend the last token. Same
 * semantics as the in-process RateLimiter: a burst of `capacity`, then `perSecond`.
 *
 * `now` is the database's clock read after the row is locked (a correlated sub-select in the
 * update), never the caller's: a take that read its clock earlier but reached the row later (a
 * busy pool, or another instance's clock a little behind) would otherwise be judged against a tat
 * already moved past its `now`, and a legitimate burst was refused before `capacity`.
 */
import type pg from 'pg';
import type { RateLimitDecision } from '../../channels/web/rateLimit.ts';
import type { SharedRateLimiter } from '../coordination.ts';

const DB_NOW = '(extract(epoch FROM clock_timestamp()) * 1000)::float8';
const TAKE = `
INSERT INTO "RateLimit" AS r ("key", "tat", "granted") VALUES ($1, ${DB_NOW} + $2::float8, true)
ON CONFLICT ("key") DO UPDATE SET ("tat", "granted") = (
  SELECT CASE WHEN allowed THEN next ELSE r."tat" END, allowed
  FROM (SELECT next, next - now <= $3::float8 AS allowed
        FROM (SELECT GREATEST(r."tat", now) + $2::float8 AS next, now
              FROM (SELECT ${DB_NOW} AS now) clock) step) decision)
RETURNING "tat", "granted", ${DB_NOW} AS "now"`;

/** Rows whose bucket is full again carry no information: forgotten now and then. */
const FORGET = `DELETE FROM "RateLimit" WHERE "tat" < ${DB_NOW}`;

export class PostgresRateLimiter implements SharedRateLimiter {
  private readonly intervalMs: number;
  private readonly windowMs: number;
  private takes = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly name: string,
    readonly capacity: number,
    readonly perSecond: number,
  ) {
    if (!(capacity >= 1) || !(perSecond > 0)) throw new RangeError('capacity must be >= 1 and perSecond > 0');
    this.intervalMs = 1000 / perSecond;
    this.windowMs = capacity * this.intervalMs;
  }

  async take(key: string): Promise<RateLimitDecision> {
    if (++this.takes % 1000 === 0) await this.pool.query(FORGET);
    const { rows } = await this.pool.query<{ tat: number; granted: boolean; now: number }>({ name: 'rate-limit-take', text: TAKE, values: [`${this.name}:${key}`, this.intervalMs, this.windowMs] });
    const row = rows[0]!;
    if (row.granted) return { ok: true };
    const waitMs = row.tat + this.intervalMs - this.windowMs - Number(row.now);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
