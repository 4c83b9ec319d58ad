/**
 * What a turn reads more than once (the verified account) is read once, and again only after the
 * turn wrote something (issue 14 item 1).
 */
import { TestAdapter, TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { seedTurnCache, turnCached } from '../../src/bot/turnCache.ts';
import { runInTurnUnit, TurnUnit } from '../../src/bot/turnUnit.ts';

function context(): TurnContext {
  return new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c' } as never });
}

describe('turn cache', () => {
  it('reads once per turn, again after a write of the turn', async () => {
    const ctx = context();
    let loads = 0;
    const load = async () => ++loads;
    const unit = new TurnUnit('test:1', new Date(), Buffer.alloc(32));
    await runInTurnUnit(unit, async () => {
      expect(await turnCached(ctx, 'account:1', load)).toBe(1);
      expect(await turnCached(ctx, 'account:1', load)).toBe(1);
      unit.writes += 1;
      expect(await turnCached(ctx, 'account:1', load)).toBe(2);
      expect(await turnCached(ctx, 'account:1', load)).toBe(2);
    });
    expect(loads).toBe(2);
  });

  it('a value read with the opening is used until the turn writes', async () => {
    const ctx = context();
    const unit = new TurnUnit('test:2', new Date(), Buffer.alloc(32));
    await runInTurnUnit(unit, async () => {
      seedTurnCache(ctx, 'account:1', 'opened');
      expect(await turnCached(ctx, 'account:1', async () => 'read')).toBe('opened');
      unit.writes += 1;
      expect(await turnCached(ctx, 'account:1', async () => 'read')).toBe('read');
    });
  });

  it('outside a turn unit nothing is cached, and a failed read is not kept', async () => {
    const ctx = context();
    let loads = 0;
    await turnCached(ctx, 'k', async () => ++loads);
    await turnCached(ctx, 'k', async () => ++loads);
    expect(loads).toBe(2);
    const unit = new TurnUnit('test:3', new Date(), Buffer.alloc(32));
    await runInTurnUnit(unit, async () => {
      await expect(turnCached(ctx, 'k', async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
      expect(await turnCached(ctx, 'k', async () => 'ok')).toBe('ok');
    });
  });
});
