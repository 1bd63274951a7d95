import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withRequestHeaders } from './next-headers.js';

export interface ServedRoute {
  url: string;
  /** Every request as it arrived (raw body, headers) and what the route answered, in order. */
  requests: { headers: Record<string, string>; body: string; status: number }[];
  close(): Promise<void>;
}

/**
 * Serves a Next.js App Router `POST(req: Request)` handler on loopback, the way Next would call it:
 * a web `Request` with the raw body, `headers()` bound to it.
 */
export async function serveRoute(POST: (request: Request) => Promise<Response>): Promise<ServedRoute> {
  const requests: ServedRoute['requests'] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') raw[name] = value;
    const body = Buffer.concat(chunks);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: raw, body });
    let response: Response;
    try {
      response = await withRequestHeaders(request, () => POST(request));
    } catch {
      response = new Response('error', { status: 500 });
    }
    requests.push({ headers: raw, body: body.toString('utf8'), status: response.status });
    res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'text/plain' });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/clerk`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
