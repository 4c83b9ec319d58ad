/**
 * GET /notices/:token — the validation notice delivered electronically, as a page the debtor can
 * save or print (Reg F 1006.42). The token is the only credential: the page is never cached,
 * indexed, framed or leaked through a Referer, and it loads nothing from anywhere.
 *
 * Any other path under /notices/ (unknown token, malformed token, extra segments, a token too long
 * for a route parameter) gets the same small 404 page, after the same single database lookup.
 */
import type restify from 'restify';
import type { Db } from '../db/database.ts';
import type { CollectorInfo } from '../messages/catalogue.ts';
import { findNoticeByToken } from './notices.ts';
import {
  NOTICE_LANGUAGES,
  noticeAccountOf,
  renderInvalidLinkPage,
  renderUnavailablePage,
  renderValidationNotice,
  type NoticeLanguage,
} from './validationNotice.ts';

export interface NoticeRouteDeps {
  db: Db;
  collector: CollectorInfo;
  /** For tests; defaults to the system clock. */
  now?: () => Date;
}

export const NOTICE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
};

function sendHtml(res: restify.Response, status: number, html: string): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    ...NOTICE_SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
  });
  res.end(body);
}

function languageOf(value: string): NoticeLanguage {
  return (NOTICE_LANGUAGES as readonly string[]).includes(value) ? (value as NoticeLanguage) : 'en';
}

export function registerNoticeRoutes(server: restify.Server, deps: NoticeRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  const invalidLink = renderInvalidLinkPage();

  // A wildcard rather than ":token": restify answers its own JSON 404 for extra segments and for
  // parameters over 100 characters, which would tell malformed tokens apart from unknown ones.
  server.get('/notices/*', async (req: restify.Request, res: restify.Response) => {
    const params = (req.params ?? {}) as Record<string, unknown>;
    const token = typeof params['*'] === 'string' ? params['*'] : '';
    const notice = await findNoticeByToken(deps.db, token, now());
    if (!notice) {
      sendHtml(res, 404, invalidLink);
      return;
    }
    const { account } = notice;
    let html: string;
    try {
      html = renderValidationNotice(
        {
          collector: deps.collector,
          account: noticeAccountOf(account),
          validationPeriodEndsAt: notice.validationPeriodEndsAt,
          noticeDate: notice.deliveredAt,
        },
        languageOf(notice.language),
      );
    } catch {
      // Figures that do not add up are never shown (they would misstate the debt).
      sendHtml(res, 500, renderUnavailablePage());
      return;
    }
    sendHtml(res, 200, html);
  });
}
