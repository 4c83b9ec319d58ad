/**
 * Issue #11: the recognizer's figures on every batch in test/nlu/blind/ (written by someone who had
 * not seen the recognizer) and test/nlu/dev/ (written by us, not blind), printed as tables.
 *
 * A blind batch's honest figures are the ones taken on first sight, kept beside it as FIRST_SEEN.md;
 * once a batch has joined the training data (src/nlu/training/learned-batches.txt) it must meet
 * the targets — crisis recall ≥ 98 %, every other right ≥ 95 %, false rights on ordinary messages
 * ≤ 3 %, Spanish within 2 points of English — so nothing learned is lost.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractEntities, recognizeSync } from '../../src/nlu/deterministicRecognizer.ts';
import { evaluateBatch, formatFigures, rate, readIntentRows, readVerificationRows, type BatchFigures } from '../../src/nlu/evaluation.ts';
import { learnedBatches } from '../../src/nlu/model/trainingData.ts';

const recognizer = {
  intent: (text: string, language: 'en' | 'es') => recognizeSync(text, { language }).intent,
  entities: (text: string, language: 'en' | 'es') => extractEntities(text, language),
};

function batchesIn(relative: string): Array<{ name: string; dir: string }> {
  const root = fileURLToPath(new URL(relative, import.meta.url));
  return existsSync(root) ? readdirSync(root).map((name) => ({ name, dir: `${root}${name}` })) : [];
}

const blind = batchesIn('./blind/');
const dev = batchesIn('./dev/');
const learned = new Set(learnedBatches());
/**
 * Learned batches whose verification answers have not been worked on yet: joining the training data
 * teaches the model intents, not the entity readers. An open gap is kept failing in sight
 * (it.fails) until it is closed — then this test turns red and the round comes off this list.
 * Round 02 came off in nlu4 (quoted nicknames, initials, digits said one by one, account numbers
 * in digit groups: name 97.0 %, date of birth 95.4 %, SSN 97.3 %, ZIP and account number 100 %);
 * round 04 was read at the bar once learned (name 98.0 %, the rest 100 %; "me llamo Yesenia", a
 * given name alone, is left unread: verifying by name needs the full name).
 */
const VERIFICATION_OPEN = new Set<string>([]);
/**
 * Rights a learned batch holds below the bar because its labeller and the earlier ones disagree on
 * the same words. Round 04 labels the bare opt-out words ("STOP", "unsubscribe", "BAJA") and texts
 * refused with no other channel named ("no more texts pls", "ya no me manden mensajes de texto") a
 * withdrawal of consent; rounds 01–03 label the same words a cease ("STOP" three times,
 * "Unsubscribe", "stop texting me", "please dont text me anymore", "ya no me manden mensajes", "no
 * más mensajes por favor": some twenty of their rows — 10 of round 01's 52 ceases, 11 of round 02's
 * 48 — would flip, and those rounds' cease recall fall to about 80 %).
 * The recognizer keeps the earlier reading, the safer one (every contact stops; by SMS, "STOP" and
 * "UNSUBSCRIBE" alone never reach it: domain/smsText.ts opts the number out of texts first), and reads as a withdrawal
 * what round 04's other rows say: one electronic channel refused with another welcome, e-mail alone
 * refused, consent or E-SIGN revoked. Measured once learned: withdraw_consent 68.8 % (11/16), the
 * five misses exactly those rows; every other right of round 04 at or over the bar. Kept failing in
 * sight (it.fails) until the labels are settled — then this test turns red.
 */
const RIGHTS_OPEN = new Map<string, string[]>([['round-04', ['withdraw_consent']]]);
const figures = new Map<string, BatchFigures>();
for (const { name, dir } of [...blind, ...dev]) {
  const f = evaluateBatch(readIntentRows(dir), existsSync(`${dir}/verification.jsonl`) ? readVerificationRows(dir) : [], recognizer);
  figures.set(name, f);
  console.log(`\n${name}${learned.has(name) ? ' (learned: in the training data)' : ''}\n${formatFigures(f, { misses: false })}\n${f.misses.length ? `misses:\n${f.misses.join('\n')}` : ''}`);
}

describe('blind batches', () => {
  it('there is at least one, each with its first-seen figures kept beside it', () => {
    expect(blind.length).toBeGreaterThan(0);
    for (const { dir } of blind) expect(existsSync(`${dir}/FIRST_SEEN.md`), dir).toBe(true);
  });

  for (const { name } of blind.filter((b) => learned.has(b.name))) {
    describe(`${name}, learned`, () => {
      const f = figures.get(name)!;
      it('crisis recall ≥ 98 % (a weaker sign may be a check-in)', () => {
        expect(rate(f.recall.get('crisis')!.all)).toBeGreaterThanOrEqual(0.98);
      });
      const open = RIGHTS_OPEN.get(name) ?? [];
      it('every other right ≥ 95 %', () => {
        for (const [label, cell] of f.recall) if (label !== 'crisis' && !open.includes(label)) expect(rate(cell.all), label).toBeGreaterThanOrEqual(0.95);
      });
      for (const label of open) {
        it.fails(`${label} ≥ 95 % (open: the batches' labels disagree)`, () => {
          expect(rate(f.recall.get(label)!.all)).toBeGreaterThanOrEqual(0.95);
        });
      }
      it('false rights on ordinary messages ≤ 3 %', () => {
        expect(rate(f.falseRights.all)).toBeLessThanOrEqual(0.03);
      });
      it('Spanish within 2 points of English on all rights', () => {
        expect(rate(f.allRights.en) - rate(f.allRights.es)).toBeLessThanOrEqual(0.02);
      });
      (VERIFICATION_OPEN.has(name) ? it.fails : it)(`verification facts read${VERIFICATION_OPEN.has(name) ? ' (open: below the bar)' : ''}`, () => {
        for (const [field, ratio] of f.verification) expect(rate(ratio), field).toBeGreaterThanOrEqual(0.95);
      });
    });
  }
});
