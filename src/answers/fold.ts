/**
 * The folded form the answer set is matched against: lower-case ASCII words, accents removed,
 * contractions and common SMS shorthand written out ("isn't" -> "is not", "u" -> "you").
 *
 * Hand-written on purpose: the answer set must keep matching while the recognizer
 * (src/nlu/deterministicRecognizer.ts) is rebuilt, and its typo correction is tuned to its own
 * vocabulary, which would "correct" words of the answer set into others.
 */
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/\b(it|that|what|there|here|he|she|who|where|how|this|when|why)'s\b/g, '$1 is'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/\bi'm\b/g, 'i am'],
];

const SHORTHAND: Record<string, string> = {
  u: 'you', ur: 'your', r: 'are', pls: 'please', plz: 'please', thx: 'thanks',
  dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not', cannot: 'can not', wont: 'will not',
  isnt: 'is not', arent: 'are not', wasnt: 'was not', aint: 'is not', im: 'i am', ive: 'i have', youre: 'you are',
  whats: 'what is', thats: 'that is', hows: 'how is', wheres: 'where is', nvm: 'never mind', idk: 'i do not know',
  acct: 'account', acc: 'account', info: 'information', rn: 'right now', cuz: 'because', bc: 'because', txt: 'text',
  q: 'que', xq: 'porque', pq: 'porque', porfa: 'por favor', kiero: 'quiero', tmb: 'tambien',
};

export function foldText(text: string): string {
  let t = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032`´]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  t = t.replace(/'/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  if (t === '') return '';
  return t
    .split(' ')
    .map((word) => SHORTHAND[word] ?? word)
    .join(' ');
}

/** Optimal string alignment distance (one adjacent swap is one edit), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
