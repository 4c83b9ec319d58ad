/**
 * The recognizer's word lists and patterns are data: text files under src/nlu/lexicon/, one entry
 * a line, blank lines and lines starting with "#" ignored. Each file is read once per process.
 *
 * Pattern files hold one regular-expression source a line, matched against normalizeText output
 * (lower-case ASCII words, single spaces). `{name}` inside a pattern stands for the alternation of
 * the word list lexicon/<name>.txt ("{relative}" → "husband|wife|mother|…").
 */
import { readFileSync } from 'node:fs';

const LEXICON_URL = new URL('./lexicon/', import.meta.url);
const cache = new Map<string, string[]>();

/** The entries of lexicon/<name>.txt ("rules/attorney", "relatives"). */
export function lexiconLines(name: string): string[] {
  let lines = cache.get(name);
  if (lines === undefined) {
    if (!/^[a-z0-9][a-z0-9_/-]*$/.test(name) || name.includes('..')) throw new Error(`Invalid lexicon name: ${name}`);
    lines = readFileSync(new URL(`${name}.txt`, LEXICON_URL), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    cache.set(name, lines);
  }
  return lines;
}

export function lexiconSet(name: string): Set<string> {
  return new Set(lexiconLines(name));
}

/** "key = value" lines as a map ("u = you"). */
export function lexiconMap(name: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of lexiconLines(name)) {
    const at = line.indexOf(' = ');
    if (at < 0) throw new Error(`lexicon/${name}.txt: expected "key = value", got ${JSON.stringify(line)}`);
    map.set(line.slice(0, at).trim(), line.slice(at + 3).trim());
  }
  return map;
}

/**
 * The alternation of a word list (of a map's keys), longest entries first so "late husband" wins
 * over "husband". Entries are literal words: regex characters in them are escaped.
 */
export function alternationOf(name: string): string {
  return lexiconLines(name)
    .map((line) => line.split(' = ')[0]!.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/** A pattern source with its `{list}` placeholders replaced by word-list alternations. */
export function expandPlaceholders(source: string): string {
  return source.replace(/\{([a-z][a-z0-9_/-]*)\}/g, (_m, list: string) => `(?:${alternationOf(list)})`);
}

/** The patterns of lexicon/<name>.txt, compiled. */
export function lexiconPatterns(name: string, flags = ''): RegExp[] {
  return lexiconLines(name).map((source, i) => {
    try {
      return new RegExp(expandPlaceholders(source), flags);
    } catch (error) {
      throw new Error(`lexicon/${name}.txt, entry ${i + 1}: ${(error as Error).message}`);
    }
  });
}
