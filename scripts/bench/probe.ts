/**
 * Bench-only preload (`node --import tsx --import ./scripts/bench/probe.ts <server>`), for both the
 * service and the echo bot: on SIGUSR2 it writes, to the file named by BENCH_PROBE_FILE, the
 * process's own CPU time (process.cpuUsage), its resident memory after a full GC (when run with
 * --expose-gc), and how many SQL statements and commits it sent to its database driver so far —
 * counted in the driver itself (better-sqlite3 statements, pg queries), whatever sent them (Prisma
 * or a prepared statement). Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT) is not a
 * statement; COMMIT is counted as a commit (an advisory-lock transaction's apart). Nothing of this is in src/.
 */
import { writeFileSync } from 'node:fs';
import { installSqlCounter, takeSqlCount } from '../lib/sqlCounter.ts';

const file = process.env.BENCH_PROBE_FILE;
// The same driver-level counter the turn-statement test uses (scripts/lib/sqlCounter.ts): the
// commits of PostgreSQL's advisory-lock transactions are the turn lock's, counted apart.
installSqlCounter({ keepSql: false });
const counts = { statements: 0, commits: 0, lockCommits: 0 };

if (file) {
  process.on('SIGUSR2', () => {
    const taken = takeSqlCount();
    counts.statements += taken.statements;
    counts.commits += taken.commits;
    counts.lockCommits += taken.lockCommits;
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    writeFileSync(file, JSON.stringify({ at: Date.now(), cpuMicros: cpu.user + cpu.system, rss: memory.rss, heapUsed: memory.heapUsed, ...counts }));
  });
}
