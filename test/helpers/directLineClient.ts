/** A website-chat debtor talking to our Direct Line endpoint over HTTP, as Web Chat does. */
export interface DirectLineActivity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string; name?: string };
  channelData?: Record<string, unknown>;
  attachments?: Array<{ contentType: string; content?: { body?: Array<{ text?: string }> } }>;
}

/** What the debtor reads in an activity: its text and the text of its Adaptive Cards (the recap, the itemization, a receipt). */
export function shownText(activity: DirectLineActivity): string {
  const cards = (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .flatMap((a) => (a.content?.body ?? []).map((b) => b.text ?? ''));
  return [activity.text ?? '', ...cards].filter(Boolean).join('\n');
}

export class DirectLineDebtor {
  private watermark: string | undefined;

  private constructor(
    private readonly base: string,
    readonly conversationId: string,
    private readonly token: string,
  ) {}

  static async start(baseUrl: string): Promise<DirectLineDebtor> {
    const base = `${baseUrl}/v3/directline`;
    const generated = (await (await fetch(`${base}/tokens/generate`, { method: 'POST' })).json()) as { token: string };
    const res = await fetch(`${base}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${generated.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    if (res.status !== 201) throw new Error(`starting a Direct Line conversation answered ${res.status}`);
    const started = (await res.json()) as { conversationId: string; token: string };
    return new DirectLineDebtor(base, started.conversationId, started.token);
  }

  /** Sends a message; resolves when the bot's turn has run. */
  async send(text: string): Promise<void> {
    const res = await fetch(`${this.base}/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, from: { id: 'debtor' }, locale: 'en-US' }),
    });
    if (res.status !== 200) throw new Error(`posting to Direct Line answered ${res.status}`);
  }

  /** Bot-side messages since the last call (bot replies, officer messages delivered by the outbox). */
  async received(): Promise<DirectLineActivity[]> {
    const query = this.watermark === undefined ? '' : `?watermark=${this.watermark}`;
    const res = await fetch(`${this.base}/conversations/${this.conversationId}/activities${query}`, { headers: { authorization: `Bearer ${this.token}` } });
    const set = (await res.json()) as { activities: DirectLineActivity[]; watermark: string };
    this.watermark = set.watermark;
    return set.activities.filter((a) => a.type === 'message' && a.from.role === 'bot');
  }

  /** Sends a message and returns the texts that came back by the end of the turn. */
  async say(text: string): Promise<string> {
    await this.received();
    await this.send(text);
    return (await this.received()).map(shownText).join('\n');
  }
}
