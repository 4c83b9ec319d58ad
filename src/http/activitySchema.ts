import { z } from 'zod';

/**
 * The least an incoming Bot Framework activity must carry before the adapter sees it. Anything
 * else passes through untouched (the adapter and the bot read the rest).
 */
export const incomingActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: z.looseObject({ id: z.string().min(1).max(512) }).optional(),
  text: z.string().max(10_000).optional(),
});

/** A one-line reason a body is not an activity, or null when it is. */
export function activityProblem(body: unknown): string | null {
  const result = incomingActivitySchema.safeParse(body);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return `Invalid activity: ${issue.path.join('.') || 'body'} — ${issue.message}`;
}
