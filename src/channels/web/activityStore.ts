/**
 * The Direct Line conversations and their activities, in the database. Each activity has a
 * per-conversation sequence number, `seq`, which is the watermark: a client that has seen
 * watermark N asks for the activities with seq > N. Sequence numbers are allocated in the same
 * transaction that stores the activities, so a reader never sees a gap that is filled later:
 * nothing is lost or delivered twice across watermarks.
 */
import type { Activity } from 'botbuilder';
import type { Db, Tx } from '../../db/database.ts';

/** An activity as stored and sent to Web Chat (JSON: dates are ISO strings). */
export type DirectLineActivityJson = Partial<Omit<Activity, 'timestamp' | 'localTimestamp'>> & {
  id: string;
  type: string;
  timestamp: string;
};

export interface StoredActivity {
  seq: number;
  activity: DirectLineActivityJson;
}

export type NewActivity = Omit<DirectLineActivityJson, 'id' | 'timestamp'> & { timestamp?: Date | string };

/** Direct Line style activity ids: "<conversation id>|<seq, 7 digits>". */
export function activityIdOf(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** Creates the conversation row when it does not exist yet; `created` tells which happened. */
export async function ensureDirectLineConversation(db: Db, id: string): Promise<{ created: boolean }> {
  const existing = await db.directLineConversation.findUnique({ where: { id }, select: { id: true } });
  if (existing) return { created: false };
  try {
    await db.directLineConversation.create({ data: { id } });
    return { created: true };
  } catch (error) {
    // Two requests raced to start the same conversation: the other one created it.
    if ((error as { code?: string }).code === 'P2002') return { created: false };
    throw error;
  }
}

export async function directLineConversationExists(db: Db, id: string): Promise<boolean> {
  return (await db.directLineConversation.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export interface AppendOptions {
  /** Set replyToId of every activity after the first to the first one's id (a turn's replies). */
  repliesToFirst?: boolean;
  /** Row id for a single appended activity: makes the append idempotent (a repeat is a no-op). */
  rowId?: string;
}

/**
 * Appends activities to a conversation in one transaction, giving them the next sequence numbers,
 * their ids and strictly increasing timestamps (Web Chat orders the transcript by timestamp).
 * With `rowId`, appending the same row id again returns the stored activity and adds nothing.
 */
export async function appendActivities(db: Db, conversationId: string, activities: NewActivity[], options: AppendOptions = {}): Promise<StoredActivity[]> {
  if (activities.length === 0) return [];
  if (options.rowId && activities.length !== 1) throw new Error('rowId makes sense for one activity only');
  if (options.rowId) {
    const existing = await db.directLineActivity.findUnique({ where: { id: options.rowId } });
    if (existing) return [{ seq: existing.seq, activity: JSON.parse(existing.json) as DirectLineActivityJson }];
  }
  try {
    return await db.$transaction((tx) => appendActivitiesIn(tx, conversationId, activities, options));
  } catch (error) {
    if (options.rowId && (error as { code?: string }).code === 'P2002') {
      // A concurrent append with the same row id won the race.
      const existing = await db.directLineActivity.findUnique({ where: { id: options.rowId } });
      if (existing) return [{ seq: existing.seq, activity: JSON.parse(existing.json) as DirectLineActivityJson }];
    }
    throw error;
  }
}

/** {@link appendActivities} inside the caller's transaction (a turn's commit). */
export async function appendActivitiesIn(tx: Tx, conversationId: string, activities: NewActivity[], options: AppendOptions = {}): Promise<StoredActivity[]> {
  if (activities.length === 0) return [];
  const conversation = await tx.directLineConversation.update({
    where: { id: conversationId },
    data: { lastSeq: { increment: activities.length } },
    select: { lastSeq: true },
  });
  const first = conversation.lastSeq - activities.length + 1;
  let previous = 0;
  const stored = activities.map((activity, index): StoredActivity => {
    const seq = first + index;
    const given = activity.timestamp === undefined ? Date.now() : new Date(activity.timestamp).getTime();
    const at = Math.max(Number.isFinite(given) ? given : Date.now(), previous + 1);
    previous = at;
    const json: DirectLineActivityJson = { ...activity, id: activityIdOf(conversationId, seq), timestamp: new Date(at).toISOString() };
    if (options.repliesToFirst && index > 0) json.replyToId = activityIdOf(conversationId, first);
    return { seq, activity: json };
  });
  await tx.directLineActivity.createMany({
    data: stored.map((s) => ({
      ...(options.rowId ? { id: options.rowId } : {}),
      conversationId,
      seq: s.seq,
      json: JSON.stringify(s.activity),
    })),
  });
  return stored;
}

/** The id of the debtor's activity stored for `clientActivityID` (Web Chat's own id of a message), if any. */
export async function activityIdForClientId(db: Db, conversationId: string, clientActivityID: string): Promise<string | undefined> {
  const rows = await db.directLineActivity.findMany({ where: { conversationId }, orderBy: { seq: 'desc' }, take: 200, select: { json: true } });
  for (const row of rows) {
    const activity = JSON.parse(row.json) as DirectLineActivityJson & { channelData?: { clientActivityID?: string } };
    if (activity.from?.role === 'user' && activity.channelData?.clientActivityID === clientActivityID) return activity.id;
  }
  return undefined;
}

/**
 * Rewrites the text of the debtor's latest stored message that reads `oldText` (a card number
 * found across messages is removed from the earlier one too). Web Chat has shown it already; the
 * stored copy, which a reload replays, no longer holds it.
 */
export async function rewriteUserText(tx: Tx, conversationId: string, oldText: string, newText: string): Promise<void> {
  const rows = await tx.directLineActivity.findMany({ where: { conversationId }, orderBy: { seq: 'desc' }, take: 50, select: { id: true, json: true } });
  for (const row of rows) {
    const activity = JSON.parse(row.json) as DirectLineActivityJson;
    if (activity.from?.role === 'user' && activity.text === oldText) {
      await tx.directLineActivity.update({ where: { id: row.id }, data: { json: JSON.stringify({ ...activity, text: newText }) } });
      return;
    }
  }
}

/** Activities with seq > watermark, oldest first, at most `limit`. */
export async function activitiesAfter(db: Db, conversationId: string, watermark: number, limit = 100): Promise<StoredActivity[]> {
  const rows = await db.directLineActivity.findMany({
    where: { conversationId, seq: { gt: watermark } },
    orderBy: { seq: 'asc' },
    take: limit,
    select: { seq: true, json: true },
  });
  return rows.map((row) => ({ seq: row.seq, activity: JSON.parse(row.json) as DirectLineActivityJson }));
}

/** The latest sequence number of each of the given conversations (missing ones are left out). */
export async function latestSeqs(db: Db, conversationIds: string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (let i = 0; i < conversationIds.length; i += 500) {
    const rows = await db.directLineConversation.findMany({
      where: { id: { in: conversationIds.slice(i, i + 500) } },
      select: { id: true, lastSeq: true },
    });
    for (const row of rows) result.set(row.id, row.lastSeq);
  }
  return result;
}

/** The bot as Web Chat sees it (`role: 'bot'` puts its messages on the left). */
export const DIRECT_LINE_BOT = { id: 'debt-bot', name: 'Assistant', role: 'bot' } as const;
