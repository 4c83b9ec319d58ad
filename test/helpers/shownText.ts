/**
 * What a web activity says to the debtor: its text, or — for the itemization, plan recap and receipt,
 * which the web shows as an Adaptive Card with an empty text (src/replies/render.ts) — the card's
 * `speak`, the catalogue text's exact words.
 */
export interface ShownActivity {
  text?: string;
  attachments?: Array<{ content?: unknown }>;
}

export function shownText(activity: ShownActivity): string {
  const spoken = (activity.attachments ?? []).map((card) => (card.content as { speak?: unknown } | undefined)?.speak).filter((s): s is string => typeof s === 'string');
  return [activity.text ?? '', ...spoken].filter(Boolean).join('\n');
}
