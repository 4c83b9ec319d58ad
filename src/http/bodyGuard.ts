import type restify from 'restify';
import { wellFormedDeep } from '../domain/wellFormedText.ts';

/**
 * Refuses, before any body is read, request bodies this server does not decode itself:
 *
 * - any Content-Encoding but identity. restify's body reader pipes gzip/deflate bodies through zlib
 *   without an error listener, so one broken gzip body used to crash the whole process. No client of
 *   ours (Web Chat, Twilio, Stripe, the Bot Framework, the console) compresses request bodies.
 * - multipart/form-data: restify would stream its parts to temporary files; nothing here takes them
 *   (the placement upload reads its own raw body).
 *
 * Answers 415 with a line that says what to send instead.
 */
export function refuseUndecodableBodies(req: restify.Request, res: restify.Response, next: restify.Next): void {
  const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    refuse(res, 'Content-Encoding is not supported: send the request body uncompressed.');
    return next(false);
  }
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/')) {
    refuse(res, 'multipart bodies are not accepted: send JSON, a form (application/x-www-form-urlencoded) or text.');
    return next(false);
  }
  return next();
}

function refuse(res: restify.Response, message: string): void {
  // The body was never read: close the connection rather than parse what follows as a new request.
  res.setHeader('Connection', 'close');
  res.send(415, { error: message });
}

/** Deeper than any body we take; deeper ones are refused before anything walks them (recursion). */
export const MAX_BODY_DEPTH = 64;

/** Whether a parsed body nests arrays or objects deeper than `limit` (checked without recursion). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (item === null || typeof item !== 'object' || Buffer.isBuffer(item)) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/**
 * After the body parser: a body nested deeper than {@link MAX_BODY_DEPTH} is refused (400), and
 * every string of a parsed body is made well-formed UTF-16 (issue 10 item 9).
 */
export function wellFormedBody(req: restify.Request, res: restify.Response, next: restify.Next): void {
  if (req.body !== undefined && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
    if (nestedDeeperThan(req.body, MAX_BODY_DEPTH)) {
      res.send(400, { error: `The JSON body is nested more than ${MAX_BODY_DEPTH} levels deep.` });
      return next(false);
    }
    req.body = wellFormedDeep(req.body);
  } else if (typeof req.body === 'string') {
    req.body = wellFormedDeep(req.body);
  }
  return next();
}
