/**
 * Console sign-ins. The browser holds a random token in an HttpOnly cookie; the database holds only
 * its SHA-256 digest, so a copy of the database cannot be replayed as a session. Each session has
 * its own CSRF token, which the console sends back in a header on every state-changing request.
 * Sessions end after SESSION_IDLE_MS without use, and SESSION_MAX_MS after sign-in at the latest.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Officer } from '../db/generated/client.ts';

export const SESSION_IDLE_MS = 2 * 60 * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most this often (one write per request would serialize every read). */
const TOUCH_EVERY_MS = 60_000;

export type OfficerRole = 'officer' | 'supervisor';

export interface SignedInOfficer {
  id: string;
  email: string;
  name: string;
  role: OfficerRole;
}

export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  officer: SignedInOfficer;
  /** The officer signed in with a temporary password: nothing but choosing a new one is allowed. */
  mustChangePassword: boolean;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function officerView(officer: Pick<Officer, 'id' | 'email' | 'name' | 'role'>): SignedInOfficer {
  return { id: officer.id, email: officer.email, name: officer.name, role: officer.role === 'supervisor' ? 'supervisor' : 'officer' };
}

export async function createSession(db: Db, officerId: string, now: Date): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  // Sessions that ran out are removed as new ones are made: the table stays small without a job.
  await db.officerSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - SESSION_MAX_MS) } } });
  await db.officerSession.create({
    data: { id: digest(token), officerId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_MS) },
  });
  return { token, csrfToken };
}

/** The live session for a cookie token, or null (unknown, expired, idle too long, officer disabled). */
export async function findSession(db: Db, token: string, now: Date): Promise<ActiveSession | null> {
  if (!token || token.length > 200) return null;
  const row = await db.officerSession.findUnique({ where: { id: digest(token) }, include: { officer: true } });
  if (!row) return null;
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (row.expiresAt <= now || idleFor > SESSION_IDLE_MS || row.officer.disabledAt) {
    await db.officerSession.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (idleFor > TOUCH_EVERY_MS) await db.officerSession.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
  return { sessionId: row.id, csrfToken: row.csrfToken, officer: officerView(row.officer), mustChangePassword: row.officer.mustChangePassword };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.officerSession.deleteMany({ where: { id: sessionId } });
}
