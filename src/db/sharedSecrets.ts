import type { Db } from './database.ts';
import { isUniqueViolation } from './transactions.ts';

/**
 * A secret every instance on the database shares (e.g. the demo checkout's webhook signing secret):
 * read if it exists, otherwise made by `create` and stored by whichever instance gets there first.
 */
export async function sharedSecret(db: Db, name: string, create: () => string): Promise<string> {
  const existing = await db.sharedSecret.findUnique({ where: { name } });
  if (existing) return existing.value;
  try {
    await db.sharedSecret.create({ data: { name, value: create() } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return (await db.sharedSecret.findUniqueOrThrow({ where: { name } })).value;
}
