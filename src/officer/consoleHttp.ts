/**
 * The console's HTTP guard: every API route goes through `consoleRoute`, which checks the session
 * cookie, the role, and — on state-changing requests — the CSRF token and the Origin header.
 * Errors are JSON `{ error }` sentences an officer can act on.
 */
import { timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { describeProblem } from '../http/describeProblem.ts';
import { ConsoleRefusal } from './refusal.ts';
import { findSession, SESSION_MAX_MS, type ActiveSession, type OfficerRole } from './sessions.ts';

export interface ConsoleHttpDeps {
  db: Db;
  logger: Logger;
  /** Secure cookies (and the __Host- prefix) when the console is served over HTTPS. */
  secureCookies: boolean;
  now: () => Date;
}

export const CSRF_HEADER = 'x-csrf-token';

/** The id in a route's :id, or a 404 refusal for anything that cannot be one of our ids. */
export function idParam(req: restify.Request, name = 'id'): string {
  const id = String(req.params[name] ?? '');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new ConsoleRefusal(404, 'Not found.');
  return id;
}

export function cookieName(secure: boolean): string {
  return secure ? '__Host-officer_session' : 'officer_session';
}

export function sessionCookie(deps: Pick<ConsoleHttpDeps, 'secureCookies'>, token: string): string {
  const parts = [`${cookieName(deps.secureCookies)}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.floor(SESSION_MAX_MS / 1000)}`];
  if (deps.secureCookies) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(deps: Pick<ConsoleHttpDeps, 'secureCookies'>): string {
  return [`${cookieName(deps.secureCookies)}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', ...(deps.secureCookies ? ['Secure'] : [])].join('; ');
}

export function sessionToken(req: restify.Request, secure: boolean): string | null {
  const name = cookieName(secure);
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A browser's cross-site request carries a foreign Origin: refuse it (non-browser clients send none). */
export function crossSite(req: restify.Request): boolean {
  const origin = req.headers.origin;
  if (!origin) return req.headers['sec-fetch-site'] === 'cross-site';
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

export function sendError(res: restify.Response, status: number, error: string, extra: Record<string, unknown> = {}): void {
  res.setHeader('Cache-Control', 'no-store');
  res.send(status, { error, ...extra });
}


/** Parses a JSON body with a zod schema; a bad body becomes a 400 ConsoleRefusal. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new ConsoleRefusal(400, describeProblem(parsed.error));
  return parsed.data;
}

export interface RouteOptions {
  /** Only supervisors (officers get 403). Default: any signed-in officer or supervisor. */
  role?: OfficerRole;
  /** State-changing: needs the CSRF header and a same-origin request. Default: true for non-GET. */
  mutates?: boolean;
  /** Open to an officer who still has to replace a temporary password (the session and password routes). */
  beforePasswordChange?: boolean;
}

export type ConsoleHandler = (req: restify.Request, res: restify.Response, session: ActiveSession) => Promise<void>;

export function consoleRoute(deps: ConsoleHttpDeps, options: RouteOptions, handler: ConsoleHandler): restify.RequestHandler {
  return async (req: restify.Request, res: restify.Response) => {
    try {
      const token = sessionToken(req, deps.secureCookies);
      const session = token ? await findSession(deps.db, token, deps.now()) : null;
      if (!session) return sendError(res, 401, 'Your session has ended. Sign in again.');
      if (session.mustChangePassword && !options.beforePasswordChange) {
        return sendError(res, 403, 'Choose a new password first: you signed in with a temporary one.', { mustChangePassword: true });
      }
      if (options.role === 'supervisor' && session.officer.role !== 'supervisor') {
        return sendError(res, 403, 'Only supervisors can do this.');
      }
      const mutates = options.mutates ?? req.method !== 'GET';
      if (mutates) {
        const csrf = req.headers[CSRF_HEADER];
        if (typeof csrf !== 'string' || !sameText(csrf, session.csrfToken) || crossSite(req)) {
          return sendError(res, 403, 'This page is out of date or the request came from another site. Reload the console and try again.');
        }
      }
      res.setHeader('Cache-Control', 'no-store');
      await handler(req, res, session);
    } catch (error) {
      const refused = error instanceof ConsoleRefusal;
      if (!refused) deps.logger.error({ err: error, path: req.getPath() }, 'officer console request failed');
      // A live stream that failed after its headers went out is simply ended.
      if (res.headersSent) return;
      if (refused) return sendError(res, error.status, error.message, error.body);
      sendError(res, 500, 'Something went wrong on our side. Try again; if it keeps failing, tell your administrator.');
    }
  };
}

/** The query string as an object (restify's own query parser is not installed). */
export function queryOf(req: restify.Request): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(req.getQuery()));
}
