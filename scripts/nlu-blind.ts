/**
 * Figures of the recognizer on a blind batch (test/nlu/blind/<round>/intents.jsonl and
 * verification.jsonl): recall per right, false rights on ordinary messages, English vs Spanish,
 * and which verification facts were read (src/nlu/evaluation.ts). Run before a batch joins any
 * training data, and keep the output beside the batch as FIRST_SEEN.md.
 *
 *   npx tsx scripts/nlu-blind.ts test/nlu/blind/round-01
 */
import { recognizeSync, extractEntities } from '../src/nlu/deterministicRecognizer.ts';
import { evaluateBatch, formatFigures, readIntentRows, readVerificationRows } from '../src/nlu/evaluation.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx scripts/nlu-blind.ts <batch dir>');
const figures = evaluateBatch(readIntentRows(dir), readVerificationRows(dir), {
  intent: (text, language) => recognizeSync(text, { language }).intent,
  entities: (text, language) => extractEntities(text, language),
});
console.log(formatFigures(figures));
