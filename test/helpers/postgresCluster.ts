/**
 * A throw-away PostgreSQL cluster for a test run (or the multi-instance bench): initdb in a temp
 * folder, started on a free port, listening on loopback and a socket in that folder, stopped and
 * removed at the end. PostgreSQL refuses to run as root, so as root the cluster belongs to the
 * `postgres` OS user (Debian's package creates it) and its programs run through runuser.
 * Durability is off (fsync, synchronous_commit): the data is thrown away anyway.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../scripts/lib/instances.ts';
import { postgresBinDir } from './systemPackages.ts';

export interface PostgresCluster {
  port: number;
  /** A connection URL for `database` on this cluster (superuser `postgres`, no password). */
  url(database: string): string;
  stop(): void;
}

function osUser(name: string): { uid: number; gid: number } | null {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (result.status !== 0 || group.status !== 0) return null;
  return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) };
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server programs not found under /usr/lib/postgresql: install Debian's postgresql package.");
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? osUser('postgres') : null;
  if (asRoot && !owner) throw new Error('Running as root, PostgreSQL needs the `postgres` OS user (created by Debian\'s postgresql package) to own its cluster.');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-pg-'));
  const data = path.join(dir, 'data');
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const run = (program: string, args: string[]) => {
    const command = owner ? 'runuser' : path.join(bin, program);
    const argv = owner ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args;
    const result = spawnSync(command, argv, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=400',
    '-c shared_buffers=64MB',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs `sql` on the cluster's `postgres` database (CREATE / DROP DATABASE). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
