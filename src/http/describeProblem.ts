import type { z } from 'zod';

/**
 * The first problem of a request body, as one line naming the field ("outcome: …"); the field is
 * not repeated when the message already names it.
 */
export function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const field = issue.path.join('.');
  const named = field === '' || issue.message.toLowerCase().includes(String(issue.path[0]).toLowerCase());
  return named ? issue.message : `${field}: ${issue.message}`;
}
