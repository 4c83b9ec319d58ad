/**
 * Figures of the recognizer on a batch of labelled messages (test/nlu/blind/<round>/intents.jsonl
 * and verification.jsonl): recall per right, false rights on ordinary messages, English against
 * Spanish, and which verification facts were read. scripts/nlu-blind.ts prints them (the figures
 * taken on first sight of a batch are kept beside it as FIRST_SEEN.md); test/nlu/blind.test.ts
 * prints them for every batch and holds the bar.
 *
 * Scoring, as the batches' labels mean it:
 *  - a right's row is caught when the intent acted on (the first) is that right;
 *  - crisis rows marked strength "strong" (or unmarked) must come out as 'crisis'; "weak" ones are
 *    caught as 'crisis' or 'distress' (the check-in: no collection talk either way);
 *  - 'hardship' rows must come out as hardship (acknowledged before anything else);
 *  - 'time_preference' rows are caught when no right is raised (a preference is not a cease);
 *  - every other label is an ordinary message: a right raised on it is a false right.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractName } from './entities/names.ts';
import { RIGHTS_INTENTS, type Entities, type Intent } from './recognizer.ts';

export interface IntentRow {
  text: string;
  language: 'en' | 'es';
  label: string;
  strength?: string;
}

export interface VerificationRow {
  text: string;
  language: 'en' | 'es';
  expect: Record<string, string>;
  ambiguousDate?: boolean;
}

export interface BatchRecognizer {
  intent(text: string, language: 'en' | 'es'): Intent;
  entities(text: string, language: 'en' | 'es'): Entities;
}

const RIGHTS: ReadonlySet<string> = new Set(RIGHTS_INTENTS);
/** Labels whose rows are the debtor exercising a right (or safety), recall measured. */
const RIGHT_LABELS = RIGHTS_INTENTS.filter((i) => i !== 'distress');
const LANGUAGES = ['en', 'es'] as const;

export interface Ratio {
  hit: number;
  total: number;
}

export interface BatchFigures {
  /** Recall per label (the rights, hardship, time_preference) and language. */
  recall: Map<string, Record<'en' | 'es' | 'all', Ratio>>;
  allRights: Record<'en' | 'es' | 'all', Ratio>;
  falseRights: Record<'en' | 'es' | 'all', Ratio>;
  strongCrisis: Ratio;
  weakCrisis: Ratio;
  misses: string[];
  verification: Map<string, Ratio>;
  verificationMisses: string[];
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

export function readIntentRows(dir: string): IntentRow[] {
  return lines(path.join(dir, 'intents.jsonl')).map((l) => JSON.parse(l) as IntentRow);
}

export function readVerificationRows(dir: string): VerificationRow[] {
  return lines(path.join(dir, 'verification.jsonl')).map((l) => JSON.parse(l) as VerificationRow);
}

/** Whether the recognizer's intent counts as catching the row (see the scoring above). */
export function caught(row: IntentRow, got: Intent): boolean {
  if (row.label === 'crisis') return got === 'crisis' || (row.strength === 'weak' && got === 'distress');
  if (row.label === 'time_preference') return !RIGHTS.has(got);
  if (RIGHTS.has(row.label) || row.label === 'hardship') return got === row.label;
  return !RIGHTS.has(got);
}

function isOrdinary(label: string): boolean {
  return !RIGHTS.has(label) && label !== 'hardship' && label !== 'time_preference';
}

const ratio = (): Ratio => ({ hit: 0, total: 0 });
const byLanguage = () => ({ en: ratio(), es: ratio(), all: ratio() });
function count(cell: Record<'en' | 'es' | 'all', Ratio>, language: 'en' | 'es', hit: boolean): void {
  for (const key of [language, 'all'] as const) {
    cell[key].total++;
    if (hit) cell[key].hit++;
  }
}

const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export function evaluateBatch(rows: readonly IntentRow[], verification: readonly VerificationRow[], recognizer: BatchRecognizer): BatchFigures {
  const figures: BatchFigures = {
    recall: new Map(),
    allRights: byLanguage(),
    falseRights: byLanguage(),
    strongCrisis: ratio(),
    weakCrisis: ratio(),
    misses: [],
    verification: new Map(),
    verificationMisses: [],
  };
  const labels = [...RIGHT_LABELS, 'hardship', 'time_preference'].filter((l) => rows.some((r) => r.label === l));
  for (const label of labels) figures.recall.set(label, byLanguage());
  for (const row of rows) {
    const got = recognizer.intent(row.text, row.language);
    const hit = caught(row, got);
    const cell = figures.recall.get(row.label);
    if (cell) count(cell, row.language, hit);
    if (RIGHTS.has(row.label)) count(figures.allRights, row.language, hit);
    if (isOrdinary(row.label)) count(figures.falseRights, row.language, !hit);
    if (row.label === 'crisis') {
      const crisisCell = row.strength === 'weak' ? figures.weakCrisis : figures.strongCrisis;
      crisisCell.total++;
      if (hit) crisisCell.hit++;
    }
    if (!hit) figures.misses.push(`- [${row.language}] ${row.label}${row.strength ? ` (${row.strength})` : ''} → ${got}: ${row.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }

  for (const v of verification) {
    const e = recognizer.entities(v.text, v.language);
    const got: Record<string, string | undefined> = {
      dob: e.dates[0] ? iso(e.dates[0]) : e.ambiguousDateReadings ? iso(e.ambiguousDateReadings[0]) : undefined,
      zip: e.zip,
      ssnLast4: e.ssnLast4,
      accountNumber: e.accountNumber,
      // The verification dialog asks for the name: read as an expected name.
      name: extractName(v.text, { expected: true })?.name,
    };
    for (const [field, want] of Object.entries(v.expect)) {
      const stat = figures.verification.get(field) ?? ratio();
      stat.total++;
      const value = got[field] ?? '';
      const ok = field === 'name' || field === 'accountNumber' ? value.toLowerCase() === want.toLowerCase() : value === want;
      if (ok) stat.hit++;
      else figures.verificationMisses.push(`- [${v.language}] ${field}: want ${want}, got ${got[field] ?? '—'}: ${v.text}`);
      figures.verification.set(field, stat);
    }
  }
  return figures;
}

export const rate = (r: Ratio): number => (r.total === 0 ? 1 : r.hit / r.total);
const pct = (r: Ratio) => (r.total ? `${((r.hit / r.total) * 100).toFixed(1)} % (${r.hit}/${r.total})` : '—');

/** The figures as a Markdown report (the FIRST_SEEN.md format). */
export function formatFigures(figures: BatchFigures, options: { misses?: boolean } = {}): string {
  const out: string[] = ['| label | en | es | all |', '|---|---|---|---|'];
  for (const [label, cell] of figures.recall) {
    const name = label === 'time_preference' ? 'time_preference (no right raised)' : label === 'crisis' ? 'crisis (weak: crisis or check-in)' : label;
    out.push(`| ${name} | ${LANGUAGES.map((l) => pct(cell[l])).join(' | ')} | ${pct(cell.all)} |`);
  }
  out.push(`| all rights intents | ${pct(figures.allRights.en)} | ${pct(figures.allRights.es)} | ${pct(figures.allRights.all)} |`);
  out.push(`| false rights on ordinary messages | ${pct(figures.falseRights.en)} | ${pct(figures.falseRights.es)} | ${pct(figures.falseRights.all)} |`);
  out.push('', `Strong crisis signs answered as crisis (988 + priority handoff): ${pct(figures.strongCrisis)}`);
  out.push(`Weak crisis signs answered as crisis or with the check-in: ${pct(figures.weakCrisis)}`);
  if (figures.verification.size > 0) {
    out.push('', '| verification fact | read |', '|---|---|');
    for (const [field, s] of figures.verification) out.push(`| ${field} | ${pct(s)} |`);
  }
  if (options.misses !== false) {
    out.push('', 'Misses (label → got):', ...(figures.misses.length ? figures.misses : ['- none']));
    if (figures.verification.size > 0) out.push('', 'Verification misses:', ...(figures.verificationMisses.length ? figures.verificationMisses : ['- none']));
  }
  return out.join('\n');
}
