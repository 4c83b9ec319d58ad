/**
 * A small round-robin HTTP and WebSocket proxy in front of several instances, for the multi-instance
 * test and `npm run bench -- --instances N`: a stand-in for the load balancer a deployment has.
 * Each request (and each WebSocket upgrade) goes to the next backend that is in service. A backend
 * that refuses the connection is taken out of service and the request goes to the next one (nothing
 * reached the refused one); `drain(i)` takes one out of service and waits for its requests in flight,
 * as a load balancer does when an instance's health check fails. Answers carry `x-served-by: <index>`.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxyRoute {
  kind: 'http' | 'websocket';
  method: string;
  path: string;
  backend: number;
}

export class RoundRobinProxy {
  readonly server: http.Server;
  private next = 0;
  private readonly inService: boolean[];
  private readonly inFlight: number[];
  private readonly idleWaiters: Array<Array<() => void>>;
  private readonly sockets = new Set<net.Socket>();
  /** Called for every request routed (tests look at who served what). */
  onRoute?: (route: ProxyRoute) => void;

  constructor(private readonly backends: Array<{ host: string; port: number }>) {
    this.inService = backends.map(() => true);
    this.inFlight = backends.map(() => 0);
    this.idleWaiters = backends.map(() => []);
    this.server = http.createServer((req, res) => void this.forward(req, res));
    this.server.keepAliveTimeout = 5_000;
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket as net.Socket, head));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static forUrls(urls: string[]): RoundRobinProxy {
    return new RoundRobinProxy(urls.map((url) => ({ host: new URL(url).hostname, port: Number(new URL(url).port) })));
  }

  listen(port = 0, host = '127.0.0.1'): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve(`http://${host}:${(this.server.address() as AddressInfo).port}`));
    });
  }

  /** Stops sending new requests to backend `index`; resolves once its requests in flight are answered. */
  async drain(index: number): Promise<void> {
    this.inService[index] = false;
    if (this.inFlight[index] === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters[index]!.push(resolve));
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private pick(): number | null {
    for (let i = 0; i < this.backends.length; i++) {
      const index = (this.next + i) % this.backends.length;
      if (this.inService[index]) {
        this.next = index + 1;
        return index;
      }
    }
    return null;
  }

  private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // The body is read first, so a request refused by one backend can go to another.
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (;;) {
      const index = this.pick();
      if (index === null) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('no backend in service');
        return;
      }
      const outcome = await this.send(index, req, body, res);
      if (outcome !== 'refused') return;
      this.inService[index] = false;
    }
  }

  private send(index: number, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<'done' | 'refused'> {
    const backend = this.backends[index]!;
    this.inFlight[index]! += 1;
    this.onRoute?.({ kind: 'http', method: req.method ?? 'GET', path: req.url ?? '/', backend: index });
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: 'done' | 'refused') => {
        if (settled) return;
        settled = true;
        this.inFlight[index]! -= 1;
        if (this.inFlight[index] === 0) this.idleWaiters[index]!.splice(0).forEach((wake) => wake());
        resolve(outcome);
      };
      const upstream = http.request(
        { host: backend.host, port: backend.port, method: req.method, path: req.url, headers: { ...req.headers, 'content-length': String(body.length) } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': String(index) });
          answer.pipe(res);
          answer.on('end', () => finish('done'));
          answer.on('error', () => {
            res.destroy();
            finish('done');
          });
        },
      );
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') return finish('refused');
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain', 'x-served-by': String(index) }).end(`backend ${index} failed: ${error.message}`);
        else res.destroy();
        finish('done');
      });
      upstream.end(body);
    });
  }

  private upgrade(req: http.IncomingMessage, client: net.Socket, head: Buffer): void {
    const index = this.pick();
    if (index === null) {
      client.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    const backend = this.backends[index]!;
    this.onRoute?.({ kind: 'websocket', method: req.method ?? 'GET', path: req.url ?? '/', backend: index });
    const upstream = net.connect(backend.port, backend.host, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', close);
    client.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  }
}
