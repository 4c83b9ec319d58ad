/**
 * Small self-contained HTML pages around checkout: no scripts, nothing loaded from anywhere, never
 * cached, indexed, framed or leaked through a Referer (the pay link token is a credential).
 */
import type restify from 'restify';
import type { PageText } from '../messages/payments.ts';

export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
main{max-width:34rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:1.4rem;margin-top:0}
p{line-height:1.5}
.demo{background:#fff3bf;border:2px solid #e0a800;color:#5c4400;font-weight:700;padding:.75rem 1rem;border-radius:8px;margin-bottom:1.5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem}
dt{color:#5a6272}
dd{margin:0;font-weight:600}
form{display:flex;flex-direction:column;gap:.6rem;margin-top:1.5rem}
button{font-size:1rem;padding:.75rem 1rem;border-radius:8px;border:1px solid #c9ced8;background:#fff;cursor:pointer}
button.primary{background:#1f5eff;border-color:#1f5eff;color:#fff}
a{color:#1f5eff}
section+section{border-top:1px solid #e4e7ec;margin-top:1.5rem;padding-top:1rem}
`;

export interface PageParts {
  lang: string;
  documentTitle: string;
  /** One or more sections, each a heading and its text. */
  sections: PageText[];
  /** A prominent banner above everything (the DEMO label). */
  banner?: string;
  /** Trusted HTML built by this module's callers from escaped parts (forms, details). */
  extraHtml?: string;
}

export function renderPage(parts: PageParts): string {
  const sections = parts.sections
    .map((s) => `<section><h1>${escapeHtml(s.title)}</h1>${s.body.split('\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</section>`)
    .join('');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(parts.lang)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(parts.documentTitle)}</title><style>${STYLE}</style></head>`,
    '<body><main>',
    parts.banner ? `<div class="demo" role="note">${escapeHtml(parts.banner)}</div>` : '',
    sections,
    parts.extraHtml ?? '',
    '</main></body></html>',
  ].join('');
}

export function sendPage(res: restify.Response, status: number, html: string): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length) });
  res.end(body);
}

export function redirect(res: restify.Response, status: 302 | 303, location: string): void {
  res.writeHead(status, { ...PAGE_SECURITY_HEADERS, Location: location, 'Content-Length': '0' });
  res.end();
}
