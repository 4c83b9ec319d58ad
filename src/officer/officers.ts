/**
 * Officer and supervisor accounts of the console: created or reset by `npm run officer:add`, or by
 * a supervisor in the console (a temporary password, changed at the first sign-in); looked up by
 * email at sign-in.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../audit.ts';
import type { Db, Tx } from '../db/database.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

export const OFFICER_ROLES = ['officer', 'supervisor'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** Thrown for input that cannot make an account. The message says what to do and is safe to show. */
export class OfficerInputError extends Error {
  override name = 'OfficerInputError';
}

export const officerEmailSchema = z
  .string({ message: 'give the email address the officer signs in with' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'give a valid email address such as dana.ortiz@agency.com' }));

const officerInputSchema = z.object({
  email: officerEmailSchema,
  name: z.string().trim().min(1, { message: 'give the officer\'s name' }).max(200, { message: 'use a name of at most 200 characters' }).optional(),
  role: z.enum(OFFICER_ROLES, { message: 'use officer or supervisor' }).optional(),
  password: z.string(),
});

export interface OfficerInput {
  email: string;
  /** Required for a new account; an existing one keeps its name when omitted. */
  name?: string | undefined;
  /** New accounts default to 'officer'; an existing one keeps its role when omitted. */
  role?: OfficerRole | undefined;
  password: string;
}

/** "  Dana@Agency.COM " -> "dana@agency.com", or null when it is not an email address. */
export function normalizeOfficerEmail(email: string): string | null {
  const result = officerEmailSchema.safeParse(email);
  return result.success ? result.data : null;
}

/**
 * Parses and checks `input` without touching the database. Throws OfficerInputError naming the
 * field and what to do.
 */
export function parseOfficerInput(input: OfficerInput): { email: string; name?: string; role?: OfficerRole; password: string } {
  const result = officerInputSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new OfficerInputError(`${String(issue?.path[0] ?? 'input')}: ${issue?.message ?? 'invalid'}`);
  }
  const problem = passwordProblem(result.data.password);
  if (problem) throw new OfficerInputError(problem);
  const { email, name, role, password } = result.data;
  return { email, password, ...(name !== undefined ? { name } : {}), ...(role !== undefined ? { role } : {}) };
}

/**
 * Creates the account, or — when the email exists — sets its name, role (when given) and password:
 * a password reset, which also signs the officer out of every console session. A disabled account
 * stays disabled (`disabled: true` tells the caller).
 */
export async function upsertOfficer(db: Db, input: OfficerInput): Promise<{ id: string; created: boolean; role: OfficerRole; disabled: boolean }> {
  const { email, name, role, password } = parseOfficerInput(input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const existing = await tx.officer.findUnique({ where: { email } });
    if (!existing) {
      if (name === undefined) throw new OfficerInputError(`name: ${email} has no account yet; give the officer's name to create one`);
      const officer = await tx.officer.create({ data: { email, name, role: role ?? 'officer', passwordHash, mustChangePassword: false } });
      return { id: officer.id, created: true, role: officer.role as OfficerRole, disabled: false };
    }
    const officer = await tx.officer.update({
      where: { id: existing.id },
      // The password typed at the command line is the officer's own: no change is asked for.
      data: { passwordHash, mustChangePassword: false, ...(name !== undefined ? { name } : {}), ...(role !== undefined ? { role } : {}) },
    });
    await tx.officerSession.deleteMany({ where: { officerId: existing.id } });
    return { id: officer.id, created: false, role: officer.role as OfficerRole, disabled: officer.disabledAt !== null };
  });
}

/** The officer with this email who may sign in, or null (unknown email, or disabled). */
export async function findActiveOfficerByEmail(db: Db, email: string) {
  const normalized = normalizeOfficerEmail(email);
  if (normalized === null) return null;
  const officer = await db.officer.findUnique({ where: { email: normalized } });
  return officer && officer.disabledAt === null ? officer : null;
}

/** True when an account (active or disabled) has this email. */
export async function officerExists(db: Db, email: string): Promise<boolean> {
  const normalized = normalizeOfficerEmail(email);
  return normalized !== null && (await db.officer.count({ where: { email: normalized } })) > 0;
}

/**
 * Disables a console account (it cannot sign in, and every session of it ends at once) or enables
 * it again. Returns null when no account has that email.
 */
export async function setOfficerDisabled(db: Db, email: string, disabled: boolean, now: Date): Promise<{ id: string; changed: boolean } | null> {
  const normalized = normalizeOfficerEmail(email);
  if (normalized === null) return null;
  return db.$transaction(async (tx) => {
    const officer = await tx.officer.findUnique({ where: { email: normalized } });
    if (!officer) return null;
    const changed = (officer.disabledAt !== null) !== disabled;
    if (changed) await tx.officer.update({ where: { id: officer.id }, data: { disabledAt: disabled ? now : null } });
    if (disabled) await tx.officerSession.deleteMany({ where: { officerId: officer.id } });
    return { id: officer.id, changed };
  });
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Managed from the console by a supervisor (the CLI above stays for the first account and scripts)
// ─────────────────────────────────────────────────────────────────────────────────────────────

export interface OfficerListing {
  id: string;
  email: string;
  name: string;
  role: OfficerRole;
  disabled: boolean;
  /** Signed in with a temporary password that has not been changed yet. */
  mustChangePassword: boolean;
  createdAt: string;
}

export async function listOfficers(db: Db): Promise<OfficerListing[]> {
  const rows = await db.officer.findMany({ orderBy: [{ disabledAt: 'asc' }, { name: 'asc' }] });
  return rows.map(listingOf);
}

function listingOf(o: { id: string; email: string; name: string; role: string; disabledAt: Date | null; mustChangePassword: boolean; createdAt: Date }): OfficerListing {
  return {
    id: o.id,
    email: o.email,
    name: o.name,
    role: o.role === 'supervisor' ? 'supervisor' : 'officer',
    disabled: o.disabledAt !== null,
    mustChangePassword: o.mustChangePassword,
    createdAt: o.createdAt.toISOString(),
  };
}

/** Letters and digits that cannot be confused when read aloud or copied (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password for the officer's first sign-in: 20 random characters in groups of five (about 99 bits). */
export function temporaryPassword(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => TEMPORARY_ALPHABET[b % TEMPORARY_ALPHABET.length]!);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

export const newOfficerSchema = z.object({
  email: officerEmailSchema,
  name: z.string({ message: "give the officer's name" }).trim().min(1, { message: "give the officer's name" }).max(200, { message: 'use a name of at most 200 characters' }),
  role: z.enum(OFFICER_ROLES, { message: 'choose officer or supervisor' }),
});

/**
 * A new console account with a temporary password, shown once to the supervisor who made it; the
 * officer chooses their own at the first sign-in. Throws OfficerInputError when the email is taken.
 */
export async function createOfficer(db: Db, input: z.output<typeof newOfficerSchema>, byOfficerId: string): Promise<{ officer: OfficerListing; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.officer.findUnique({ where: { email: input.email } })) {
      throw new OfficerInputError(`${input.email} already has a console account: reset its password or enable it instead.`);
    }
    const officer = await tx.officer.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true } });
    await appendAudit(tx, { type: 'officer.created', actor: `officer:${byOfficerId}`, detail: { officerId: officer.id, role: input.role } });
    return { officer: (await listOne(tx, officer.id))!, temporaryPassword: password };
  });
}

/** A new temporary password (shown once); every session of that officer ends. */
export async function resetOfficerPassword(db: Db, officerId: string, byOfficerId: string): Promise<{ officer: OfficerListing; temporaryPassword: string } | null> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { count } = await tx.officer.updateMany({ where: { id: officerId }, data: { passwordHash, mustChangePassword: true } });
    if (count === 0) return null;
    await tx.officerSession.deleteMany({ where: { officerId } });
    await appendAudit(tx, { type: 'officer.password_reset', actor: `officer:${byOfficerId}`, detail: { officerId } });
    return { officer: (await listOne(tx, officerId))!, temporaryPassword: password };
  });
}

export type DisableRefusal = 'self';

/**
 * Disables (sessions end at once) or enables an account, by id. A supervisor cannot disable their
 * own account — so an active supervisor always remains to manage the console.
 */
export async function setOfficerDisabledById(
  db: Db,
  officerId: string,
  disabled: boolean,
  byOfficerId: string,
  now: Date,
): Promise<{ officer: OfficerListing } | { refused: DisableRefusal } | null> {
  return db.$transaction(async (tx) => {
    const officer = await tx.officer.findUnique({ where: { id: officerId } });
    if (!officer) return null;
    if (disabled && officerId === byOfficerId) return { refused: 'self' as const };
    if ((officer.disabledAt !== null) !== disabled) {
      await tx.officer.update({ where: { id: officerId }, data: { disabledAt: disabled ? now : null } });
      await appendAudit(tx, { type: disabled ? 'officer.disabled' : 'officer.enabled', actor: `officer:${byOfficerId}`, detail: { officerId } });
    }
    if (disabled) await tx.officerSession.deleteMany({ where: { officerId } });
    return { officer: (await listOne(tx, officerId))! };
  });
}

/**
 * The officer's own new password (after a temporary one, or any time): the current one must match.
 * Other sessions of the officer end; this one stays. Returns a sentence saying what is wrong, or null.
 */
export async function changeOwnPassword(db: Db, officerId: string, sessionId: string, current: string, next: string): Promise<string | null> {
  const officer = await db.officer.findUnique({ where: { id: officerId } });
  if (!officer || !(await verifyPassword(current, officer.passwordHash))) return 'Your current password is not right. Type it again (for a new account: the temporary password you were given).';
  const problem = passwordProblem(next);
  if (problem) return problem;
  if (next === current) return 'Choose a new password that is different from the current one.';
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.officer.update({ where: { id: officerId }, data: { passwordHash, mustChangePassword: false } });
    await tx.officerSession.deleteMany({ where: { officerId, id: { not: sessionId } } });
    await appendAudit(tx, { type: 'officer.password_changed', actor: `officer:${officerId}` });
  });
  return null;
}

async function listOne(tx: Tx, officerId: string): Promise<OfficerListing | null> {
  const o = await tx.officer.findUnique({ where: { id: officerId } });
  return o ? listingOf(o) : null;
}
