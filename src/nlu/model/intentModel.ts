/**
 * The learned half of the recognizer: one logistic regression per intent over word and word-piece
 * features (features.ts), trained by `npm run nlu:train` (scripts/nlu-train.ts, train.ts) from the
 * utterance files in src/nlu/training/ and shipped as the generated intent-model.json.
 *
 * Why this and not NLP.js: NLP.js classifies with a one-layer network over stemmed words — much the
 * same family — but trains in-process at every start (seconds for thousands of utterances), brings
 * its own normaliser beside ours, and has no word pieces for typos. A sparse linear model is a few
 * hundred lines we can read, trains in seconds with FTRL-Proximal (L1 keeps it small), loads in
 * milliseconds and scores a message in microseconds; one model per intent (not a softmax) lets a
 * message hold several intents ("I lost my job, stop calling me").
 */
import { readFileSync } from 'node:fs';
import { FEATURE_VERSION, featuresOf } from './features.ts';

export interface IntentModelFile {
  about: string;
  featureVersion: number;
  /** Digest of the training data and lexicons the model was trained from. */
  dataHash: string;
  classes: string[];
  /** Per class, in thousandths. */
  bias: number[];
  /** feature → [classIndex, weight in thousandths, classIndex, weight, …] */
  weights: Record<string, number[]>;
}

export const MODEL_URL = new URL('./intent-model.json', import.meta.url);

export class IntentModel {
  private readonly weights: Map<string, number[]>;

  constructor(readonly file: IntentModelFile) {
    if (file.featureVersion !== FEATURE_VERSION) {
      throw new Error(`intent-model.json was built from features v${file.featureVersion}, the code reads v${FEATURE_VERSION}: run npm run nlu:train`);
    }
    this.weights = new Map(Object.entries(file.weights));
  }

  static load(url: URL = MODEL_URL): IntentModel {
    return new IntentModel(JSON.parse(readFileSync(url, 'utf8')) as IntentModelFile);
  }

  get classes(): readonly string[] {
    return this.file.classes;
  }

  /** The probability of each class for a normalised message. */
  scores(normalized: string): Map<string, number> {
    const sums = [...this.file.bias];
    for (const feature of featuresOf(normalized)) {
      const pairs = this.weights.get(feature);
      if (!pairs) continue;
      for (let i = 0; i < pairs.length; i += 2) sums[pairs[i]!]! += pairs[i + 1]!;
    }
    const out = new Map<string, number>();
    this.file.classes.forEach((name, i) => out.set(name, 1 / (1 + Math.exp(-sums[i]! / 1000))));
    return out;
  }
}

let shipped: IntentModel | undefined;

/** The shipped model, loaded once. */
export function intentModel(): IntentModel {
  shipped ??= IntentModel.load();
  return shipped;
}
