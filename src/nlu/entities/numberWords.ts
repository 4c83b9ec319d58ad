/**
 * Spelled-out numbers and ordinals ("the thirtieth of May nineteen fifty eight", "veinte de julio
 * de mil novecientos setenta y cinco", "fifty dollars a month") rewritten as digits, so the date and
 * money readers see "30 of may 1958", "20 de julio de 1975", "50 dollars a month".
 *
 * The reading itself is @microsoft/recognizers-text-suite's number and ordinal models (English and
 * Spanish), not a hand parser. They are costly — the first Spanish call loads for seconds and a
 * Spanish parse takes tens of milliseconds — so they run only when a message holds a number word
 * next to something a number could be (a month, a birthday, money): a few messages in a hundred,
 * and never the per-turn path of ordinary messages; the other language's models only when its words are there.
 */
import { Culture, recognizeNumber, recognizeOrdinal } from '@microsoft/recognizers-text-suite';
import { alternationOf } from '../lexicon.ts';

const WORDS = { en: alternationOf('number-words-en'), es: alternationOf('number-words-es') };
const NUMBER_WORD = { en: new RegExp(`\\b(?:${WORDS.en})\\b`), es: new RegExp(`\\b(?:${WORDS.es})\\b`) };
/** A date (a month name, a birthday word), or a number word right before a currency or a period. */
const DATE_CONTEXT = new RegExp(`\\b(?:${alternationOf('months')}|${alternationOf('number-contexts')})\\b`);
// Amounts in English words only: the Spanish number model takes tens of milliseconds a message.
const AMOUNT = new RegExp(`\\b(?:${WORDS.en})(?:[\\s-]+(?:${WORDS.en}|and))*\\s+(?:${alternationOf('money-after-number')})\\b`);

interface Span {
  start: number;
  end: number;
  value: number;
}

function spansOf(text: string, culture: string): Span[] {
  const spans: Span[] = [];
  for (const result of [...recognizeNumber(text, culture), ...recognizeOrdinal(text, culture)]) {
    const value = Number((result.resolution as { value?: string } | undefined)?.value);
    if (Number.isInteger(value) && value >= 0) spans.push({ start: result.start, end: result.end + 1, value });
  }
  // Longest first at each start; drop spans inside another.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of spans) if (!kept.some((k) => span.start < k.end && span.end > k.start)) kept.push(span);
  return kept;
}

/**
 * The text (case folded, accents stripped) with spelled-out numbers as digits, or the text itself
 * when it holds no number word in a date or money context. "nineteen fifty eight" → "1958".
 */
export function spellOutNumbers(folded: string, language: 'en' | 'es'): string {
  const present = (['en', 'es'] as const).filter((l) => NUMBER_WORD[l].test(folded));
  const date = DATE_CONTEXT.test(folded);
  if (present.length === 0 || !(date || AMOUNT.test(folded))) return folded;
  // The message's language first; the other one's words are read too ("my name es Kevin, birthday tres de agosto").
  const order = language === 'es' ? (['es', 'en'] as const) : (['en', 'es'] as const);
  const cultures = order.filter((l) => present.includes(l) && (date || l === 'en')).map((l) => (l === 'es' ? Culture.Spanish : Culture.English));
  let text = folded;
  for (const culture of cultures) {
    const spans = spansOf(text, culture).filter((s) => /[a-z]/.test(text.slice(s.start, s.end)));
    if (spans.length === 0) continue;
    let out = '';
    let at = 0;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i]!;
      const next = spans[i + 1];
      let value = String(span.value);
      let end = span.end;
      // "nineteen fifty eight": a century word followed by two digits is one year.
      if ((span.value === 19 || span.value === 20) && next && next.value >= 0 && next.value <= 99 && /^[\s,]*$/.test(text.slice(span.end, next.start))) {
        value = `${span.value}${String(next.value).padStart(2, '0')}`;
        end = next.end;
        i++;
      }
      out += `${text.slice(at, span.start)}${value}`;
      at = end;
    }
    text = out + text.slice(at);
  }
  return text;
}
