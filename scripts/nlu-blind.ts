/**
 * Figures of the recognizer on a blind batch (test/nlu/blind/<round>/intents.jsonl and
 * verification.jsonl): recall per right, false rights on ordinary messages, English vs Spanish,
 * and which verification facts were read. Run before a batch joins any training data, and keep
 * the output beside the batch as FIRST_SEEN.md.
 *
 *   npx tsx scripts/nlu-blind.ts test/nlu/blind/round-01
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractEntities, recognizeSync } from '../src/nlu/deterministicRecognizer.ts';
import { RIGHTS_INTENTS, type Intent } from '../src/nlu/recognizer.ts';
import { nameFrom } from '../dialogs/verifyDialog.ts';

interface IntentRow { text: string; language: 'en' | 'es'; label: string; strength?: string }
interface VerificationRow { text: string; language: 'en' | 'es'; expect: Record<string, string>; ambiguousDate?: boolean }

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx scripts/nlu-blind.ts <batch dir>');
const lines = (file: string) => readFileSync(path.join(dir, file), 'utf8').split('\n').filter((l) => l.trim());
const rows = lines('intents.jsonl').map((l) => JSON.parse(l) as IntentRow);
const RIGHTS = new Set<string>(RIGHTS_INTENTS);
const pct = (hit: number, total: number) => (total ? `${((hit / total) * 100).toFixed(1)} %` : '—');

const results = rows.map((row) => ({ row, got: recognizeSync(row.text, { language: row.language }).intent as Intent }));
const out: string[] = [];
out.push(`| label | en | es | all |`, `|---|---|---|---|`);
const labels = [...new Set(rows.map((r) => r.label))];
const hitOf = (label: string, got: Intent) => (label === 'time_preference' ? !RIGHTS.has(got) : got === label);
const rightsLabels = labels.filter((l) => RIGHTS.has(l) || l === 'hardship');
for (const label of [...rightsLabels, 'time_preference']) {
  const cell = (lang?: string) => {
    const set = results.filter((r) => r.row.label === label && (!lang || r.row.language === lang));
    return `${pct(set.filter((r) => hitOf(label, r.got)).length, set.length)} (${set.filter((r) => hitOf(label, r.got)).length}/${set.length})`;
  };
  out.push(`| ${label === 'time_preference' ? 'time_preference (no right raised)' : label} | ${cell('en')} | ${cell('es')} | ${cell()} |`);
}
const allRights = (lang?: string) => {
  const set = results.filter((r) => RIGHTS.has(r.row.label) && (!lang || r.row.language === lang));
  return `${pct(set.filter((r) => r.got === r.row.label).length, set.length)} (${set.filter((r) => r.got === r.row.label).length}/${set.length})`;
};
out.push(`| all rights intents | ${allRights('en')} | ${allRights('es')} | ${allRights()} |`);
const ordinary = (lang?: string) => {
  const set = results.filter((r) => !RIGHTS.has(r.row.label) && r.row.label !== 'hardship' && r.row.label !== 'time_preference' && (!lang || r.row.language === lang));
  const fa = set.filter((r) => RIGHTS.has(r.got)).length;
  return `${pct(fa, set.length)} (${fa}/${set.length})`;
};
out.push(`| false rights on ordinary messages | ${ordinary('en')} | ${ordinary('es')} | ${ordinary()} |`);
const weak = results.filter((r) => r.row.label === 'crisis' && r.row.strength === 'weak');
out.push('', `Weak crisis signals caught as crisis: ${weak.filter((r) => r.got === 'crisis').length}/${weak.length}`);

out.push('', 'Misses (label → got):');
for (const r of results) {
  const miss = RIGHTS.has(r.row.label) || r.row.label === 'hardship' ? r.got !== r.row.label : RIGHTS.has(r.got);
  if (miss) out.push(`- [${r.row.language}] ${r.row.label} → ${r.got}: ${r.row.text.replace(/\s+/g, ' ').slice(0, 160)}`);
}

const vrows = lines('verification.jsonl').map((l) => JSON.parse(l) as VerificationRow);
const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const fields = new Map<string, { total: number; hit: number }>();
const vmiss: string[] = [];
for (const v of vrows) {
  const e = extractEntities(v.text);
  const got: Record<string, string | undefined> = {
    dob: e.dates[0] ? iso(e.dates[0]) : e.ambiguousDateReadings ? iso(e.ambiguousDateReadings[0]) : undefined,
    zip: e.zip,
    ssnLast4: e.ssnLast4,
    accountNumber: e.accountNumber,
    name: nameFrom(v.text) ?? undefined,
  };
  for (const [field, want] of Object.entries(v.expect)) {
    const stat = fields.get(field) ?? { total: 0, hit: 0 };
    stat.total++;
    const ok = field === 'name' ? (got.name ?? '').toLowerCase() === want.toLowerCase() : field === 'accountNumber' ? (got.accountNumber ?? '').toUpperCase() === want.toUpperCase() : got[field] === want;
    if (ok) stat.hit++;
    else vmiss.push(`- [${v.language}] ${field}: want ${want}, got ${got[field] ?? '—'}: ${v.text}`);
    fields.set(field, stat);
  }
}
out.push('', '| verification fact | read |', '|---|---|');
for (const [field, s] of fields) out.push(`| ${field} | ${pct(s.hit, s.total)} (${s.hit}/${s.total}) |`);
out.push('', 'Verification misses:', ...vmiss);
console.log(out.join('\n'));
