/** "what if I can't pay one month?": a clause asking what would happen (lexicon/what-if.txt). */
import { alternationOf } from './lexicon.ts';

const WHAT_IF = new RegExp(`\\b(?:${alternationOf('what-if')})\\b`);
/** From the question's opening to the end of its clause (normalised text: clauses end at "|"). */
const WHAT_IF_CLAUSE = new RegExp(`\\b(?:${alternationOf('what-if')})\\b[^|]*`, 'g');

export function asksWhatIf(normalized: string): boolean {
  return WHAT_IF.test(normalized);
}

/** The text with its what-if clauses blanked out. */
export function withoutWhatIf(normalized: string): string {
  return normalized.replace(WHAT_IF_CLAUSE, (m) => ' '.repeat(m.length));
}
