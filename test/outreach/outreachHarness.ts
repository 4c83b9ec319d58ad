/**
 * The whole service for outreach tests: the demo placements (which carry consent columns), the
 * console accounts signed in, and helpers to launch a campaign as a supervisor and run the outbox
 * at a chosen moment.
 */
import type { ConsoleEmailProvider } from '../../src/channels/email/providers.ts';
import { startConsoleApp, type ConsoleApp } from '../officer/consoleFixture.ts';

export { DEMO, postSms, PUBLIC_URL } from '../officer/consoleFixture.ts';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/**
 * A weekday (Tuesday to Friday) after now at 18:00 UTC: 13:00 in New York, 10:00 in Los Angeles —
 * inside 08:00-21:00 in every contiguous US zone, and never the demo's inconvenient Sunday.
 */
export function businessHourAfter(from: Date = new Date()): Date {
  const d = new Date(from.getTime() + DAY);
  d.setUTCHours(18, 0, 0, 0);
  while (![2, 3, 4, 5].includes(d.getUTCDay())) d.setTime(d.getTime() + DAY);
  return d;
}

export interface OutreachApp extends ConsoleApp {
  launch(body: { name?: string; channels: string[]; filter?: Record<string, unknown> }): Promise<{ id: string; recipients: number; messages: number }>;
  /** Runs the outbox worker until nothing more is due at `at`. */
  deliver(at: Date): Promise<void>;
  consoleEmails(): ConsoleEmailProvider['sent'];
}

export async function startOutreachApp(env: Record<string, string> = {}): Promise<OutreachApp> {
  const app = await startConsoleApp(env);
  return Object.assign(app, {
    async launch(body: { name?: string; channels: string[]; filter?: Record<string, unknown> }) {
      const res = await app.supervisor.request<{ id: string; recipients: number; messages: number; error?: string }>('POST', '/officer/api/campaigns', { name: 'Test campaign', filter: {}, ...body });
      if (res.status !== 201) throw new Error(`launch answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async deliver(at: Date) {
      for (let i = 0; i < 10; i++) {
        const result = await app.running.app.outboxWorker.runOnce(at);
        if (result.claimed === 0) return;
      }
    },
    consoleEmails() {
      return (app.running.app.emailProvider as ConsoleEmailProvider).sent;
    },
  });
}
