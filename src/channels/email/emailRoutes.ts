/**
 * The one-click email opt-out (Reg F 1006.6(e)), public like the notice pages — the token in the
 * link is the only credential, and it can do nothing but stop emails:
 *
 *   GET  /email/unsubscribe/:token   the link in every email: records the opt-out at once, then says so
 *   POST /email/unsubscribe/:token   RFC 8058 List-Unsubscribe-Post one-click (mail apps' button)
 *
 * Recorded before the next send: every account with the address stops getting email, and every
 * email still waiting to it is cancelled (src/channels/email/recipients.ts).
 */
import type restify from 'restify';
import type { Db } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import type { CollectorInfo } from '../../messages/catalogue.ts';
import { outreachMessagesFor } from '../../messages/outreach.ts';
import { NOTICE_SECURITY_HEADERS } from '../../notices/noticeRoutes.ts';
import { renderShortPage } from '../../notices/validationNotice.ts';
import { readLinkToken } from './links.ts';
import { unsubscribeByMessage } from './recipients.ts';

export interface EmailRouteDeps {
  db: Db;
  logger: Logger;
  collector: CollectorInfo;
  linkKey: string;
  now?: () => Date;
}

function sendHtml(res: restify.Response, status: number, html: string): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { ...NOTICE_SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length) });
  res.end(body);
}

export function registerEmailRoutes(server: restify.Server, deps: EmailRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  const handle = (via: 'link' | 'one_click_post') => async (req: restify.Request, res: restify.Response) => {
    const outboxId = readLinkToken(deps.linkKey, 'unsubscribe', String(req.params?.token ?? ''));
    const result = outboxId ? await unsubscribeByMessage(deps.db, outboxId, via, now()) : { known: false, language: 'en' };
    const words = outreachMessagesFor(result.language);
    if (!result.known) {
      return sendHtml(res, 404, renderShortPage(result.language === 'es' ? 'es' : 'en', words.unsubscribeInvalidTitle, words.unsubscribeInvalidBody(deps.collector)));
    }
    deps.logger.info({ outboxId, via }, 'email opt-out recorded');
    if (via === 'one_click_post') {
      res.writeHead(200, { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('OK');
      return;
    }
    sendHtml(res, 200, renderShortPage(result.language === 'es' ? 'es' : 'en', words.unsubscribedTitle, words.unsubscribedBody(deps.collector)));
  };
  server.get('/email/unsubscribe/:token', handle('link'));
  server.post('/email/unsubscribe/:token', handle('one_click_post'));
}
