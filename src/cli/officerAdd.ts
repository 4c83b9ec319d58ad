/**
 * npm run officer:add -- --email dana@agency.com --name "Dana Ortiz" [--role supervisor]
 *
 * Creates a console account at DATABASE_URL (migrating it first), or updates an existing one:
 * name and role when given, and always the password — a password reset, which signs the officer
 * out of every console session. The password is asked twice on a terminal (not echoed), or read
 * from the first line of stdin when it is piped (`printf '%s\n' "$PW" | npm run officer:add -- …`).
 * It is never printed. Exits 1 with one line saying what to do when anything is wrong, 2 on a
 * usage error, 130 when the prompt is cancelled with Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';
import { openConfiguredDatabase } from './configuredDatabase.ts';
import { OFFICER_ROLES, OfficerInputError, normalizeOfficerEmail, officerExists, upsertOfficer, type OfficerRole } from '../officer/officers.ts';
import { passwordProblem } from '../officer/passwords.ts';
import { InputAborted, promptHidden, readFirstLine } from './passwordInput.ts';
import type { CliOutput } from './import.ts';
import { runWhenMain } from './isMain.ts';

const USAGE = 'Usage: npm run officer:add -- --email <email> --name "<full name>" [--role officer|supervisor]   (the password is asked for, or read from stdin)';

const consoleOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Where the password comes from; the default asks on a terminal or reads piped stdin. */
export type PasswordSource = () => Promise<string>;

class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = 1,
  ) {
    super(message);
  }
}

async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden('Password (at least 12 characters): ');
    const problem = passwordProblem(first);
    if (problem) throw new CliError(problem);
    const second = await promptHidden('Type it again: ');
    if (first !== second) throw new CliError('The two passwords do not match. Run the command again and type the same password twice.');
    return first;
  }
  const password = await readFirstLine(process.stdin);
  if (password === '') throw new CliError('No password on stdin. Pipe it in (printf \'%s\\n\' "$PASSWORD" | npm run officer:add -- …) or run the command in a terminal to be asked for it.');
  return password;
}

function parseCliArgs(args: string[]): { email: string; name?: string; role?: OfficerRole } {
  let values: { email?: string; name?: string; role?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`, 2);
  }
  if (values.help) throw new CliError(USAGE, 2);
  if (values.email === undefined) throw new CliError(`--email is missing. ${USAGE}`, 2);
  const email = normalizeOfficerEmail(values.email);
  if (email === null) throw new CliError(`--email "${values.email}" is not an email address: give one such as --email dana.ortiz@agency.com`);
  if (values.name !== undefined && values.name.trim() === '') throw new CliError('--name is empty: give the officer\'s full name, e.g. --name "Dana Ortiz"');
  const role = values.role?.trim().toLowerCase();
  if (role !== undefined && !(OFFICER_ROLES as readonly string[]).includes(role)) {
    throw new CliError(`--role "${values.role}" is not a role: use --role officer or --role supervisor`);
  }
  return { email, ...(values.name !== undefined ? { name: values.name } : {}), ...(role !== undefined ? { role: role as OfficerRole } : {}) };
}

/** Runs the command and returns the exit code. */
export async function runOfficerAdd(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  output: CliOutput = consoleOutput,
  readPassword: PasswordSource = passwordFromStdin,
): Promise<number> {
  try {
    const { email, name, role } = parseCliArgs(args);
    const { db } = await openConfiguredDatabase(env).catch((error: unknown) => {
      throw error instanceof ConfigError ? new CliError(error.message) : error;
    });
    try {
      // Before asking for the password, so nobody types one for a command that cannot succeed.
      if (name === undefined && !(await officerExists(db, email))) {
        throw new CliError(`${email} has no account yet: give the officer's name with --name "<full name>" to create one.`);
      }
      const password = await readPassword();
      const problem = passwordProblem(password);
      if (problem) throw new CliError(`${problem} Nothing was changed.`);
      const result = await upsertOfficer(db, { email, name, role, password });
      output.out(`${result.created ? 'Created' : 'Updated'} officer ${email} (${result.role})`);
      if (!result.created) output.out('The new password is set; the officer was signed out of every console session.');
      if (result.disabled) output.out(`Note: ${email} is disabled and cannot sign in until it is enabled again.`);
      return 0;
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    if (error instanceof CliError) {
      output.err(error.message);
      return error.code;
    }
    if (error instanceof OfficerInputError) {
      output.err(`${error.message} Nothing was changed.`);
      return 1;
    }
    if (error instanceof InputAborted) {
      output.err('Cancelled. Nothing was changed.');
      return 130;
    }
    throw error;
  }
}

runWhenMain(import.meta.url, 'officer:add', () => runOfficerAdd(process.argv.slice(2)));
