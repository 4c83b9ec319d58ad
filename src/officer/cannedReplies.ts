/**
 * Saved replies the agency writes once and officers insert into the composer. Inserting does not
 * send: the text goes through the reply check like anything typed. Supervisors add, edit and delete
 * them. Placeholders filled in by the page: {debtorFirstName}, {officerFirstName}.
 */
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit.ts';
import { redactCardNumbers } from '../domain/redaction.ts';
import { ConsoleRefusal } from './refusal.ts';
import type { SignedInOfficer } from './sessions.ts';

export const PLACEHOLDERS = ['{debtorFirstName}', '{officerFirstName}'] as const;

export const cannedReplySchema = z.object({
  title: z.string({ error: 'Give the reply a short title.' }).trim().min(1, 'Give the reply a short title.').max(80, 'Keep the title under 80 characters.'),
  body: z.string({ error: 'Write the reply.' }).trim().min(1, 'Write the reply.').max(1600, 'Keep a reply under 1,600 characters (about 10 text messages).'),
  language: z.enum(['en', 'es'], { error: 'language must be en or es' }).default('en'),
});

export interface CannedReplyView {
  id: string;
  title: string;
  body: string;
  language: string;
  updatedAt: string;
}

export async function listCannedReplies(db: Db): Promise<CannedReplyView[]> {
  const rows = await db.cannedReply.findMany({ orderBy: [{ language: 'asc' }, { title: 'asc' }] });
  return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, language: r.language, updatedAt: r.updatedAt.toISOString() }));
}

function checkBody(body: string): string {
  if (redactCardNumbers(body).found) throw new ConsoleRefusal(422, 'A saved reply must not contain a card number.');
  const unknown = [...body.matchAll(/\{[^{}\s]*\}/g)].map((m) => m[0]).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new ConsoleRefusal(422, `Unknown placeholder ${unknown[0]}: use ${PLACEHOLDERS.join(' or ')}.`);
  return body;
}

export async function saveCannedReply(db: Db, officer: SignedInOfficer, id: string | null, input: z.output<typeof cannedReplySchema>): Promise<CannedReplyView> {
  const data = { title: input.title, body: checkBody(input.body), language: input.language, updatedBy: officer.id };
  return db.$transaction(async (tx) => {
    let row;
    if (id) {
      const { count } = await tx.cannedReply.updateMany({ where: { id }, data });
      if (count === 0) throw new ConsoleRefusal(404, 'There is no such saved reply.');
      row = await tx.cannedReply.findUniqueOrThrow({ where: { id } });
    } else {
      row = await tx.cannedReply.create({ data });
    }
    await appendAudit(tx, { type: 'canned_reply.saved', actor: `officer:${officer.id}`, detail: { cannedReplyId: row.id, created: id === null } });
    return { id: row.id, title: row.title, body: row.body, language: row.language, updatedAt: row.updatedAt.toISOString() };
  });
}

export async function deleteCannedReply(db: Db, officer: SignedInOfficer, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.cannedReply.deleteMany({ where: { id } });
    if (count === 0) throw new ConsoleRefusal(404, 'There is no such saved reply.');
    await appendAudit(tx, { type: 'canned_reply.deleted', actor: `officer:${officer.id}`, detail: { cannedReplyId: id } });
  });
}
