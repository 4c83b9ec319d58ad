/**
 * The demo website: an agency page at / with the official Bot Framework Web Chat UI, connected to
 * our own Direct Line endpoint. Web Chat is served from the botframework-webchat package (no CDN
 * is reachable) at /webchat/webchat.js; /webchat/embed.js mounts the chat on any page (the demo
 * page uses it too — see the README for the snippet).
 *
 * The page sends a strict Content-Security-Policy: scripts and styles only with a per-response
 * nonce (Web Chat's `nonce` option puts it on the style elements it creates), connections only to
 * this server. Web Chat needs neither 'unsafe-eval' nor 'unsafe-inline'.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback, gzipSync } from 'node:zlib';
import type restify from 'restify';
import type { Config } from '../../config.ts';
import { THEME, webChatStyleOptions } from './theme.ts';

export interface WebChatPageDeps {
  config: Config;
  /** The address browsers reach this server at (allowed in the page's connect-src). */
  publicBaseUrl: () => string;
}

interface Asset {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

const gzip = promisify(gzipCallback);

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function smallAsset(body: Buffer): Asset {
  return { body, gzip: gzipSync(body, { level: 9 }), etag: etagOf(body) };
}

async function largeAsset(body: Buffer): Promise<Asset> {
  return { body, gzip: await gzip(body, { level: 9 }), etag: etagOf(body) };
}

/** The botframework-webchat package folder, wherever npm put it. */
export function webChatPackageDir(): string {
  const require = createRequire(import.meta.url);
  for (const base of require.resolve.paths('botframework-webchat') ?? []) {
    const dir = path.join(base, 'botframework-webchat');
    if (existsSync(path.join(dir, 'dist', 'webchat.js'))) return dir;
  }
  throw new Error('botframework-webchat is not installed (npm install): dist/webchat.js was not found');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** ws(s):// and http(s):// origins of the public address, for connect-src. */
function connectSources(publicBaseUrl: string): string {
  try {
    const url = new URL(publicBaseUrl);
    const ws = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
    return `'self' ${url.origin} ${ws}`;
  } catch {
    return "'self'";
  }
}

export function contentSecurityPolicy(nonce: string, publicBaseUrl: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    `connect-src ${connectSources(publicBaseUrl)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

function pageStyles(): string {
  const t = THEME;
  return `
*,*::before,*::after{box-sizing:border-box}
html{font-family:${t.font};color:${t.ink};background:${t.mist};line-height:1.5}
body{margin:0}
a{color:${t.navy};text-underline-offset:2px}
a:hover{color:${t.teal}}
:focus-visible{outline:3px solid ${t.teal};outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:${t.paper};color:${t.navy};padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem;top:1rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
.site-header{background:${t.navy};color:${t.paper}}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:1rem;padding-top:1rem;padding-bottom:1rem}
.brand{margin:0;font-size:1.25rem;font-weight:700;letter-spacing:.01em}
.site-header nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1.25rem}
.site-header a{color:${t.paper}}
.site-header a:hover{color:${t.paper};text-decoration-thickness:2px}
.site-header :focus-visible{outline-color:${t.paper}}
.hero{background:${t.paper};border-bottom:1px solid ${t.line}}
.hero .wrap{padding-top:2rem;padding-bottom:1.5rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem;color:${t.navy}}
h2{font-size:1.25rem;margin:0 0 .75rem;color:${t.navy}}
.lead{font-size:1.125rem;max-width:46rem;margin:0}
.layout{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1.5rem;padding-top:1.5rem;padding-bottom:2rem}
@media (max-width:52rem){.layout{grid-template-columns:1fr}}
.card{background:${t.paper};border:1px solid ${t.line};border-radius:12px;padding:1.25rem}
.chat{display:flex;flex-direction:column}
.webchat{flex:1 1 auto;min-height:min(36rem,75vh);height:min(36rem,75vh);border:1px solid ${t.line};border-radius:10px;overflow:hidden;background:${t.mist}}
.debt-bot-chat-problem{margin:1rem;padding:1rem;border-left:4px solid ${t.navy};background:${t.paper}}
.side{display:flex;flex-direction:column;gap:1.5rem}
.points{padding-left:1.2rem;margin:.5rem 0 0}
.points li{margin:.25rem 0}
address{font-style:normal}
.site-footer{background:${t.ink};color:${t.paper};font-size:.9rem}
.site-footer .wrap{padding-top:1.25rem;padding-bottom:1.25rem}
.site-footer p{margin:.25rem 0}
.site-footer a{color:${t.paper}}
`;
}

export function renderWebChatPage(config: Config, nonce: string, webChatVersion: string): string {
  const name = escapeHtml(config.COLLECTOR_NAME);
  const phone = escapeHtml(config.COLLECTOR_PHONE);
  const tel = config.COLLECTOR_PHONE.replace(/[^\d+]/g, '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Resolve your account online — ${name}</title>
<link rel="icon" href="data:,">
<meta name="description" content="Chat with ${name}'s assistant: your balance, your options, payment plans and secure payment.">
<style nonce="${nonce}">${pageStyles()}</style>
</head>
<body>
<a class="skip" href="#chat">Skip to the chat</a>
<header class="site-header">
  <div class="wrap">
    <p class="brand">${name}</p>
    <nav aria-label="Main">
      <ul>
        <li><a href="#chat">Chat</a></li>
        <li><a href="#contact">Contact us</a></li>
        <li><a href="#rights">Your rights</a></li>
      </ul>
    </nav>
  </div>
</header>
<main id="main">
  <div class="hero">
    <div class="wrap">
      <h1>Resolve your account online</h1>
      <p class="lead">Our assistant is here day and night. It first checks who you are, then explains your balance and your options — paying in full, a settlement or a payment plan — and takes payment on a secure page.</p>
    </div>
  </div>
  <div class="wrap layout">
    <section id="chat" class="card chat" aria-labelledby="chat-title" tabindex="-1">
      <h2 id="chat-title">Chat with our assistant</h2>
      <div id="webchat" class="webchat">
        <noscript><p class="debt-bot-chat-problem">The chat needs JavaScript. You can also call us at <a href="tel:${escapeHtml(tel)}">${phone}</a>.</p></noscript>
      </div>
    </section>
    <div class="side">
      <section id="contact" class="card" aria-labelledby="contact-title">
        <h2 id="contact-title">Prefer to talk to a person?</h2>
        <p>Type <strong>agent</strong> in the chat at any time, or call <a href="tel:${escapeHtml(tel)}">${phone}</a>.</p>
        <p>${escapeHtml(config.COLLECTOR_HOURS)}</p>
        <address>${name}<br>${escapeHtml(config.COLLECTOR_ADDRESS)}</address>
      </section>
      <section id="rights" class="card" aria-labelledby="rights-title">
        <h2 id="rights-title">Your rights</h2>
        <ul class="points">
          <li>You can dispute all or part of a debt, or ask for the name and address of the original creditor.</li>
          <li>You can ask us to stop contacting you.</li>
          <li>Never type a card number into the chat: payments are taken on a secure payment page.</li>
        </ul>
        <p>Learn more about debt collection from the Consumer Financial Protection Bureau at <a href="https://www.consumerfinance.gov/debt-collection/">consumerfinance.gov/debt-collection</a>.</p>
      </section>
    </div>
  </div>
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${name} · ${escapeHtml(config.COLLECTOR_ADDRESS)}</p>
    <p>Demonstration site: the people and accounts in it are fictional.</p>
  </div>
</footer>
<script nonce="${nonce}" src="/webchat/webchat.js?v=${encodeURIComponent(webChatVersion)}"></script>
<script nonce="${nonce}" src="/webchat/embed.js" data-target="webchat"></script>
</body>
</html>
`;
}

const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

function sendAsset(req: restify.Request, res: restify.Response, file: Asset, cacheControl: string): void {
  const headers: Record<string, string> = {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': cacheControl,
    ETag: file.etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    // Agencies' own sites load these scripts (the embeddable snippet).
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === file.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzip : file.body;
  res.writeHead(200, { ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': String(body.length) });
  res.end(body);
}

/** Registers GET / (the demo page), /webchat/webchat.js and /webchat/embed.js. */
export function registerWebChatPage(server: restify.Server, deps: WebChatPageDeps): void {
  const { config } = deps;
  const packageDir = webChatPackageDir();
  const version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  // Read and compressed on first use (3.9 MB; about 1 MB gzipped), then kept.
  let webChat: Promise<Asset> | undefined;
  const loadWebChat = (): Promise<Asset> => {
    if (!webChat) {
      webChat = readFile(path.join(packageDir, 'dist', 'webchat.js')).then(largeAsset);
      webChat.catch(() => {
        webChat = undefined; // try again on the next request
      });
    }
    return webChat;
  };
  const embedSource = readFileSync(new URL('./assets/embed.js', import.meta.url), 'utf8');
  const embed = smallAsset(Buffer.from(embedSource.replace('__STYLE_OPTIONS__', JSON.stringify(webChatStyleOptions(config.COLLECTOR_NAME))), 'utf8'));

  server.get('/', async (_req: restify.Request, res: restify.Response) => {
    const nonce = randomBytes(18).toString('base64');
    const body = Buffer.from(renderWebChatPage(config, nonce, version), 'utf8');
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'Content-Security-Policy': contentSecurityPolicy(nonce, deps.publicBaseUrl()),
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(body.length),
    });
    res.end(body);
  });

  server.get('/webchat/webchat.js', async (req: restify.Request, res: restify.Response) => {
    // The page asks for ?v=<version>, so a new Web Chat version is a new URL.
    sendAsset(req, res, await loadWebChat(), 'public, max-age=86400');
  });

  server.get('/webchat/embed.js', async (req: restify.Request, res: restify.Response) => {
    sendAsset(req, res, embed, 'public, max-age=300');
  });
}
