/**
 * A creditor's own wording for the answers it may configure (answers marked creditorConfigurable in
 * the answer files, e.g. what it reports to the credit bureaus). Stored as JSON in
 * Creditor.answersJson, validated on every read and write; a language left out gets the default.
 */
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { Language } from '../messages/catalogue.ts';
import { ANSWER_IDS, answerSet, type AnswerId } from './answerSet.ts';

const texts = z.strictObject({ en: z.string().trim().min(1).max(1500).optional(), es: z.string().trim().min(1).max(1500).optional() });
const schema = z.partialRecord(z.enum(ANSWER_IDS), texts).superRefine((value, ctx) => {
  for (const id of Object.keys(value) as AnswerId[]) {
    if (!answerSet('en').get(id)!.creditorConfigurable) ctx.addIssue({ code: 'custom', path: [id], message: `the answer "${id}" is not creditor-configurable` });
  }
});

export type CreditorAnswers = z.infer<typeof schema>;

/** Parses Creditor.answersJson; throws on anything invalid (a stored value is always valid). */
export function parseCreditorAnswers(json: string): CreditorAnswers {
  return schema.parse(JSON.parse(json));
}

/** The creditor's text for an answer in a language, if it set one. */
export function creditorAnswerText(json: string, id: AnswerId, language: Language): string | undefined {
  return parseCreditorAnswers(json)[id]?.[language];
}

/** Stores a creditor's answers after validating them. Returns the creditor's id. */
export async function setCreditorAnswers(db: Db, creditorName: string, answers: unknown): Promise<string> {
  const valid = schema.parse(answers);
  const creditor = await db.creditor.update({ where: { name: creditorName }, data: { answersJson: JSON.stringify(valid) } });
  return creditor.id;
}
