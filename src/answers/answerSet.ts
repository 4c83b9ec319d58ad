/**
 * The curated answer set (issue #12 items 11-13): what people actually ask a collections chat —
 * "are you a scam?", "will this hurt my credit?", "can they sue me?" — with the ways they ask it
 * and the answers, one data file per language (answers.en.json, answers.es.json). Each answer was
 * written for Reg F: no threats (1006.14, 1006.18), no promises the agency cannot keep, the 1006.26
 * truth on time-barred debts, nothing about any account before verification (1006.6(d)).
 *
 * The files are validated here when first read, so a typo in one fails at start-up, not in a chat.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Language } from '../messages/catalogue.ts';

/** Every answer the set knows. The dialogs choose among an answer's texts by the account's state. */
export const ANSWER_IDS = [
  'who_we_are',
  'credit_report',
  'missed_payment',
  'change_plan',
  'account_closed',
  'pay_by_card',
  'saved_card',
  'link_broken',
  'contact_info',
  'lawsuit',
  'should_i_pay',
  'keep_contacting',
  'how_got_info',
  'card_declined',
  'reminders',
  'esign_meaning',
  'what_next',
  'why_verify',
  'wait_time',
  'stay_with_bot',
  'switch_account',
] as const;
export type AnswerId = (typeof ANSWER_IDS)[number];

/** The texts each answer must have: which one is said depends on the account (see dialogs/answers.ts). */
export const ANSWER_TEXTS: Readonly<Record<AnswerId, readonly string[]>> = {
  who_we_are: ['before', 'verified'],
  credit_report: ['default'],
  missed_payment: ['default'],
  change_plan: ['default'],
  account_closed: ['paid', 'plan', 'open'],
  pay_by_card: ['default'],
  saved_card: ['default'],
  link_broken: ['fresh', 'none'],
  contact_info: ['default'],
  lawsuit: ['timeBarred', 'default'],
  should_i_pay: ['attorney', 'bankruptcy', 'paused', 'default'],
  keep_contacting: ['default'],
  how_got_info: ['default'],
  card_declined: ['default'],
  reminders: ['default'],
  esign_meaning: ['default'],
  // Review 10, 06: "so what happens now, do i need to send them anything" after a dispute.
  what_next: ['disputed', 'paused', 'default'],
  // Review 10, 12: "pa que quieren eso" when the date of birth is asked.
  why_verify: ['default'],
  // Said from the conversation catalogue (they depend on the queue, not on words of their own).
  wait_time: [],
  stay_with_bot: [],
  switch_account: [],
};

/** Placeholders a text may use; the dialogs fill them from the collector's and the account's facts. */
export const PLACEHOLDERS = ['collectorName', 'collectorPhone', 'collectorAddress', 'collectorHours', 'creditor', 'originalCreditor', 'balance', 'link'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A group is a list of alternatives ("sue|sued|take me to court"); a rule matches when every group does. */
const group = z.string().min(1);
const answerSchema = z.strictObject({
  id: z.enum(ANSWER_IDS),
  /** "account": answered only after verification (it depends on the account); asked before, it is answered right after. */
  needs: z.enum(['none', 'account']),
  /** A creditor may replace the default text with its own (Creditor.answersJson). */
  creditorConfigurable: z.boolean().optional(),
  /** How people ask it: every example must match this answer (test/answers). */
  examples: z.array(z.string().min(1)).min(1),
  match: z.array(z.array(group).min(1)).min(1),
  /** Alternatives that, when present, mean it is another question. */
  unless: z.array(group).optional(),
  texts: z.record(z.string(), z.string().min(1)),
});
const fileSchema = z.strictObject({ language: z.enum(['en', 'es']), answers: z.array(answerSchema) });

export type Answer = z.infer<typeof answerSchema> & { id: AnswerId };
export type AnswerSet = ReadonlyMap<AnswerId, Answer>;

function load(language: Language): AnswerSet {
  const file = new URL(`./answers.${language}.json`, import.meta.url);
  const parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (parsed.language !== language) throw new Error(`${file.pathname}: says language ${parsed.language}`);
  const set = new Map<AnswerId, Answer>();
  for (const answer of parsed.answers) {
    if (set.has(answer.id)) throw new Error(`${file.pathname}: answer ${answer.id} appears twice`);
    const keys = Object.keys(answer.texts).sort();
    const expected = [...ANSWER_TEXTS[answer.id]].sort();
    if (keys.join() !== expected.join()) throw new Error(`${file.pathname}: answer ${answer.id} needs the texts ${expected.join(', ') || '(none)'}, has ${keys.join(', ') || '(none)'}`);
    for (const text of Object.values(answer.texts)) {
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
        if (!(PLACEHOLDERS as readonly string[]).includes(name!)) throw new Error(`${file.pathname}: answer ${answer.id} uses an unknown placeholder {${name}}`);
      }
    }
    set.set(answer.id, answer);
  }
  const missing = ANSWER_IDS.filter((id) => !set.has(id));
  if (missing.length > 0) throw new Error(`${file.pathname}: no answer for ${missing.join(', ')}`);
  return set;
}

const sets = new Map<Language, AnswerSet>();

export function answerSet(language: Language): AnswerSet {
  let set = sets.get(language);
  if (!set) {
    set = load(language);
    sets.set(language, set);
  }
  return set;
}

/** Fills {placeholders}; a placeholder without a value is an error in the caller, never sent as braces. */
export function fillAnswer(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(/\{(\w+)\}/g, (_all, name: string) => {
    const value = values[name as Placeholder];
    if (value === undefined) throw new Error(`no value for {${name}}`);
    return value;
  });
}
