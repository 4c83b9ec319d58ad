/**
 * Waiting-time targets per priority band: how long an escalation may wait before an officer takes
 * it (the queue highlights the ones past it). The agency sets them from the console (supervisors);
 * a band without a setting uses DEFAULT_TARGET_MINUTES.
 */
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit.ts';
import type { SignedInOfficer } from './sessions.ts';

export const PRIORITY_BANDS = ['crisis', 'urgent', 'high', 'normal', 'routine'] as const;
export type PriorityBand = (typeof PRIORITY_BANDS)[number];

export const BAND_LABELS: Record<PriorityBand, string> = { crisis: 'Crisis', urgent: 'Urgent', high: 'High', normal: 'Normal', routine: 'Routine' };

export const DEFAULT_TARGET_MINUTES: Record<PriorityBand, number> = { crisis: 5, urgent: 30, high: 120, normal: 240, routine: 480 };

/** The band of a handoff priority (lower is more urgent; see HANDOFF_REASONS). */
export function bandOf(priority: number): PriorityBand {
  return priority <= 0 ? 'crisis' : priority <= 10 ? 'urgent' : priority <= 20 ? 'high' : priority <= 40 ? 'normal' : 'routine';
}

export type WaitingTargets = Record<PriorityBand, number>;

export async function waitingTargets(db: Db): Promise<WaitingTargets> {
  const rows = await db.waitingTarget.findMany();
  const targets = { ...DEFAULT_TARGET_MINUTES };
  for (const row of rows) if ((PRIORITY_BANDS as readonly string[]).includes(row.band)) targets[row.band as PriorityBand] = row.minutes;
  return targets;
}

const minutes = (band: PriorityBand) =>
  z
    .number({ error: `${BAND_LABELS[band]}: give the target in whole minutes` })
    .int({ error: `${BAND_LABELS[band]}: give the target in whole minutes` })
    .min(1, { error: `${BAND_LABELS[band]}: the target must be at least 1 minute` })
    .max(7 * 24 * 60, { error: `${BAND_LABELS[band]}: the target must be at most a week (10,080 minutes)` });

export const waitingTargetsSchema = z
  .object(Object.fromEntries(PRIORITY_BANDS.map((band) => [band, minutes(band)])) as Record<PriorityBand, ReturnType<typeof minutes>>)
  .superRefine((t, ctx) => {
    // A more urgent band never waits longer than a less urgent one.
    for (let i = 1; i < PRIORITY_BANDS.length; i++) {
      const [more, less] = [PRIORITY_BANDS[i - 1]!, PRIORITY_BANDS[i]!];
      if (t[more] > t[less]) ctx.addIssue({ code: 'custom', path: [more], message: `${BAND_LABELS[more]} must not wait longer than ${BAND_LABELS[less]}` });
    }
  });

export async function saveWaitingTargets(db: Db, officer: SignedInOfficer, targets: WaitingTargets): Promise<WaitingTargets> {
  await db.$transaction(async (tx) => {
    for (const band of PRIORITY_BANDS) {
      await tx.waitingTarget.upsert({ where: { band }, create: { band, minutes: targets[band], updatedBy: officer.id }, update: { minutes: targets[band], updatedBy: officer.id } });
    }
    await appendAudit(tx, { type: 'settings.waiting_targets', actor: `officer:${officer.id}`, detail: { ...targets } });
  });
  return waitingTargets(db);
}
