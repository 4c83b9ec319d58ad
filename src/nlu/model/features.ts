/**
 * What the intent model sees of a message: its normalised words (normalizeText), word pairs, word
 * pairs one apart ("not … disputing"), and four-letter pieces of each word ("<law", "lawy",
 * "awye"…), which carry typos and Spanish inflections ("fallecio"/"fallecida") past exact words.
 * Training (train.ts) and recognition call the same function; FEATURE_VERSION changes with it, so
 * a model built from other features is refused.
 */
export const FEATURE_VERSION = 1;

export function featuresOf(normalized: string): string[] {
  const words = normalized.split(' ').filter((w) => w !== '');
  const features = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    features.add(`w:${word}`);
    const next = words[i + 1];
    if (next !== undefined) features.add(`b:${word} ${next}`);
    const after = words[i + 2];
    if (after !== undefined) features.add(`s:${word} ${after}`);
    if (word.length >= 4 && !/\d/.test(word)) {
      const padded = `<${word}>`;
      for (let j = 0; j + 4 <= padded.length; j++) features.add(`c:${padded.slice(j, j + 4)}`);
    }
  }
  if (words.length <= 2) features.add('len:short');
  else if (words.length > 25) features.add('len:long');
  return [...features];
}
