import { afterAll, beforeAll, it } from 'vitest';
import { installSqlCounter, takeSqlCount } from '../../scripts/lib/sqlCounter.ts';
import { startTestApp, type RunningApp } from '../helpers/testApp.ts';
import { BotClient } from '../helpers/botClient.ts';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { createLogger } from '../../src/logger.ts';
installSqlCounter();
let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({ DEMO_DATA: 'true' });
  await seedDemoDataIfEmpty(running.database.db, running.config.IDENTITY_HASH_KEY, createLogger('silent'));
});
afterAll(() => running?.stop());
it('steps', async () => {
  const c = new BotClient(running.baseUrl, `emulator|${Math.random().toString(36).slice(2)}`);
  let total = 0, commits = 0;
  for (const t of ['hi', 'A-1001', 'March 14 1985', '30301', 'yes', 'why is it so high?', 'what are my rights', 'thanks']) {
    takeSqlCount();
    const r = await c.say(t);
    const n = takeSqlCount();
    total += n.sql.length; commits += n.commits;
    console.log(`## ${t}: ${n.sql.length} stmts ${n.commits} commits :: ${r.slice(0, 60).replace(/\n/g, ' ')}`);
    if (process.env.SHOW) console.log(n.sql.map((s) => '   ' + s.slice(0, 160)).join('\n'));
  }
  console.log(`TOTAL ${total} stmts ${commits} commits`);
});
