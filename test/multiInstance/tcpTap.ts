/**
 * A TCP pass-through between one instance and a fake server (the fake Stripe), telling whether
 * that instance has a request out that is not answered yet — so a test can kill an instance in
 * the middle of a charge.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export class TcpTap {
  private readonly server: net.Server;
  private readonly awaiting = new Set<net.Socket>();
  private readonly sockets = new Set<net.Socket>();

  constructor(targetPort: number) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => {
          this.sockets.delete(socket);
          this.awaiting.delete(client);
        });
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on('data', (chunk) => {
        this.awaiting.add(client);
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        this.awaiting.delete(client);
        client.write(chunk);
      });
      client.on('end', () => upstream.end());
      upstream.on('end', () => client.end());
    });
  }

  /** Requests sent through the tap and not yet answered. */
  get inFlight(): number {
    return this.awaiting.size;
  }

  listen(): Promise<number> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port)));
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
