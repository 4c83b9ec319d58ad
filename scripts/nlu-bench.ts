/**
 * Recognition time of the deterministic recognizer, per message, over every labelled message the
 * repository has (training utterances, blind and development batches): p50, p99 and max after
 * start-up. Printed by `npm run bench` (scripts/bench.ts calls printRecognitionTiming), or alone:
 *
 *   npx tsx scripts/nlu-bench.ts
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { DeterministicRecognizer } from '../src/nlu/deterministicRecognizer.ts';
import { readIntentRows } from '../src/nlu/evaluation.ts';
import { trainingUtterances } from '../src/nlu/model/trainingData.ts';

function batches(dir: URL): Array<{ text: string; language: 'en' | 'es' }> {
  return readdirSync(dir).flatMap((round) => readIntentRows(fileURLToPath(new URL(`${round}/`, dir))));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export async function printRecognitionTiming(): Promise<void> {
  const started = performance.now();
  const recognizer = new DeterministicRecognizer();
  const startup = performance.now() - started;
  const messages = [
    ...trainingUtterances(),
    ...batches(new URL('../test/nlu/blind/', import.meta.url)),
    ...batches(new URL('../test/nlu/dev/', import.meta.url)),
  ];
  // The number reader loads its models on first use (seconds, once per process): not a turn's cost.
  recognizer.recognizeSync('born the first of may nineteen eighty', { language: 'en' });
  recognizer.recognizeSync('nací el primero de mayo de mil novecientos ochenta', { language: 'es' });
  const times: number[] = [];
  const cpu: number[] = [];
  for (const { text, language } of messages) {
    const cpuAt = process.cpuUsage();
    const at = performance.now();
    recognizer.recognizeSync(text, { language });
    times.push(performance.now() - at);
    const used = process.cpuUsage(cpuAt);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const row = (label: string, value: string) => console.log(`${label.padEnd(28)} ${value}`);
  console.log('\nRecognition (deterministic recognizer, in process)');
  row('messages', String(times.length));
  row('recognizer start-up', `${startup.toFixed(0)} ms (model load and warm-up)`);
  row('recognition p50', `${percentile(times, 50).toFixed(3)} ms`);
  row('recognition p99', `${percentile(times, 99).toFixed(3)} ms`);
  row('recognition max', `${times[times.length - 1]?.toFixed(3)} ms`);
  // On a shared machine the wall clock also counts time the process waited for a core.
  row('recognition CPU p50 / p99', `${percentile(cpu, 50).toFixed(3)} / ${percentile(cpu, 99).toFixed(3)} ms`);
  row('load average (1 min)', `${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`);
}

if (import.meta.url === `file://${process.argv[1]}`) await printRecognitionTiming();
