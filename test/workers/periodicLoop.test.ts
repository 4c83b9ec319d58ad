import { expect, it } from 'vitest';
import { PeriodicLoop } from '../../src/workers/periodicLoop.ts';

it('runs at once and again after each run, never overlapping; a failed run is reported and the loop goes on; stop waits for the run in progress', async () => {
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  const errors: unknown[] = [];
  const loop = new PeriodicLoop(
    async () => {
      runs += 1;
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 15));
      active -= 1;
      if (runs === 2) throw new Error('second run fails');
    },
    5,
    (error) => errors.push(error),
  );
  loop.start();
  loop.start(); // a second start does not start a second loop
  await expect.poll(() => runs, { timeout: 2000 }).toBeGreaterThanOrEqual(4);
  await loop.stop();
  const stoppedAt = runs;
  expect(active).toBe(0);
  expect(maxActive).toBe(1);
  expect(errors).toHaveLength(1);
  await new Promise((resolve) => setTimeout(resolve, 40));
  expect(runs).toBe(stoppedAt);
});
