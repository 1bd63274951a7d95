import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './network-policy.js';

/** How much of a receiver's answer the delivery log keeps. */
export const RESPONSE_BODY_LIMIT = 1024;

// Connections to receivers are kept alive between deliveries (most go to a handful of endpoints);
// a socket is dropped whenever an attempt ends any other way than a fully read answer.
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivateNetworks: boolean;
}

export interface WebhookResponse {
  /** Null when no HTTP answer came back. */
  statusCode: number | null;
  /** The first KB of the body. */
  body: string;
  /** Set when the attempt failed for a reason other than the status code. */
  error: string | null;
  durationMs: number;
}

/** Sends one webhook attempt; the signature of `sendWebhookRequest`, injectable for tests and benches. */
export type SendWebhook = (request: WebhookRequest) => Promise<WebhookResponse>;

/**
 * POSTs one signed webhook with node:http rather than `fetch`, for three guarantees the worker
 * relies on: one deadline covers connecting, waiting and reading (a receiver that hangs or trickles
 * costs `timeoutMs`, never a stuck worker); redirects are not followed (a 3xx is a failed attempt,
 * as with Svix, and cannot bounce the request to an internal address); and where private networks
 * are forbidden, the addresses a hostname resolves to are checked before connecting (so DNS cannot
 * point a public-looking name at an internal service).
 * Never rejects: every failure comes back as a response with `error` set.
 */
export function sendWebhookRequest(request: WebhookRequest): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    /** `reuse`: the answer was read to its end, so the connection can serve the next delivery. */
    const finish = (statusCode: number | null, body: string, error: string | null, reuse = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (!reuse) outgoing.destroy();
      resolve({ statusCode, body, error, durationMs: elapsed() });
    };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      resolve({ statusCode: null, body: '', error: 'invalid URL', durationMs: 0 });
      return;
    }
    // An IP literal never goes through `lookup`: check it here, before any connection is made.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (!request.allowPrivateNetworks && isIP(literal) !== 0 && isPrivateAddress(literal)) {
      resolve({ statusCode: null, body: '', error: `refused private network address ${literal}`, durationMs: 0 });
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(url, {
      method: 'POST',
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      lookup: request.allowPrivateNetworks ? undefined : publicOnlyLookup,
      agent: url.protocol === 'https:' ? agents.https : agents.http,
    });
    const deadline = setTimeout(() => finish(null, '', `timed out after ${request.timeoutMs} ms`), request.timeoutMs);
    outgoing.on('error', (error) => finish(null, '', error.message || 'request failed'));
    outgoing.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? null;
      const chunks: Buffer[] = [];
      let kept = 0;
      const done = (complete: boolean) => {
        const body = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
        const redirected = status !== null && status >= 300 && status < 400;
        const error = redirected ? `redirect to ${response.headers.location ?? '(no location)'} not followed` : null;
        finish(status, body, error, complete);
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        kept += chunk.length;
        // The log keeps a KB; the rest is not worth waiting for (the connection is dropped instead).
        if (kept >= RESPONSE_BODY_LIMIT) done(false);
      });
      response.on('end', () => done(true));
      response.on('error', (error) => finish(status, '', error.message));
    });
    outgoing.end(request.body);
  });
}

/** DNS lookup that refuses names resolving to loopback, private or link-local addresses. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as unknown as LookupAddress[];
    const blocked = list.find((entry) => isPrivateAddress(entry.address));
    if (blocked) {
      return callback(new Error(`refused private network address ${blocked.address} for ${hostname}`), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    const first = list[0];
    if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
    callback(null, first.address, first.family);
  });
};
