/**
 * Which curated answers a message asks for. Both languages' phrasings are tried whatever the
 * conversation's language (people mix them); the answer is then said in the conversation's language.
 * Pure: no I/O once the answer files are read.
 */
import { LANGUAGES } from '../messages/catalogue.ts';
import { ANSWER_IDS, answerSet, type AnswerId } from './answerSet.ts';
import { editDistance, foldText } from './fold.ts';

/** Words this long or longer match with one typo ("lawsiut", "legitamate"); shorter ones exactly (five-letter words are too close to each other: "quedo", "puedo"). */
const FUZZY_FROM = 6;

function wordMatches(word: string, wanted: string): boolean {
  if (word === wanted) return true;
  return wanted.length >= FUZZY_FROM && word.length >= FUZZY_FROM - 1 && editDistance(word, wanted, 1) <= 1;
}

/** Whether the words contain `phrase` (one or more words) as a run. */
function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((wanted, k) => wordMatches(words[i + k]!, wanted))) return true;
  }
  return false;
}

/** "sue|take me to court" → [["sue"], ["take", "me", "to", "court"]], folded like the messages. */
function alternatives(group: string): string[][] {
  return group
    .split('|')
    .map((alternative) => foldText(alternative).split(' ').filter(Boolean))
    .filter((words) => words.length > 0);
}

interface CompiledAnswer {
  id: AnswerId;
  rules: string[][][][];
  unless: string[][][];
}

let compiled: CompiledAnswer[] | null = null;

function compile(): CompiledAnswer[] {
  const out: CompiledAnswer[] = [];
  for (const id of ANSWER_IDS) {
    const rules: string[][][][] = [];
    const unless: string[][][] = [];
    for (const language of LANGUAGES) {
      const answer = answerSet(language).get(id)!;
      for (const rule of answer.match) rules.push(rule.map(alternatives));
      for (const group of answer.unless ?? []) unless.push(alternatives(group));
    }
    out.push({ id, rules, unless });
  }
  return out;
}

function anyPresent(words: readonly string[], group: string[][]): boolean {
  return group.some((phrase) => containsPhrase(words, phrase));
}

/** The answers a message asks for, in the answer set's order (a message may ask two things). */
export function matchAnswers(text: string): AnswerId[] {
  const words = foldText(text).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  compiled ??= compile();
  return compiled
    .filter((answer) => answer.rules.some((rule) => rule.every((group) => anyPresent(words, group))) && !answer.unless.some((group) => anyPresent(words, group)))
    .map((answer) => answer.id);
}
