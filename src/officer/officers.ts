/**
 * Officer and supervisor accounts of the console: created or reset by `npm run officer:add`,
 * looked up by email at sign-in.
 */
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

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
      const officer = await tx.officer.create({ data: { email, name, role: role ?? 'officer', passwordHash } });
      return { id: officer.id, created: true, role: officer.role as OfficerRole, disabled: false };
    }
    const officer = await tx.officer.update({
      where: { id: existing.id },
      data: { passwordHash, ...(name !== undefined ? { name } : {}), ...(role !== undefined ? { role } : {}) },
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
