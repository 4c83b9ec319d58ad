/**
 * npm run creditor:answers -- --creditor "Peachtree Medical Group" --file answers.json
 *
 * Sets a creditor's own wording for the answers it may configure (src/answers, e.g. what it reports
 * to the credit bureaus): a JSON object such as {"credit_report": {"en": "…", "es": "…"}}. A
 * language left out gets the default answer; {} goes back to the defaults. The wording reaches
 * debtors as written: it must be reviewed for Regulation F before it is set. Exits 1 with one line
 * saying what to do when anything is wrong, 2 on a usage error.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { setCreditorAnswers } from '../answers/creditorAnswers.ts';
import { openDatabaseForCommand } from './configuredDatabase.ts';
import { consoleOutput, type CliOutput } from './import.ts';
import { runWhenMain } from './isMain.ts';

const USAGE = 'Usage: npm run creditor:answers -- --creditor "<creditor name>" --file <answers.json>';

/** Runs the command and returns the exit code. */
export async function runCreditorAnswers(args: string[], env: NodeJS.ProcessEnv = process.env, output: CliOutput = consoleOutput): Promise<number> {
  let values: { creditor?: string; file?: string };
  try {
    ({ values } = parseArgs({ args, options: { creditor: { type: 'string' }, file: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
    return 2;
  }
  if (!values.creditor || !values.file) {
    output.err(`${!values.creditor ? '--creditor' : '--file'} is missing. ${USAGE}`);
    return 2;
  }
  let answers: unknown;
  try {
    answers = JSON.parse(await readFile(values.file, 'utf8'));
  } catch (error) {
    output.err(`Could not read ${values.file} as JSON (${error instanceof Error ? error.message : String(error)}): give a file such as {"credit_report": {"en": "…", "es": "…"}}`);
    return 1;
  }
  const db = await openDatabaseForCommand(env, output.err);
  if (!db) return 1;
  try {
    if (!(await db.creditor.findUnique({ where: { name: values.creditor } }))) {
      output.err(`No creditor is named "${values.creditor}". Creditors come from the placement files; check the spelling.`);
      return 1;
    }
    await setCreditorAnswers(db, values.creditor, answers);
    output.out(`Set the answers of ${values.creditor}: ${Object.keys(answers as object).join(', ') || 'back to the defaults'}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    output.err(`${values.file} is not valid: ${error.issues.map((i) => `${i.path.join('.') || '(file)'} ${i.message}`).join('; ')}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

runWhenMain(import.meta.url, 'creditor:answers', () => runCreditorAnswers(process.argv.slice(2)));
