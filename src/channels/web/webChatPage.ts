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
import type { Language } from '../../messages/catalogue.ts';
import { PAGE_TEXT, pageLanguage } from './pageText.ts';
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
.skip{position:absolute;left:-9999px;top:0;background:${t.paper};color:${t.navy};padding:.5rem 1rem;z-index:30}
.skip:focus{left:1rem;top:1rem}
.wrap{max-width:76rem;margin:0 auto;padding:0 1.25rem}
.site-header{background:${t.navy};color:${t.paper}}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding-top:.6rem;padding-bottom:.6rem}
.brand{margin:0;font-size:1.15rem;font-weight:700;letter-spacing:.01em}
.site-header nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.site-header a{color:${t.paper}}
.site-header a:hover{color:${t.paper};text-decoration-thickness:2px}
.site-header :focus-visible{outline-color:${t.paper}}
h1{font-size:1.35rem;line-height:1.25;margin:0;color:${t.navy}}
h2{font-size:1.15rem;margin:0 0 .6rem;color:${t.navy}}
.lead{margin:0}
.layout{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1.25rem;padding-top:1rem;padding-bottom:2rem;align-items:start}
@media (max-width:52rem){.layout{grid-template-columns:1fr}}
.card{background:${t.paper};border:1px solid ${t.line};border-radius:12px;padding:1rem 1.25rem}
.chat{display:flex;flex-direction:column;gap:.5rem}
.chat-bar{display:flex;align-items:center;justify-content:space-between;gap:.75rem}
.chat-bar p{margin:0;color:${t.slate};font-size:.95rem}
.webchat{flex:1 1 auto;height:calc(100vh - 10rem);height:calc(100dvh - 10rem);min-height:22rem;border:1px solid ${t.line};border-radius:10px;overflow:hidden;background:${t.mist}}
.webchat [aria-label="Message input box"]:focus,.webchat input[type=text]:focus,.webchat textarea:focus{outline:3px solid ${t.teal};outline-offset:-3px}
.back,.open-chat{display:none;font:inherit;font-weight:600;border-radius:8px;padding:.55rem .9rem;cursor:pointer}
.back{background:${t.paper};color:${t.navy};border:2px solid ${t.navy}}
.open-chat{background:${t.navy};color:${t.paper};border:2px solid ${t.navy}}
.debt-bot-chat-problem{margin:1rem;padding:1rem;border-left:4px solid ${t.navy};background:${t.paper}}
.side{display:flex;flex-direction:column;gap:1.25rem}
.points{padding-left:1.2rem;margin:.5rem 0 0}
.points li{margin:.25rem 0}
address{font-style:normal}
.site-footer{background:${t.ink};color:${t.paper};font-size:.9rem}
.site-footer .wrap{padding-top:1.25rem;padding-bottom:1.25rem}
.site-footer p{margin:.25rem 0}
.site-footer a{color:${t.paper}}
.officer-avatar{display:flex;align-items:center;justify-content:center;width:40px;height:40px;border-radius:50%;background:${t.teal};color:${t.paper};font-weight:700;font-size:.9rem}
.officer-status{font-size:.8rem;color:${t.slate}}
@media (max-width:40rem){
  body.chat-open{overflow:hidden}
  body.chat-open .chat{position:fixed;inset:0;z-index:20;border:0;border-radius:0;padding:.5rem .5rem 0;height:100vh;height:100dvh}
  body.chat-open .webchat{height:auto;min-height:0;border-radius:8px 8px 0 0}
  body.chat-open .chat-bar p{display:none}
  body.chat-open .back{display:inline-block}
  body.js:not(.chat-open) .open-chat{display:block;position:fixed;right:1rem;bottom:1rem;z-index:20}
}
`;
}

/**
 * On a phone the chat opens full screen, with a button back to the page and one to open it again
 * (issue #16 item 2). Without scripts the page works as a normal page.
 */
function phoneScript(): string {
  return `(function(){var b=document.body;b.classList.add('js');var small=window.matchMedia('(max-width: 40rem)');
if(small.matches)b.classList.add('chat-open');
var back=document.getElementById('chat-back'),open=document.getElementById('chat-open');
back.addEventListener('click',function(){b.classList.remove('chat-open');open.focus();});
open.addEventListener('click',function(){b.classList.add('chat-open');var box=document.querySelector('[aria-label="Message input box"]')||document.getElementById('chat');box.focus();});
})();`;
}

export function renderWebChatPage(config: Config, nonce: string, webChatVersion: string, language: Language = 'en'): string {
  const text = PAGE_TEXT[language];
  const name = escapeHtml(config.COLLECTOR_NAME);
  const phone = escapeHtml(config.COLLECTOR_PHONE);
  const tel = config.COLLECTOR_PHONE.replace(/[^\d+]/g, '');
  const phoneLink = `<a href="tel:${escapeHtml(tel)}">${phone}</a>`;
  const hours = language === 'es' ? config.COLLECTOR_HOURS_ES : config.COLLECTOR_HOURS;
  return `<!doctype html>
<html lang="${text.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title(config.COLLECTOR_NAME))}</title>
<link rel="icon" href="data:,">
<meta name="description" content="${escapeHtml(text.description(config.COLLECTOR_NAME))}">
<style nonce="${nonce}">${pageStyles()}</style>
</head>
<body>
<a class="skip" href="#chat">${escapeHtml(text.skip)}</a>
<header class="site-header">
  <div class="wrap">
    <p class="brand">${name}</p>
    <nav aria-label="${escapeHtml(text.nav.label)}">
      <ul>
        <li><a href="#chat">${escapeHtml(text.nav.chat)}</a></li>
        <li><a href="#contact">${escapeHtml(text.nav.contact)}</a></li>
        <li><a href="#rights">${escapeHtml(text.nav.rights)}</a></li>
        <li><a href="?lang=${text.other.lang}" lang="${text.other.lang}" hreflang="${text.other.lang}">${escapeHtml(text.other.label)}</a></li>
      </ul>
    </nav>
  </div>
</header>
<main id="main">
  <div class="wrap layout">
    <section id="chat" class="card chat" aria-label="${escapeHtml(text.chatTitle)}" tabindex="-1">
      <div class="chat-bar">
        <div><h1>${escapeHtml(text.heading)}</h1><p>${escapeHtml(text.chatTitle)}</p></div>
        <button type="button" id="chat-back" class="back">${escapeHtml(text.back)}</button>
      </div>
      <div id="webchat" class="webchat">
        <noscript><p class="debt-bot-chat-problem">${text.noScript(phoneLink)}</p></noscript>
      </div>
    </section>
    <div class="side">
      <section class="card" aria-labelledby="about-title">
        <h2 id="about-title">${escapeHtml(text.aboutTitle)}</h2>
        <p class="lead">${escapeHtml(text.lead)}</p>
      </section>
      <section id="contact" class="card" aria-labelledby="contact-title">
        <h2 id="contact-title">${escapeHtml(text.contactTitle)}</h2>
        <p>${text.contact(phoneLink)}</p>
        <p>${escapeHtml(hours)}</p>
        <address>${name}<br>${escapeHtml(config.COLLECTOR_ADDRESS)}</address>
      </section>
      <section id="rights" class="card" aria-labelledby="rights-title">
        <h2 id="rights-title">${escapeHtml(text.rightsTitle)}</h2>
        <ul class="points">
${text.rights.map((r) => `          <li>${escapeHtml(r)}</li>`).join('\n')}
        </ul>
        <p>${escapeHtml(text.cfpb.before)} <a href="${text.cfpb.href}">${escapeHtml(text.cfpb.label)}</a>.</p>
      </section>
    </div>
  </div>
  <button type="button" id="chat-open" class="open-chat">${escapeHtml(text.openChat)}</button>
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${name} · ${escapeHtml(config.COLLECTOR_ADDRESS)}</p>
    <p>${escapeHtml(text.demo)}</p>
  </div>
</footer>
<script nonce="${nonce}">${phoneScript()}</script>
<script nonce="${nonce}" src="/webchat/webchat.js?v=${encodeURIComponent(webChatVersion)}"></script>
<script nonce="${nonce}" src="/webchat/embed.js" data-target="webchat" data-locale="${text.chatLocale}"></script>
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

  server.get('/', async (req: restify.Request, res: restify.Response) => {
    const nonce = randomBytes(18).toString('base64');
    const language = pageLanguage(new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang'), req.headers['accept-language']);
    const body = Buffer.from(renderWebChatPage(config, nonce, version, language), 'utf8');
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'Content-Security-Policy': contentSecurityPolicy(nonce, deps.publicBaseUrl()),
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': language,
      Vary: 'Accept-Language',
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
