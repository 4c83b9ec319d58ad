import { upsertOfficer } from '../../src/officer/officers.ts';
import type { Db } from '../../src/db/database.ts';

export const OFFICER = { email: 'dana@agency.test', name: 'Dana Ortiz', role: 'officer', password: 'correct horse battery' } as const;
export const SECOND_OFFICER = { email: 'lee@agency.test', name: 'Lee Park', role: 'officer', password: 'another long passphrase' } as const;
export const SUPERVISOR = { email: 'sam@agency.test', name: 'Sam Reyes', role: 'supervisor', password: 'supervisor passphrase' } as const;

export async function createConsoleAccounts(db: Db): Promise<void> {
  for (const officer of [OFFICER, SECOND_OFFICER, SUPERVISOR]) await upsertOfficer(db, { ...officer });
}

export interface ConsoleResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A console user agent: keeps the session cookie and sends the CSRF token like the page does. */
export class ConsoleClient {
  cookie = '';
  csrf = '';

  constructor(readonly baseUrl: string) {}

  static async signedIn(baseUrl: string, who: { email: string; password: string }): Promise<ConsoleClient> {
    const client = new ConsoleClient(baseUrl);
    const res = await client.signIn(who.email, who.password);
    if (res.status !== 200) throw new Error(`sign-in as ${who.email} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return client;
  }

  async signIn(email: string, password: string): Promise<ConsoleResponse> {
    const res = await this.request('POST', '/officer/api/session', { email, password });
    if (res.status === 200) {
      this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      this.csrf = String(res.body.csrfToken);
    }
    return res;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: string | null; origin?: string; contentType?: string; raw?: string } = {},
  ): Promise<ConsoleResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    if (options.origin) headers.origin = options.origin;
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] = options.contentType ?? 'text/csv';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await res.text();
    // JSON answers parsed; CSV, SVG and NDJSON as text.
    const json = (res.headers.get('content-type') ?? '').startsWith('application/json');
    return { status: res.status, body: (json ? JSON.parse(text) : text) as T, headers: res.headers };
  }
}
