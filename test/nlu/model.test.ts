/**
 * The learned half of the recognizer (issue #11 items 1 and 5): the shipped model is the one the
 * training data makes, training is reproducible, and the data files read as documented.
 */
import { describe, expect, it } from 'vitest';
import { MODEL_CLASSES } from '../../src/nlu/decide.ts';
import { readMessage } from '../../src/nlu/entities/index.ts';
import { expandPlaceholders, lexiconPatterns } from '../../src/nlu/lexicon.ts';
import { FEATURE_VERSION, featuresOf } from '../../src/nlu/model/features.ts';
import { intentModel, IntentModel } from '../../src/nlu/model/intentModel.ts';
import { train } from '../../src/nlu/model/train.ts';
import { expandAlternatives, trainingDataHash, trainingUtterances } from '../../src/nlu/model/trainingData.ts';
import { seededRandom } from '../../src/nlu/model/train.ts';
import { INTENTS } from '../../src/nlu/recognizer.ts';

describe('the shipped intent model', () => {
  it('was trained on the training data as it is now (run npm run nlu:train after changing it)', () => {
    expect(intentModel().file.dataHash).toBe(trainingDataHash());
    expect(intentModel().file.featureVersion).toBe(FEATURE_VERSION);
  });
  it('scores every intent but unknown', () => {
    expect(intentModel().classes).toEqual(MODEL_CLASSES);
    expect(MODEL_CLASSES).toEqual(INTENTS.filter((i) => i !== 'unknown'));
  });
  it('refuses a model built from other features', () => {
    expect(() => new IntentModel({ ...intentModel().file, featureVersion: FEATURE_VERSION + 1 })).toThrow(/npm run nlu:train/);
  });
  it('is small enough to ship and load at start-up', () => {
    expect(JSON.stringify(intentModel().file).length).toBeLessThan(3_000_000);
  });
});

describe('training', () => {
  const rows = trainingUtterances()
    .filter((_, i) => i % 10 === 0)
    .map((u) => ({ normalized: readMessage(u.text, u.language).normalized, labels: u.labels }));
  it('gives the same model from the same rows', () => {
    const a = train(rows, { classes: MODEL_CLASSES, dataHash: 'x', epochs: 2 });
    const b = train(rows, { classes: MODEL_CLASSES, dataHash: 'x', epochs: 2 });
    expect(a).toEqual(b);
  });
  it('learns: a class its rows name scores higher on them than on other rows', () => {
    const model = new IntentModel(train(rows, { classes: MODEL_CLASSES, dataHash: 'x', epochs: 4 }));
    const crisis = rows.filter((r) => r.labels.includes('crisis'));
    const others = rows.filter((r) => r.labels.length > 0 && !r.labels.includes('crisis') && !r.labels.includes('distress'));
    const mean = (list: typeof rows) => list.reduce((s, r) => s + model.scores(r.normalized).get('crisis')!, 0) / list.length;
    expect(mean(crisis)).toBeGreaterThan(mean(others) + 0.3);
  });
  it('has data for every intent it scores, in both languages', () => {
    const utterances = trainingUtterances();
    for (const intent of MODEL_CLASSES) {
      for (const language of ['en', 'es'] as const) {
        expect(utterances.some((u) => u.language === language && u.labels.includes(intent)), `${intent} ${language}`).toBe(true);
      }
    }
  });
});

describe('data files', () => {
  it('expand "(a|b)" alternatives, all of them or a seeded sample', () => {
    expect(expandAlternatives('(I|we) (can|could) pay', 8, seededRandom(1))).toEqual(['I can pay', 'we can pay', 'I could pay', 'we could pay']);
    expect(expandAlternatives('pay (it |)now', 8, seededRandom(1))).toEqual(['pay it now', 'pay now']);
    const many = expandAlternatives('(a|b|c|d) (e|f|g|h) (i|j|k|l)', 5, seededRandom(1));
    expect(many).toHaveLength(5);
    expect(new Set(many).size).toBe(5);
  });
  it('name more intents at the end of a line', () => {
    const row = trainingUtterances().find((u) => u.text.startsWith('stop calling me. im going to end it tonight'));
    expect(row?.labels).toEqual(['crisis', 'cease']);
  });
  it('put word lists into patterns and say which entry is broken', () => {
    expect(expandPlaceholders('\\bmy ({relative})\\b')).toMatch(/husband\|/);
    expect(() => lexiconPatterns('no/such-file')).toThrow();
  });
  it('features are words, word pairs and word pieces', () => {
    expect(featuresOf('my lawyer')).toEqual(expect.arrayContaining(['w:my', 'w:lawyer', 'b:my lawyer', 'c:<law', 'c:yer>']));
  });
});
