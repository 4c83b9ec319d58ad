import type { Activity } from 'botbuilder';

/** Posts activities to /api/messages with deliveryMode "expectReplies", like a channel would. */
export class BotClient {
  private sequence = 0;

  constructor(
    private readonly baseUrl: string,
    readonly conversationId: string = `test-${Math.random().toString(36).slice(2)}`,
    private readonly locale = 'en-US',
  ) {}

  async post(partial: Partial<Activity>): Promise<{ status: number; replies: Partial<Activity>[] }> {
    const activity = {
      type: 'message',
      id: `${this.conversationId}-${++this.sequence}`,
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:9/unused',
      deliveryMode: 'expectReplies',
      conversation: { id: this.conversationId },
      from: { id: 'debtor', role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      locale: this.locale,
      timestamp: new Date().toISOString(),
      ...partial,
    };
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    const body = text ? (JSON.parse(text) as { activities?: Partial<Activity>[] }) : {};
    return { status: res.status, replies: body.activities ?? [] };
  }

  /** Sends a message and returns the bot's reply texts joined by newlines. */
  async say(text: string): Promise<string> {
    const { status, replies } = await this.post({ text });
    if (status !== 200) throw new Error(`POST /api/messages answered ${status}`);
    return replies.map((r) => r.text ?? '').join('\n');
  }
}
