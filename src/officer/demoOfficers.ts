/**
 * Demo console accounts for a fresh development database, so `npm start` can be tried at once.
 * Never created when NODE_ENV=production or when any console account exists: the passwords are public.
 */
import type { Db } from '../db/database.ts';
import { upsertOfficer } from './officers.ts';

export const DEMO_OFFICERS = [
  { email: 'officer@demo.example', name: 'Dana Ortiz', role: 'officer', password: 'demo-officer-password' },
  { email: 'supervisor@demo.example', name: 'Sam Lee', role: 'supervisor', password: 'demo-supervisor-password' },
] as const;

export async function seedDemoOfficersIfNone(db: Db): Promise<boolean> {
  if ((await db.officer.count()) > 0) return false;
  for (const officer of DEMO_OFFICERS) await upsertOfficer(db, { ...officer });
  return true;
}
