/** What the Direct Line endpoint accepts from a browser, checked with zod before anything runs. */
import { z } from 'zod';
import { USER_ID } from './tokens.ts';

/** The longest message a debtor may send in one activity. */
export const MAX_TEXT_LENGTH = 2000;
/** The largest event value, as JSON. */
export const MAX_EVENT_VALUE_BYTES = 4096;

const locale = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { message: 'expected a BCP 47 language tag such as en-US' });

const user = z.object({
  id: z.string().regex(USER_ID, { message: 'expected 1-64 letters, digits or _ . : -' }).optional(),
  name: z.string().max(100).optional(),
});

/** POST /tokens/generate and POST /conversations (Direct Line's optional start properties). */
export const startBodySchema = z
  .object({
    user: user.optional(),
    locale: locale.optional(),
    /** The chat link token of an outreach email (tokens/generate only): the conversation opens on that account, still verified. */
    start: z.string().regex(/^[A-Za-z0-9_-]{8,64}\.[A-Za-z0-9_-]{43}$/, { message: 'start is not a chat link token' }).optional(),
  })
  .optional()
  .transform((body) => body ?? {});

const channelData = z
  .object({ clientActivityID: z.string().max(100).optional() })
  .optional();

const from = z
  .object({
    id: z.string().max(100).optional(),
    name: z.string().max(100).optional(),
    role: z.string().max(20).optional(),
  })
  .optional();

const messageActivity = z.object({
  type: z.literal('message'),
  text: z
    .string({ message: 'a message needs its text' })
    .max(MAX_TEXT_LENGTH, { message: `text is longer than ${MAX_TEXT_LENGTH} characters` })
    .refine((t) => t.trim().length > 0, { message: 'text is empty' }),
  attachments: z.array(z.unknown()).max(0, { message: 'attachments are not accepted here' }).optional(),
  locale: locale.optional(),
  from,
  channelData,
});

const eventActivity = z.object({
  type: z.literal('event'),
  name: z.string().min(1).max(100),
  value: z
    .unknown()
    .optional()
    .refine((v) => v === undefined || (JSON.stringify(v)?.length ?? 0) <= MAX_EVENT_VALUE_BYTES, { message: `value is larger than ${MAX_EVENT_VALUE_BYTES} bytes` }),
  locale: locale.optional(),
  from,
  channelData,
});

/** POST /conversations/:id/activities: a debtor's message (or an event from the page). */
export const postActivitySchema = z.discriminatedUnion('type', [messageActivity, eventActivity], {
  error: (issue) => (issue.code === 'invalid_union' ? 'type must be "message" or "event"' : undefined),
});

export type PostedActivity = z.infer<typeof postActivitySchema>;

/** `?watermark=` — empty or a non-negative integer. */
export const watermarkSchema = z
  .string()
  .regex(/^\d{0,12}$/, { message: 'watermark must be a non-negative integer' })
  .optional()
  .transform((w) => (w ? Number(w) : 0));

