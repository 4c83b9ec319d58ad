/**
 * Debtors talking to several instances through the round-robin proxy, as their channels would:
 * a website chat (Direct Line over HTTP, replies read from its WebSocket stream, which reconnects
 * from its watermark when the instance holding it goes away), and a phone (signed Twilio webhooks;
 * replies read from the fake Twilio once the outbox sent them).
 */
import twilio from 'twilio';
import WebSocket from 'ws';
import type { Db } from '../../src/db/database.ts';
import type { FakeTwilio } from '../fakes/fakeTwilio.ts';
import { shownText } from '../helpers/shownText.ts';

interface StreamedActivity {
  id: string;
  type: string;
  text?: string;
  attachments?: Array<{ content?: unknown }>;
  replyToId?: string;
  from: { role?: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface WebTurn {
  /** The instance that ran the turn (x-served-by). */
  servedBy: number;
  /** The instance holding the stream when the replies arrived. */
  streamOn: number;
  replies: string;
}

export class WebDebtor {
  private socket: WebSocket | undefined;
  private streamBackend = -1;
  private watermark = -1;
  private readonly activities: StreamedActivity[] = [];
  private closedByUs = false;
  reconnects = 0;

  private constructor(
    private readonly baseUrl: string,
    readonly conversationId: string,
    private readonly token: string,
    private readonly backendOfStream: (conversationId: string) => number,
  ) {}

  /** Starts a conversation through the proxy and opens its stream (it lands on some instance). */
  static async start(baseUrl: string, backendOfStream: (conversationId: string) => number): Promise<WebDebtor> {
    const generated = (await (await fetch(`${baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string };
    const res = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${generated.token}`, 'content-type': 'application/json' }, body: '{}' });
    if (res.status !== 201) throw new Error(`starting a web chat answered ${res.status}: ${await res.text()}`);
    const started = (await res.json()) as { conversationId: string; token: string; streamUrl: string };
    const debtor = new WebDebtor(baseUrl, started.conversationId, started.token, backendOfStream);
    await debtor.open(started.streamUrl);
    return debtor;
  }

  private async open(streamUrl: string): Promise<void> {
    const socket = new WebSocket(streamUrl);
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { activities: StreamedActivity[]; watermark: string };
      this.activities.push(...frame.activities);
      this.watermark = Number(frame.watermark);
    });
    await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
    this.socket = socket;
    this.streamBackend = this.backendOfStream(this.conversationId);
    // The instance holding the stream went away: reconnect (through the proxy) from the watermark.
    socket.once('close', () => {
      if (!this.closedByUs) void this.reconnect();
    });
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 0; attempt < 50 && !this.closedByUs; attempt++) {
      try {
        const query = this.watermark >= 0 ? `?watermark=${this.watermark}` : '';
        const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}${query}`, { headers: { authorization: `Bearer ${this.token}` } });
        if (res.status === 200) {
          this.reconnects += 1;
          await this.open(((await res.json()) as { streamUrl: string }).streamUrl);
          return;
        }
      } catch {
        // try again
      }
      await sleep(200);
    }
  }

  /** Posts a message; resolves with the bot's replies to it once they came down the stream. */
  async say(text: string, timeoutMs = 120_000): Promise<WebTurn> {
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, from: { id: 'debtor' }, locale: 'en-US' }),
    });
    if (res.status !== 200) throw new Error(`posting "${text}" answered ${res.status}: ${await res.text()}`);
    const servedBy = Number(res.headers.get('x-served-by'));
    const { id } = (await res.json()) as { id: string };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const replies = () => this.activities.filter((a) => a.replyToId === id && a.from.role === 'bot' && a.type === 'message');
      if (replies().length > 0) {
        // A turn's replies may come down in more than one frame (a text, then a card): let them settle.
        await sleep(150);
        return { servedBy, streamOn: this.streamBackend, replies: replies().map(shownText).join('\n') };
      }
      if (Date.now() > deadline) throw new Error(`no reply to "${text}" came down the stream of ${this.conversationId}`);
      await sleep(20);
    }
  }

  /** Every activity id the stream delivered more than once (must be none). */
  duplicates(): string[] {
    const seen = new Set<string>();
    return this.activities.filter((a) => (seen.has(a.id) ? true : (seen.add(a.id), false))).map((a) => a.id);
  }

  close(): void {
    this.closedByUs = true;
    this.socket?.close();
  }
}

export interface SmsTarget {
  baseUrl: string;
  publicUrl: string;
  authToken: string;
  ourNumber: string;
  fake: FakeTwilio;
  db: Db;
}

let sid = 0;

export class SmsDebtor {
  constructor(
    private readonly target: SmsTarget,
    readonly phone: string,
  ) {}

  /** Texts `body` (a signed webhook through the proxy); resolves with the texts of the reply once the outbox sent it. */
  async say(body: string, timeoutMs = 120_000): Promise<string> {
    const messageSid = `SM${(++sid).toString(16).padStart(6, '0')}${Date.now().toString(16)}`.padEnd(34, '0');
    const params: Record<string, string> = { MessageSid: messageSid, SmsMessageSid: messageSid, AccountSid: 'AC00000000000000000000000000000000', From: this.phone, To: this.target.ourNumber, Body: body, NumSegments: '1' };
    const signature = twilio.getExpectedTwilioSignature(this.target.authToken, `${this.target.publicUrl}/api/sms`, params);
    const res = await fetch(`${this.target.baseUrl}/api/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    if (res.status !== 200) throw new Error(`texting "${body}" answered ${res.status}`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = await this.target.db.outboxMessage.findFirst({ where: { to: this.phone, kind: 'reply', dedupeKey: { endsWith: messageSid }, status: 'sent' } });
      if (reply) {
        const sids = reply.providerRef!.split(',');
        const parts = sids.map((s) => this.target.fake.messages.find((m) => m.sid === s)?.form.Body ?? '');
        return parts.map((p) => p.replace(/^\(\d+\/\d+\) /, '')).join(' ').replace(/\s+/g, ' ');
      }
      if (Date.now() > deadline) throw new Error(`no reply to "${body}" was sent to the phone`);
      await sleep(50);
    }
  }
}
