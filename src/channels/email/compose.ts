/**
 * An email as it leaves: the outbox row's own words (subject and text, from a catalogue) inside the
 * frame every email we send carries — the chat link, the debt-collector disclosure (1006.18(e)),
 * the opt-out link (1006.6(e)) and who we are — and, when the law allows it in this email, the
 * validation notice in the body (1006.42(c)(2)). A plain-text part and an HTML part with the same
 * words. Pure: the deliverer, the preview and the dev page all show exactly this.
 */
import { z } from 'zod';
import type { CollectorInfo } from '../../messages/catalogue.ts';
import { outreachMessagesFor } from '../../messages/outreach.ts';
import { escapeHtml, renderValidationNotice, type NoticeLanguage, type ValidationNoticeInput } from '../../notices/validationNotice.ts';

/** What an email outbox row holds in `body` (JSON): the subject and the message's own text. */
export interface EmailContent {
  subject: string;
  text: string;
}

const contentSchema = z.object({ subject: z.string().min(1).max(200), text: z.string().min(1).max(20_000) });

export function emailBody(content: EmailContent): string {
  return JSON.stringify(contentSchema.parse(content));
}

/** The row's content; throws when the body is not an email body (a bug upstream, not retried). */
export function parseEmailBody(body: string): EmailContent {
  return contentSchema.parse(JSON.parse(body));
}

export interface ComposeInput {
  language: NoticeLanguage;
  collector: CollectorInfo;
  content: EmailContent;
  chatLink: string;
  unsubscribeLink: string;
  /** The validation notice, in the body (only when emailNoticeBasis allows it). */
  notice?: { link: string; input: ValidationNoticeInput };
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 1em">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** Text with its URLs as links (the URLs are ours: chat, notice, opt-out). */
const linked = (text: string) => paragraphs(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

export function composeEmail(input: ComposeInput): ComposedEmail {
  const words = outreachMessagesFor(input.language);
  const { collector, content } = input;
  const text = [
    content.text,
    words.emailChat(input.chatLink),
    ...(input.notice ? [words.emailNoticeFollows(input.notice.link)] : []),
    words.emailDisclosure(collector),
    words.emailOptOut(input.unsubscribeLink),
    words.emailFooter(collector),
  ].join('\n\n');

  const button = `<p style="margin:1.25em 0"><a href="${escapeHtml(input.chatLink)}" style="display:inline-block;padding:.7em 1.2em;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(words.emailChatButton)}</a></p>`;
  const before = `<section class="email-message" style="max-width:46rem;margin:0 auto 1.5rem;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#111827">
${paragraphs(content.text)}
${button}
${linked(words.emailChat(input.chatLink))}
${input.notice ? linked(words.emailNoticeFollows(input.notice.link)) : ''}
<p style="margin:0 0 1em;font-weight:600">${escapeHtml(words.emailDisclosure(collector))}</p>
</section>`;
  const after = `<footer style="max-width:46rem;margin:1.5rem auto;font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#374151">
<p style="margin:0 0 1em"><a href="${escapeHtml(input.unsubscribeLink)}">${escapeHtml(words.emailOptOutLink)}</a></p>
<p style="margin:0">${escapeHtml(words.emailFooter(collector))}</p>
</footer>`;

  const html = input.notice
    ? renderValidationNotice(input.notice.input, input.language, { before, after })
    : `<!doctype html>
<html lang="${input.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:1rem;background:#ffffff">
${before}
${after}
</body>
</html>
`;
  return { subject: content.subject, text, html };
}
