import { describe, expect, it } from 'vitest';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { KeyedLock, LockTimeoutError, TurnLockMiddleware } from '../../src/bot/turnLock.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A promise with its resolve / reject exposed. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Asserts that start/end events never interleave: every start is followed by its own end. */
function expectNoOverlap(events: string[]): void {
  for (let i = 0; i < events.length; i += 2) {
    const start = events[i]!;
    expect(start.startsWith('start:')).toBe(true);
    expect(events[i + 1]).toBe(`end:${start.slice('start:'.length)}`);
  }
}

describe('KeyedLock', () => {
  it('runs same-key calls one at a time, in arrival order', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const durations = [30, 5, 20, 0, 10, 1];

    const results = await Promise.all(
      durations.map((ms, i) =>
        lock.run('conv-1', async () => {
          events.push(`start:${i}`);
          await sleep(ms);
          events.push(`end:${i}`);
          return i * 10;
        }),
      ),
    );

    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
    expectNoOverlap(events);
    expect(events.filter((e) => e.startsWith('start:'))).toEqual(durations.map((_, i) => `start:${i}`));
    expect(lock.size).toBe(0);
  });

  it('keeps FIFO order for calls queued while the lock is being handed over', async () => {
    const lock = new KeyedLock();
    const order: number[] = [];
    const first = deferred();
    const p0 = lock.run('k', async () => {
      order.push(0);
      await first.promise;
    });
    const p1 = lock.run('k', async () => {
      order.push(1);
      // Queued while 1 holds the lock, after 2 was already waiting.
      void lock.run('k', async () => void order.push(3));
    });
    const p2 = lock.run('k', async () => void order.push(2));
    first.resolve();
    await Promise.all([p0, p1, p2]);
    await lock.run('k', async () => undefined);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(lock.size).toBe(0);
  });

  it('runs different keys concurrently', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const a = deferred();
    const pa = lock.run('a', async () => {
      events.push('start:a');
      await a.promise;
      events.push('end:a');
    });
    const pb = lock.run('b', async () => {
      events.push('start:b');
      events.push('end:b');
    });
    await pb; // b finishes while a still holds its own key
    expect(events).toEqual(['start:a', 'start:b', 'end:b']);
    expect(lock.isLocked('a')).toBe(true);
    expect(lock.isLocked('b')).toBe(false);
    a.resolve();
    await pa;
    expect(lock.size).toBe(0);
  });

  it('releases the lock when a call throws or rejects, and passes the error to that caller only', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const p1 = lock.run('k', async () => {
      events.push('1');
      throw new Error('boom');
    });
    const p2 = lock.run('k', () => {
      events.push('2');
      throw new TypeError('sync throw'); // not even a promise
    });
    const p3 = lock.run('k', async () => {
      events.push('3');
      return 'fine';
    });
    await expect(p1).rejects.toThrow('boom');
    await expect(p2).rejects.toThrow(TypeError);
    await expect(p3).resolves.toBe('fine');
    expect(events).toEqual(['1', '2', '3']);
    expect(lock.size).toBe(0);
  });

  it('rejects a waiter after its timeout; the timed-out fn never runs and the queue carries on', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const holder = deferred();
    const p1 = lock.run('sms:+15550001111', async () => {
      events.push('start:1');
      await holder.promise;
      events.push('end:1');
    });
    let timedOutRan = false;
    const p2 = lock.run(
      'sms:+15550001111',
      async () => {
        timedOutRan = true;
      },
      20,
    );
    const p3 = lock.run('sms:+15550001111', async () => void events.push('3'));

    const error = await p2.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(error).toMatchObject({ name: 'LockTimeoutError', key: 'sms:+15550001111', timeoutMs: 20 });
    expect((error as Error).message).toMatch(/Timed out after 20 ms/);
    expect((error as Error).message).not.toContain('+1555'); // conversation ids can be phone numbers

    holder.resolve();
    await Promise.all([p1, p3]);
    await sleep(10);
    expect(timedOutRan).toBe(false);
    expect(events).toEqual(['start:1', 'end:1', '3']);
    expect(lock.size).toBe(0);
  });

  it('a timeout does not fire for a waiter that got the lock in time, nor limit the fn itself', async () => {
    const lock = new KeyedLock();
    const p1 = lock.run('k', async () => undefined);
    const p2 = lock.run('k', async () => {
      await sleep(80); // longer than its wait timeout: the timeout bounds only the wait
      return 'done';
    }, 40);
    await p1;
    await expect(p2).resolves.toBe('done');
    expect(lock.size).toBe(0);
  });

  it('an uncontended call with a timeout runs at once; invalid timeouts are rejected', async () => {
    const lock = new KeyedLock();
    await expect(lock.run('k', async () => 1, 0)).resolves.toBe(1);
    await expect(lock.run('k', async () => 1, -1)).rejects.toBeInstanceOf(RangeError);
    await expect(lock.run('k', async () => 1, Number.NaN)).rejects.toBeInstanceOf(RangeError);
    expect(lock.size).toBe(0);
  });

  it('leaves no entry behind after many keys and calls', async () => {
    const lock = new KeyedLock();
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 500; i++) {
      const key = `conv-${i % 50}`;
      calls.push(
        lock.run(key, async () => {
          if (i % 7 === 0) throw new Error('x');
          if (i % 3 === 0) await sleep(1);
          return i;
        }, i % 11 === 0 ? 1 : undefined).catch(() => undefined),
      );
    }
    expect(lock.size).toBe(50);
    await Promise.all(calls);
    expect(lock.size).toBe(0);
  });
});

describe('TurnLockMiddleware', () => {
  it('serialises two concurrent processActivity calls for one conversation', async () => {
    const events: string[] = [];
    const lock = new KeyedLock();
    const adapter = new TestAdapter(async (context) => {
      const text = context.activity.text ?? '';
      events.push(`start:${text}`);
      await sleep(text === 'first' ? 40 : 5);
      events.push(`end:${text}`);
      await context.sendActivity(`echo ${text}`);
    });
    adapter.use(new TurnLockMiddleware(lock));

    await Promise.all([adapter.processActivity('first'), adapter.processActivity('second')]);

    expect(events).toEqual(['start:first', 'end:first', 'start:second', 'end:second']);
    expect(adapter.activeQueue.map((a) => a.text)).toEqual(['echo first', 'echo second']);
    expect(lock.size).toBe(0);
  });

  it('lets turns of different conversations run concurrently', async () => {
    const events: string[] = [];
    const adapter = new TestAdapter(async (context) => {
      const id = context.activity.conversation.id;
      events.push(`start:${id}`);
      await sleep(id === 'A' ? 40 : 5);
      events.push(`end:${id}`);
    });
    adapter.use(new TurnLockMiddleware());

    const activity = (id: string): Partial<Activity> => ({
      type: 'message',
      text: id,
      conversation: { id, isGroup: false, conversationType: 'personal', name: id },
    });
    await Promise.all([adapter.processActivity(activity('A')), adapter.processActivity(activity('B'))]);
    expect(events).toEqual(['start:A', 'start:B', 'end:B', 'end:A']);
  });

  it('with conversation state: a burst of SMS replies in one conversation loses no update', async () => {
    const conversationState = new ConversationState(new MemoryStorage());
    const seen = conversationState.createProperty<string[]>('seen');
    const adapter = new TestAdapter(async (context) => {
      const list = await seen.get(context, []);
      await sleep(5); // give a concurrent turn the chance to load the same state
      list.push(context.activity.text ?? '');
      await seen.set(context, list);
      await conversationState.saveChanges(context);
    });
    // Lock outside the state load/save so each turn sees the previous turn's state.
    adapter.use(new TurnLockMiddleware());

    await Promise.all(['1', '2', '3', '4', '5'].map((text) => adapter.processActivity(text)));

    let final: string[] = [];
    await adapter.processActivity('read', async (context) => {
      final = await seen.get(context, []);
    });
    expect(final).toEqual(['1', '2', '3', '4', '5']);
  });

  it('serialises two hand-built TurnContexts and rejects a turn that waits too long', async () => {
    const adapter = new TestAdapter(async () => undefined);
    const middleware = new TurnLockMiddleware(new KeyedLock(), 20);
    const context = (text: string) =>
      new TurnContext(adapter, {
        type: 'message',
        text,
        channelId: 'sms',
        conversation: { id: '+15550002222', isGroup: false, conversationType: 'personal', name: '' },
      });

    const holder = deferred();
    let secondRan = false;
    const first = middleware.onTurn(context('a'), () => holder.promise);
    const second = middleware.onTurn(context('b'), async () => {
      secondRan = true;
    });
    await expect(second).rejects.toBeInstanceOf(LockTimeoutError);
    holder.resolve();
    await first;
    expect(secondRan).toBe(false);
    expect(middleware.lock.size).toBe(0);
  });

  it('passes activities without a conversation id straight through', async () => {
    const middleware = new TurnLockMiddleware();
    const adapter = new TestAdapter(async () => undefined);
    const ctx = new TurnContext(adapter, { type: 'message', text: 'x' } as Partial<Activity>);
    let ran = false;
    await middleware.onTurn(ctx, async () => {
      ran = true;
      expect(middleware.lock.size).toBe(0);
    });
    expect(ran).toBe(true);
  });
});
