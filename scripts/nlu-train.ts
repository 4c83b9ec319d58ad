/**
 * Trains the intent model from src/nlu/training/ and writes src/nlu/model/intent-model.json.
 *
 *   npm run nlu:train
 *
 * Prints how many utterances each intent has, how many features the model kept and how long it
 * took. The recognizer refuses a model built from other features; a test fails when the training
 * data changed since the model was written.
 */
import { statSync, writeFileSync } from 'node:fs';
import { readMessage } from '../src/nlu/entities/index.ts';
import { MODEL_URL } from '../src/nlu/model/intentModel.ts';
import { train } from '../src/nlu/model/train.ts';
import { trainingDataHash, trainingUtterances } from '../src/nlu/model/trainingData.ts';
import { MODEL_CLASSES } from '../src/nlu/decide.ts';

const started = performance.now();
const utterances = trainingUtterances();
const rows = utterances.map((u) => ({ normalized: readMessage(u.text, u.language).normalized, labels: u.labels }));
const model = train(rows, { classes: MODEL_CLASSES, dataHash: trainingDataHash() });
writeFileSync(MODEL_URL, `${JSON.stringify(model)}\n`);

const count = (label: string, language: string) => utterances.filter((u) => u.language === language && u.labels.includes(label)).length;
console.log('intent               en     es');
for (const label of MODEL_CLASSES) console.log(`${label.padEnd(18)} ${String(count(label, 'en')).padStart(5)}  ${String(count(label, 'es')).padStart(5)}`);
console.log(`no intent          ${String(utterances.filter((u) => u.language === 'en' && u.labels.length === 0).length).padStart(5)}  ${String(utterances.filter((u) => u.language === 'es' && u.labels.length === 0).length).padStart(5)}`);
console.log(`utterances ${utterances.length}, features kept ${Object.keys(model.weights).length}, model ${(statSync(MODEL_URL).size / 1024).toFixed(0)} KiB, ${((performance.now() - started) / 1000).toFixed(1)} s`);
