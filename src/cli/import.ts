/**
 * npm run import -- <file.csv>
 *
 * Imports a placement file into the database at DATABASE_URL (migrating it first). Prints the
 * counts and every rejected row; exits 1 when a row was rejected, the file was refused or could
 * not be read, or the configuration is invalid; 2 when no file was given.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabaseForService, type Db } from '../db/database.ts';
import { DatabaseBusyError, importPlacements, PlacementFileError, type ImportReport } from '../import/placements.ts';
import { isDatabaseBusy } from '../db/migrationStatus.ts';
import { runWhenMain } from './isMain.ts';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** Lines to the terminal (every command's default output). */
export const consoleOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const USAGE = 'Usage: npm run import -- <placements.csv>   (example: npm run import -- prisma/demo-placements.csv)';

function describeReadError(file: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  const reason =
    code === 'ENOENT' ? 'no such file'
    : code === 'EISDIR' ? 'it is a folder, not a file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : (code ?? 'unknown error');
  return `Cannot read ${file}: ${reason}. Check the path and give a placement CSV file: ${USAGE.replace('Usage: ', '')}`;
}

export function formatReport(report: ImportReport): string[] {
  const lines = [`Imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`];
  for (const row of report.rejected) {
    lines.push(`line ${row.line}${row.accountNumber ? ` (account ${row.accountNumber})` : ''}: ${row.reason}`);
  }
  return lines;
}

/** Runs the import and returns the exit code. */
export async function runImport(file: string | undefined, env: NodeJS.ProcessEnv = process.env, output: CliOutput = consoleOutput): Promise<number> {
  if (!file) {
    output.err(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      output.err(error.message);
      return 1;
    }
    throw error;
  }

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    output.err(describeReadError(file, error));
    return 1;
  }

  let db: Db;
  try {
    // SQLite: migrations are skipped when current, so the import runs beside the service (issue 10
    // item 13). PostgreSQL is migrated once per deploy (npm run db:migrate) and only checked here.
    db = await openDatabaseForService(config.DATABASE_URL, { poolSize: 2, lockConnections: 2 });
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    output.err(
      'The database needs its migrations applied first, and another process (probably the running service) is using it. ' +
        'Restart the service with this version (it applies them on start) or stop it and run npm run db:migrate, then import again.',
    );
    return 1;
  }
  try {
    const report = await importPlacements(db, text, { hashKey: config.IDENTITY_HASH_KEY });
    for (const line of formatReport(report)) output.out(line);
    if (report.rejected.length > 0) {
      output.err(
        `${report.rejected.length} row${report.rejected.length === 1 ? ' was' : 's were'} rejected and not imported. Fix ${report.rejected.length === 1 ? 'it' : 'them'} and import the file again; rows already imported stay unchanged.`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof DatabaseBusyError) {
      output.err(error.message);
      return 1;
    }
    if (error instanceof PlacementFileError) {
      output.err(`${file}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

runWhenMain(import.meta.url, 'Import', () => runImport(process.argv[2]));
