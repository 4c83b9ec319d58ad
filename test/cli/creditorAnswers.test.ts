import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCreditorAnswers } from '../../src/cli/creditorAnswers.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createFreshDatabase, type FreshDatabase } from '../helpers/testDatabase.ts';

/** npm run creditor:answers: a creditor's own wording for the configurable answers (#12 item 12). */
let dir: string;
let env: NodeJS.ProcessEnv;
let database: FreshDatabase;
const lines: { out: string[]; err: string[] } = { out: [], err: [] };
const output = { out: (line: string) => lines.out.push(line), err: (line: string) => lines.err.push(line) };

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-creditor-answers-'));
  database = await createFreshDatabase();
  env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url };
  const db = await openDatabase(String(env.DATABASE_URL));
  await db.creditor.create({ data: { name: 'Peachtree Medical Group', policyJson: '{}' } });
  await db.$disconnect();
  lines.out.length = 0;
  lines.err.length = 0;
});
afterEach(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function storedAnswers(): Promise<string> {
  const db = await openDatabase(String(env.DATABASE_URL));
  try {
    return (await db.creditor.findUniqueOrThrow({ where: { name: 'Peachtree Medical Group' } })).answersJson;
  } finally {
    await db.$disconnect();
  }
}

it('sets a creditor\'s credit-reporting wording', async () => {
  const file = write('answers.json', JSON.stringify({ credit_report: { en: 'We report paid accounts as paid.' } }));
  expect(await runCreditorAnswers(['--creditor', 'Peachtree Medical Group', '--file', file], env, output)).toBe(0);
  expect(JSON.parse(await storedAnswers())).toEqual({ credit_report: { en: 'We report paid accounts as paid.' } });
  expect(lines.out.join('\n')).toContain('credit_report');
});

it('{} goes back to the defaults', async () => {
  const db = await openDatabase(String(env.DATABASE_URL));
  await db.creditor.update({ where: { name: 'Peachtree Medical Group' }, data: { answersJson: '{"credit_report":{"en":"Ours."}}' } });
  await db.$disconnect();
  expect(await runCreditorAnswers(['--creditor', 'Peachtree Medical Group', '--file', write('none.json', '{}')], env, output)).toBe(0);
  expect(await storedAnswers()).toBe('{}');
  expect(lines.out.join('\n')).toContain('back to the defaults');
});

it.each([
  ['an answer that is not configurable', '{"lawsuit": {"en": "We sue."}}', /lawsuit.*not creditor-configurable/],
  ['a language we do not speak', '{"credit_report": {"fr": "Bonjour"}}', /credit_report/],
  ['not JSON', 'credit_report: yes', /Could not read .* as JSON/],
])('refuses %s, says why, stores nothing', async (_label, content, message) => {
  expect(await runCreditorAnswers(['--creditor', 'Peachtree Medical Group', '--file', write('bad.json', content)], env, output)).toBe(1);
  expect(lines.err.join('\n')).toMatch(message);
  expect(await storedAnswers()).toBe('{}');
});

it('an unknown creditor', async () => {
  expect(await runCreditorAnswers(['--creditor', 'Nobody Inc', '--file', write('answers.json', '{}')], env, output)).toBe(1);
  expect(lines.err.join('\n')).toContain('No creditor is named "Nobody Inc"');
});

it('a missing option is a usage error, before any database is opened', async () => {
  expect(await runCreditorAnswers(['--file', write('answers.json', '{}')], env, output)).toBe(2);
  expect(lines.err.join('\n')).toContain('--creditor is missing');
});
