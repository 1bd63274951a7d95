import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook request as the receiver got it: raw body and headers, byte for byte. */
export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  /** What the receiver answered. */
  status: number;
  receivedAt: number;
}

/** Decides the answer to a request; `null` hangs up without answering (a crashed receiver). */
export type Responder = (request: ReceivedWebhook, index: number) => Promise<number | null> | number | null;

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves once `predicate` holds for the requests received so far (checked on each arrival). */
  waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback playing the app's webhook route: it records every request and
 * answers what `respond` says (200 by default).
 */
export async function startWebhookReceiver(respond: Responder = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers[name] = value;
    }
    const request: ReceivedWebhook = {
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
      status: 0,
      receivedAt: Date.now(),
    };
    const index = received.length;
    const status = await respond(request, index);
    if (status === null) {
      req.socket.destroy();
      return;
    }
    request.status = status;
    received.push(request);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    for (const waiter of waiters) waiter();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    waitFor(predicate, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(received)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`webhook receiver: condition not met within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Event types of the successful (2xx) requests, in arrival order. */
export function deliveredTypes(received: ReceivedWebhook[]): string[] {
  return received
    .filter((r) => r.status >= 200 && r.status < 300)
    .map((r) => (JSON.parse(r.body) as { type: string }).type);
}
