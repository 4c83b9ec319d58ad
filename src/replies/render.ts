/**
 * The channel-aware reply renderer, pure: one place where a reply (catalogue text, plus hints:
 * the choices it offers, the card it is) becomes what each channel shows.
 *
 * Web (Web Chat): Markdown that Web Chat renders as real lists and paragraphs, links as short
 * labels and `openUrl` buttons, choices as Bot Framework `suggestedActions` (typing still works:
 * a button only sends words the recognizer understands anyway), itemization / plan recap /
 * receipt as an Adaptive Card whose text blocks are the catalogue text's own words.
 * SMS: the same text, plain, with the choices numbered ("Reply 1, 2 or 3"); the numbers are
 * understood on the next message (see resolveNumberedChoice).
 * Any other channel (tests, the emulator) gets the text unchanged.
 */
import { ActionTypes, CardFactory, MessageFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import { repliesFor, type Choice, type LinkKind } from '../messages/replies.ts';

/** Where a reply's hints travel on its activity, between the dialog and the renderer. */
export const REPLY_HINTS = 'debtBotReply';

export type CardKind = 'itemization' | 'recap' | 'receipt';

export interface ReplyHints {
  choices?: Choice[];
  card?: CardKind;
}

export type RenderChannel = 'web' | 'sms' | 'other';

/** A reply: the catalogue text with the hints the renderer turns into buttons or a card. */
export function reply(text: string, hints: ReplyHints): Partial<Activity> {
  return { type: 'message', text, channelData: { [REPLY_HINTS]: hints } };
}

export function hintsOf(activity: Partial<Activity>): ReplyHints {
  const data = activity.channelData as Record<string, unknown> | undefined;
  return (data?.[REPLY_HINTS] as ReplyHints | undefined) ?? {};
}

const URL_PATTERN = /https?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?]/g;

/** What a link leads to, from its path (our pay, notice and record pages). */
export function linkKind(url: string): LinkKind {
  try {
    const path = new URL(url).pathname;
    if (path.startsWith('/pay/')) return 'pay';
    if (path.startsWith('/notice')) return 'notice';
    if (path.startsWith('/record/')) return 'record';
  } catch {
    /* not a URL we know */
  }
  return 'other';
}

export function linksIn(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((m) => m[0]);
}

const BULLET = /^\s*[•\-*]\s+/;

interface Block {
  kind: 'paragraph' | 'list';
  lines: string[];
}

/** The text's lines as paragraphs and bullet lists ("• " lines), in order. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const item = BULLET.test(line);
    const content = item ? line.replace(BULLET, '') : line;
    const last = blocks[blocks.length - 1];
    if (item && last?.kind === 'list') last.lines.push(content);
    else blocks.push({ kind: item ? 'list' : 'paragraph', lines: [content] });
  }
  return blocks;
}

/**
 * Web Chat Markdown: paragraphs apart, bullet lines as a real list, links as short labelled links.
 * The text is the catalogue's, whose data (names, creditors) the dialogs have already escaped for
 * Markdown (src/domain/markdown.ts): nothing is escaped again here.
 */
export function toMarkdown(text: string, label: (url: string) => string): string {
  const inline = (line: string) => {
    let out = '';
    let at = 0;
    for (const match of line.matchAll(URL_PATTERN)) {
      out += line.slice(at, match.index) + `[${label(match[0])}](${match[0]})`;
      at = match.index! + match[0].length;
    }
    return out + line.slice(at);
  };
  return blocksOf(text)
    .map((b) => (b.kind === 'list' ? b.lines.map((l) => `- ${inline(l)}`).join('\n') : inline(b.lines.join(' '))))
    .join('\n\n');
}

/** An Adaptive Card with a title and the text's own words, paragraph by paragraph, lists as lists. */
export function textCard(title: string, text: string, links: CardAction[]): Attachment {
  const body: unknown[] = [{ type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' }];
  for (const block of blocksOf(text)) {
    const words = block.kind === 'list' ? block.lines.map((l) => `- ${l}`).join('\n') : block.lines.join(' ');
    body.push({ type: 'TextBlock', text: words, wrap: true, spacing: 'Small' });
  }
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    speak: text,
    body,
    actions: links.map((l) => ({ type: 'Action.OpenUrl', title: l.title, url: l.value })),
  });
}

/** Every word a card shows (titles excepted), as plain text: for the record and for tests. */
export function cardWords(attachment: Attachment): string {
  const content = attachment.content as { body?: Array<{ text?: string }> } | undefined;
  return (content?.body ?? [])
    .slice(1)
    .map((b) => b.text ?? '')
    .join('\n');
}

/** Renders one outgoing message for a channel. Non-message activities and unknown channels pass unchanged. */
export function renderReply(activity: Partial<Activity>, channel: RenderChannel, language: string): Partial<Activity> {
  if (activity.type !== 'message' || typeof activity.text !== 'string' || channel === 'other') return activity;
  const hints = hintsOf(activity);
  const words = repliesFor(language);
  const text = activity.text;
  const rest = { ...activity };
  if (rest.channelData) {
    const { [REPLY_HINTS]: _hints, ...data } = rest.channelData as Record<string, unknown>;
    rest.channelData = Object.keys(data).length ? data : undefined;
  }
  if (channel === 'sms') {
    return { ...rest, text: hints.choices?.length ? `${text}\n${words.smsChoices(hints.choices)}` : text };
  }

  const label = (url: string) => words.link(linkKind(url));
  const links: CardAction[] = linksIn(text).map((url) => ({ type: ActionTypes.OpenUrl, title: label(url), value: url }));
  const rendered: Partial<Activity> = { ...rest, textFormat: 'markdown' };
  if (hints.card) {
    const title = { itemization: words.cards.itemizationTitle, recap: words.cards.recapTitle, receipt: words.cards.receiptTitle }[hints.card];
    rendered.text = '';
    rendered.attachments = [textCard(title, text, links)];
  } else {
    rendered.text = toMarkdown(text, label);
    if (links.length) rendered.attachments = [CardFactory.heroCard('', undefined, links)];
  }
  if (hints.choices?.length) {
    rendered.suggestedActions = MessageFactory.suggestedActions(
      hints.choices.map((c): CardAction => ({ type: ActionTypes.ImBack, title: c.label, value: c.value })),
    ).suggestedActions;
  }
  return rendered;
}

/**
 * SMS: a message that is only the number of one of the choices just offered ("2", "2.", " 2) ")
 * means that choice; anything else is read as written.
 */
export function resolveNumberedChoice(text: string, offered: readonly string[] | undefined): string | null {
  if (!offered?.length) return null;
  const match = /^\s*#?(\d{1,2})\s*[.)]?\s*$/.exec(text);
  if (!match) return null;
  return offered[Number(match[1]) - 1] ?? null;
}
