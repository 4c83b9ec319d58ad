/**
 * The debtor's record (issue #16 item 5): GET /record/<signed token>. The transcript of their
 * conversations, each agreement with its authorization (time, channel, the exact words), payments
 * (receipts), disputes and their status, the E-SIGN consent and the validation notice. English or
 * Spanish (the account's language, or ?lang=), printable, no identity factor shown: the account
 * number masked, no date of birth, ZIP, SSN digits or address, and the debtor's own messages masked
 * again on the way out (a factor typed outside verification).
 */
import type restify from 'restify';
import type { Db } from '../db/database.ts';
import { maskAccountNumber } from '../domain/itemization.ts';
import { formatMoney } from '../domain/money.ts';
import { maskIdentityFactors } from '../domain/redaction.ts';
import { escapeHtml, renderPage, sendPage } from '../payments/pages.ts';
import { checkRecordToken } from './recordLinks.ts';
import { recordTextFor, type RecordText } from './recordText.ts';

export interface RecordRouteDeps {
  db: Db;
  /** IDENTITY_HASH_KEY: the record links are signed with a key derived from it. */
  key: string;
  now?: () => Date;
}

const list = (items: string[], none: string) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p>${escapeHtml(none)}</p>`);
const words = (text: string) => `<blockquote>${text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</blockquote>`;

export async function renderRecord(db: Db, accountId: string, expiresAt: Date, language?: string): Promise<string | null> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    include: {
      creditor: true,
      plans: { orderBy: { createdAt: 'asc' } },
      payments: { orderBy: { createdAt: 'asc' } },
      disputes: { orderBy: { createdAt: 'asc' } },
      consents: { orderBy: { givenAt: 'asc' } },
      notices: { orderBy: { deliveredAt: 'asc' } },
      conversations: { orderBy: { createdAt: 'asc' }, include: { messages: { orderBy: { createdAt: 'asc' }, take: 500 } } },
    },
  });
  if (!account) return null;
  const text: RecordText = recordTextFor(language ?? account.language);
  const zone = account.timeZone ?? 'America/New_York';
  const when = (d: Date) => escapeHtml(new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(d));
  const day = (d: Date) => escapeHtml(new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d));
  const money = (minor: number, currency: string) => escapeHtml(formatMoney(minor, currency, text.locale));
  const channel = (c: string | null) => escapeHtml(text.channels[c ?? ''] ?? c ?? '');
  const paused = account.disputed || account.attorneyRepresented || account.bankruptcy || account.deceased || account.activeMilitary || account.identityTheft;
  const status = account.ceaseCommunication ? text.statusWords.ceased : paused ? text.statusWords.paused : text.statusWords.active;

  const summary = `<dl>
<dt>${escapeHtml(text.accountNumber)}</dt><dd>${escapeHtml(maskAccountNumber(account.accountNumber))}</dd>
<dt>${escapeHtml(text.creditor)}</dt><dd>${escapeHtml(account.creditor.name)}</dd>
<dt>${escapeHtml(text.balance)}</dt><dd>${money(account.balance, account.currency)}</dd>
<dt>${escapeHtml(text.status)}</dt><dd>${escapeHtml(status)}</dd>
</dl>`;
  const plans = account.plans
    .filter((p) => p.authorizedAt && p.authorizationText)
    .map((p) => `<p><strong>${money(p.total, p.currency)}</strong> · ${escapeHtml(text.planStatus)}: ${escapeHtml(p.status)}</p><p>${escapeHtml(text.authorized(new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(p.authorizedAt!), text.channels[p.authorizedChannel ?? ''] ?? p.authorizedChannel ?? ''))}</p>${words(p.authorizationText!)}`);
  const payments = account.payments.map((p) => escapeHtml(text.paymentLine(formatMoney(p.amount, p.currency, text.locale), new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeZone: zone }).format(p.createdAt), p.status)));
  const disputes = account.disputes.map((d) => `${escapeHtml(text.disputeKind[d.kind as 'dispute'] ?? d.kind)} · ${when(d.createdAt)} · ${escapeHtml(text.disputeStatus[d.status] ?? d.status)}${words(maskIdentityFactors(d.words))}`);
  const consents = account.consents.map(
    (c) => `${escapeHtml(text.consentLine(new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(c.givenAt), text.channels[c.channel] ?? c.channel))}${words(c.wording)}${c.withdrawnAt ? `<p>${escapeHtml(text.withdrawn(new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeZone: zone }).format(c.withdrawnAt)))}</p>` : ''}`,
  );
  const notices = account.notices.map((n) => escapeHtml(text.noticeLine(new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeZone: zone }).format(n.deliveredAt), text.channels[n.channel] ?? n.channel, new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeZone: zone }).format(n.validationPeriodEndsAt))));
  const transcript = account.conversations
    .filter((c) => c.messages.length > 0)
    .map(
      (c) =>
        `<h3>${channel(c.channel)} · ${day(c.createdAt)}</h3><ol class="transcript">${c.messages
          .map((m) => `<li><strong>${escapeHtml(text.who[m.author as 'bot'] ?? m.author)}</strong> <time>${when(m.createdAt)}</time><br>${escapeHtml(m.author === 'debtor' ? maskIdentityFactors(m.text) : m.text).replace(/\n/g, '<br>')}</li>`)
          .join('')}</ol>`,
    );
  const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
  const extra = [
    section(text.account, summary),
    section(text.plans, plans.length ? plans.join('') : `<p>${escapeHtml(text.none)}</p>`),
    section(text.payments, list(payments, text.none)),
    section(text.disputes, list(disputes, text.none)),
    section(text.consents, list(consents, text.none)),
    section(text.notice, list(notices, text.none)),
    section(text.transcript, transcript.length ? transcript.join('') : `<p>${escapeHtml(text.none)}</p>`),
  ].join('');
  const expires = new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeZone: zone }).format(expiresAt);
  return renderPage({ lang: text.locale.slice(0, 2), documentTitle: text.title, sections: [{ title: text.title, body: text.intro(expires) }], extraHtml: extra });
}

export function registerRecordRoutes(server: restify.Server, deps: RecordRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  server.get('/record/*', async (req: restify.Request, res: restify.Response) => {
    const params = (req.params ?? {}) as Record<string, unknown>;
    const token = typeof params['*'] === 'string' ? params['*'] : '';
    const lang = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') ?? undefined;
    const check = checkRecordToken(token, deps.key, now());
    const refuse = (status: number, reason: 'invalid' | 'expired') => {
      const en = recordTextFor('en').refused;
      const es = recordTextFor('es').refused;
      const pick = (t: typeof en) => (reason === 'expired' ? { title: t.expiredTitle, body: t.expired } : { title: t.invalidTitle, body: t.invalid });
      sendPage(res, status, renderPage({ lang: 'en', documentTitle: `${pick(en).title} · ${pick(es).title}`, sections: [pick(en), { ...pick(es) }] }));
    };
    if (!check.ok) return refuse(check.reason === 'expired' ? 410 : 404, check.reason);
    const html = await renderRecord(deps.db, check.accountId, check.expiresAt, lang === 'es' || lang === 'en' ? lang : undefined);
    if (!html) return refuse(404, 'invalid');
    sendPage(res, 200, html);
  });
}
