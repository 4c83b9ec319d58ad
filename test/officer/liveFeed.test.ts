import { expect, it } from 'vitest';
import { PollingFeed } from '../../src/officer/liveFeed.ts';

it('pushes the current data at once and then only changes; a failed first load leaves no listener behind', async () => {
  let value = 1;
  let fail = false;
  const errors: unknown[] = [];
  const feed = new PollingFeed(
    async () => {
      if (fail) throw new Error('database unavailable');
      return { value };
    },
    10,
    (error) => errors.push(error),
  );
  const seen: unknown[] = [];
  const unsubscribe = await feed.subscribe((data) => seen.push(data));
  expect(seen).toEqual([{ value: 1 }]);
  value = 2;
  await expect.poll(() => seen.at(-1)).toEqual({ value: 2 });
  const afterChange = seen.length;
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(seen.length).toBe(afterChange); // nothing more while nothing changes
  unsubscribe();
  expect(feed.size).toBe(0);

  fail = true;
  await expect(feed.subscribe(() => undefined)).rejects.toThrow('database unavailable');
  expect(feed.size).toBe(0);
});
