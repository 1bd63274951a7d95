import { LatchAPIResponseError, LatchRuntimeError } from '../errors.js';
import type { ClientJSON } from '../resources/json.js';
import type { LatchRuntime } from '../runtime/runtime.js';
import { encodeFormBody } from './form-body.js';

export type FapiMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface FapiRequest {
  method: FapiMethod;
  /** Path under `/v1`, e.g. `/client/sign_ins`. */
  path: string;
  body?: Record<string, unknown>;
  search?: Record<string, string>;
  /** Session the call acts as (`_clerk_session_id`); sent on every path outside `/client`. */
  sessionId?: string | null;
}

export interface FapiAnswer {
  /** `response` of the envelope, or the whole body for bare answers (tokens, session lists). */
  response: unknown;
  /** The piggy-backed client: a ClientJSON, null (no client any more), or undefined (not sent). */
  client: ClientJSON | null | undefined;
}

/**
 * Speaks the Frontend API's wire conventions (PROTOCOL.md §2.1): only GET and POST on the wire
 * (other verbs as `?_method=`, which keeps requests CORS-"simple"), form-encoded bodies, the SDK
 * version on every call, credentials included so the HttpOnly `__client` cookie identifies the
 * browser, and Clerk-shaped errors rebuilt as {@link LatchAPIResponseError}.
 */
export class FapiTransport {
  constructor(
    private readonly baseUrl: string,
    private readonly runtime: LatchRuntime,
    private readonly sdkVersion: string,
  ) {}

  async request(request: FapiRequest): Promise<FapiAnswer> {
    const url = new URL(`${this.baseUrl}/v1${request.path}`);
    url.searchParams.set('_clerk_js_version', this.sdkVersion);
    if (request.method !== 'GET' && request.method !== 'POST') url.searchParams.set('_method', request.method);
    if (request.sessionId && !request.path.startsWith('/client')) {
      url.searchParams.set('_clerk_session_id', request.sessionId);
    }
    for (const [key, value] of Object.entries(request.search ?? {})) url.searchParams.set(key, value);

    const init: RequestInit = { method: request.method === 'GET' ? 'GET' : 'POST', credentials: 'include' };
    if (init.method === 'POST') {
      init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
      init.body = encodeFormBody(request.body ?? {});
    }
    const response = await this.send(url, init);
    const body = await readJSON(response);
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('retry-after'));
      throw LatchAPIResponseError.fromJSON(
        response.status,
        body,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
    }
    return unwrap(body);
  }

  /**
   * One request; GETs (which change nothing) are retried on network failures — never on an HTTP
   * error answer — with growing pauses, and say which attempt they are (`_clerk_retry_attempt`).
   */
  private async send(url: URL, init: RequestInit): Promise<Response> {
    const attempts = init.method === 'GET' ? GET_RETRY_DELAYS_MS.length + 1 : 1;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) url.searchParams.set('_clerk_retry_attempt', String(attempt));
      try {
        return await this.runtime.fetch(url.toString(), init);
      } catch (cause) {
        if (attempt + 1 >= attempts) {
          throw new LatchRuntimeError('network_error', `Could not reach the Frontend API at ${this.baseUrl}`, {
            cause,
          });
        }
        await new Promise((resolve) => setTimeout(resolve, GET_RETRY_DELAYS_MS[attempt]));
      }
    }
  }
}

const GET_RETRY_DELAYS_MS = [250, 500, 1_000];

async function readJSON(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (!response.ok) return null;
    throw new LatchRuntimeError('invalid_response', `The Frontend API answered ${response.status} with non-JSON`, {
      cause,
    });
  }
}

function unwrap(body: unknown): FapiAnswer {
  if (body && typeof body === 'object' && !Array.isArray(body) && ('response' in body || 'client' in body)) {
    const envelope = body as { response?: unknown; client?: ClientJSON | null };
    // `/v1/client` itself answers `{ response: client, client: null }` (as Clerk does): there the
    // resource is the client.
    const client = isClientJSON(envelope.response) ? envelope.response : envelope.client;
    return {
      response: envelope.response ?? null,
      client: 'client' in envelope ? (client ?? null) : undefined,
    };
  }
  return { response: body, client: undefined };
}

function isClientJSON(value: unknown): value is ClientJSON {
  return typeof value === 'object' && value !== null && (value as { object?: unknown }).object === 'client';
}
