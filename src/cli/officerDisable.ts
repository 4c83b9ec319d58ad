/**
 * npm run officer:disable -- --email dana@agency.com [--enable]
 *
 * Disables a console account at DATABASE_URL: it can no longer sign in and its open sessions end
 * at once (someone who left, a lost laptop). `--enable` lets it sign in again with its password.
 * Exits 1 with one line saying what to do when anything is wrong, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { normalizeOfficerEmail, setOfficerDisabled } from '../officer/officers.ts';
import { openDatabaseForCommand } from './configuredDatabase.ts';
import type { CliOutput } from './import.ts';
import { runWhenMain } from './isMain.ts';

const USAGE = 'Usage: npm run officer:disable -- --email <email> [--enable]';

const consoleOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the command and returns the exit code. */
export async function runOfficerDisable(args: string[], env: NodeJS.ProcessEnv = process.env, output: CliOutput = consoleOutput): Promise<number> {
  let values: { email?: string; enable?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { email: { type: 'string' }, enable: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
    return 2;
  }
  if (values.email === undefined) {
    output.err(`--email is missing. ${USAGE}`);
    return 2;
  }
  const email = normalizeOfficerEmail(values.email);
  if (email === null) {
    output.err(`--email "${values.email}" is not an email address: give one such as --email dana.ortiz@agency.com`);
    return 1;
  }
  const db = await openDatabaseForCommand(env, output.err);
  if (!db) return 1;
  try {
    const disable = values.enable !== true;
    const result = await setOfficerDisabled(db, email, disable, new Date());
    if (!result) {
      output.err(`No console account has the email ${email}. Check the spelling; npm run officer:add creates accounts.`);
      return 1;
    }
    if (disable) output.out(result.changed ? `Disabled ${email}: it cannot sign in, and its sessions have ended.` : `${email} was already disabled; any session it had has ended.`);
    else output.out(result.changed ? `Enabled ${email}: it can sign in again with its password.` : `${email} was already enabled.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

runWhenMain(import.meta.url, 'officer:disable', () => runOfficerDisable(process.argv.slice(2)));
