/**
 * The console page: one HTML shell at /officer and its static script and styles. Everything the
 * page shows comes from the /officer/api routes; the script writes data into the page only as
 * text (never as HTML), and the strict Content-Security-Policy allows only our own script.
 */
import { readFileSync } from 'node:fs';
import type restify from 'restify';

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** The page's scripts (ES modules, one per page of the console) and its style sheet. */
export const CONSOLE_SCRIPTS = ['console.js', 'lib.js', 'queue.js', 'handoff.js', 'composer.js', 'account.js', 'reports.js', 'admin.js', 'campaigns.js'] as const;

export function registerConsolePage(server: restify.Server): void {
  const send = (res: restify.Response, type: string, body: Buffer, cache: string) => {
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': cache, ...SECURITY_HEADERS });
    res.end(body);
  };
  const serve = (type: string, body: Buffer, cache: string) => async (_req: restify.Request, res: restify.Response) => send(res, type, body, cache);
  const page = serve('text/html; charset=utf-8', asset('console.html'), 'no-store');
  server.get('/officer', page);
  server.get('/officer/', page);
  for (const name of CONSOLE_SCRIPTS) server.get(`/officer/assets/${name}`, serve('text/javascript; charset=utf-8', asset(name), 'no-cache'));
  server.get('/officer/assets/console.css', serve('text/css; charset=utf-8', asset('console.css'), 'no-cache'));
}
