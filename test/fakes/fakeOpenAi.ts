/**
 * A local fake of an OpenAI-compatible server: `POST /v1/chat/completions` in the real wire format,
 * on 127.0.0.1 at a random port. Point the real `openai` SDK at `baseUrl` (it ends in /v1).
 *
 * Each reply comes from the handler the test sets: `(body, request) => ({ status, content, delayMs })`.
 * - `content` is the assistant message's content (a string, e.g. JSON.stringify(classification));
 * - `status` other than 200 answers with an OpenAI-style error body;
 * - `delayMs` holds the reply back (a client that gave up simply disconnects);
 * - `rawBody` sends exactly that text as the response body instead (for broken-server tests).
 * Every request is recorded (method, path, headers, parsed body) before the handler runs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenAiReply {
  status?: number;
  content?: string | null;
  delayMs?: number;
  rawBody?: string;
  finishReason?: 'stop' | 'length' | 'content_filter';
  refusal?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The JSON body as sent (null if it was not JSON). */
  body: any;
  /** The raw body text, for "this string never reached the server" assertions. */
  rawBody: string;
}

export type FakeOpenAiHandler = (body: any, request: RecordedRequest) => FakeOpenAiReply | Promise<FakeOpenAiReply>;

export interface FakeOpenAi {
  /** e.g. http://127.0.0.1:54321/v1 — pass as the SDK's baseURL. */
  baseUrl: string;
  requests: RecordedRequest[];
  setHandler(handler: FakeOpenAiHandler): void;
  close(): Promise<void>;
}

const defaultHandler: FakeOpenAiHandler = () => ({
  content: JSON.stringify({
    intent: 'unknown',
    intents: ['unknown'],
    entities: { dates: [], ambiguousDate: false, money: [], zip: null, accountNumber: null, language: null, count: null },
  }),
});

function send(res: http.ServerResponse, status: number, body: string): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function errorBody(status: number): string {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return JSON.stringify({ error: { message: `fake error ${status}`, type, param: null, code: type } });
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  let handler: FakeOpenAiHandler = defaultHandler;
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        let body: any = null;
        try {
          body = JSON.parse(rawBody);
        } catch {
          body = null;
        }
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body, rawBody };
        requests.push(recorded);

        if (req.method !== 'POST' || path !== '/v1/chat/completions') {
          send(res, 404, JSON.stringify({ error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error', param: null, code: null } }));
          return;
        }
        if (body === null) {
          send(res, 400, errorBody(400));
          return;
        }

        let reply: FakeOpenAiReply;
        try {
          reply = await handler(body, recorded);
        } catch {
          send(res, 500, errorBody(500));
          return;
        }
        if (reply.delayMs) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              timers.delete(timer);
              resolve();
            }, reply.delayMs);
            timers.add(timer);
          });
        }
        const status = reply.status ?? 200;
        if (reply.rawBody !== undefined) {
          send(res, status, reply.rawBody);
          return;
        }
        if (status !== 200) {
          send(res, status, errorBody(status));
          return;
        }
        counter += 1;
        const content = reply.content === undefined ? null : reply.content;
        send(
          res,
          200,
          JSON.stringify({
            id: `chatcmpl-fake${counter}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: typeof body.model === 'string' ? body.model : 'fake-model',
            system_fingerprint: 'fp_fake',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content, refusal: reply.refusal ?? null, annotations: [] },
                logprobs: null,
                finish_reason: reply.finishReason ?? 'stop',
              },
            ],
            usage: { prompt_tokens: Math.ceil(rawBody.length / 4), completion_tokens: Math.ceil((content ?? '').length / 4), total_tokens: Math.ceil((rawBody.length + (content ?? '').length) / 4) },
          }),
        );
      })();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setHandler(next) {
      handler = next;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
