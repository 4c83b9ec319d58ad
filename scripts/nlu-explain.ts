/**
 * Why the recognizer read a message the way it did: the normalised clauses, each rule intent's
 * status (hit / voided), the crisis sign, the model's top scores and the result.
 *
 *   npx tsx scripts/nlu-explain.ts "my sister is an attorney and said I should set up payments" [es]
 */
import { crisisSign, withoutIdioms } from '../src/nlu/crisis.ts';
import { recognizeSync } from '../src/nlu/deterministicRecognizer.ts';
import { readMessage } from '../src/nlu/entities/index.ts';
import { matchRules } from '../src/nlu/matcher.ts';
import { intentModel } from '../src/nlu/model/intentModel.ts';

const [text = '', language = 'en'] = process.argv.slice(2);
const lang = language === 'es' ? 'es' : 'en';
const read = readMessage(text, lang);
console.log('normalized:', read.segments.map((s) => read.normalized.slice(s.start, s.end)).join(' | '));
console.log('facts only:', read.factsOnly, JSON.stringify(read.entities));
const statuses = [...matchRules(read.normalized, read.segments)].filter(([, s]) => s !== 'none');
console.log('rules:', statuses.map(([i, s]) => `${i}:${s}`).join(' ') || '—');
console.log('crisis sign:', crisisSign(withoutIdioms(read.normalized)) ?? '—');
const scores = [...intentModel().scores(read.normalized)].sort((a, b) => b[1] - a[1]).slice(0, 5);
console.log('model:', scores.map(([i, p]) => `${i} ${p.toFixed(2)}`).join(', '));
const r = recognizeSync(text, { language: lang });
console.log('result:', r.intent, JSON.stringify(r.intents));
