/**
 * Token buckets shared by every instance on PostgreSQL, one row per key in "RateLimit", kept as
 * GCRA (the generic cell rate algorithm): the row holds the theoretical arrival time of the next
 * request, `tat`, in ms. A request at `now` is allowed when max(tat, now) + interval - now stays
 * within the burst window (capacity × interval); then tat moves on by one interval. Deciding and
 * recording is one atomic statement, so instances never both spend the last token. Same
 * semantics as the in-process RateLimiter: a burst of `capacity`, then `perSecond`.
 */
import type pg from 'pg';
import type { RateLimitDecision } from '../../channels/web/rateLimit.ts';
import type { SharedRateLimiter } from '../coordination.ts';

const TAKE = `
INSERT INTO "RateLimit" AS r ("key", "tat", "granted") VALUES ($1, $2::float8 + $3::float8, true)
ON CONFLICT ("key") DO UPDATE SET
  "tat" = CASE WHEN GREATEST(r."tat", $2::float8) + $3::float8 - $2::float8 <= $4::float8 THEN GREATEST(r."tat", $2::float8) + $3::float8 ELSE r."tat" END,
  "granted" = GREATEST(r."tat", $2::float8) + $3::float8 - $2::float8 <= $4::float8
RETURNING "tat", "granted"`;

/** Rows whose bucket is full again carry no information: forgotten now and then. */
const FORGET = 'DELETE FROM "RateLimit" WHERE "tat" < $1::float8';

export class PostgresRateLimiter implements SharedRateLimiter {
  private readonly intervalMs: number;
  private readonly windowMs: number;
  private takes = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly name: string,
    readonly capacity: number,
    readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(capacity >= 1) || !(perSecond > 0)) throw new RangeError('capacity must be >= 1 and perSecond > 0');
    this.intervalMs = 1000 / perSecond;
    this.windowMs = capacity * this.intervalMs;
  }

  async take(key: string): Promise<RateLimitDecision> {
    const now = this.now();
    if (++this.takes % 1000 === 0) await this.pool.query(FORGET, [now]);
    const { rows } = await this.pool.query<{ tat: number; granted: boolean }>({ name: 'rate-limit-take', text: TAKE, values: [`${this.name}:${key}`, now, this.intervalMs, this.windowMs] });
    const row = rows[0]!;
    if (row.granted) return { ok: true };
    const waitMs = row.tat + this.intervalMs - this.windowMs - now;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
