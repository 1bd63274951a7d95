import { type LatchAPIError, LatchAPIResponseError } from '../errors/api-response-error.js';
import { toSnakeKeys } from './case-conversion.js';
import { deserialize } from './deserialize.js';

export const USER_AGENT = '@latch/backend@0.1.0';

export interface BackendAPIOptions {
  secretKey?: string;
  /** e.g. `https://auth.example.com/api`; requests go to `${apiUrl}/${apiVersion}${path}`. */
  apiUrl: string;
  apiVersion?: string;
  fetch?: typeof fetch;
}

export interface BackendAPIRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** camelCase; snake_cased on the wire, arrays repeat the key (`user_id=a&user_id=b`). */
  queryParams?: object;
  /** camelCase; sent as snake_case JSON. */
  bodyParams?: object;
}

export type RequestFunction = <T>(request: BackendAPIRequest) => Promise<T>;

/**
 * The transport of the Backend API client: Bearer secret key, JSON both ways, camel ⇄ snake, and
 * `{ errors, clerk_trace_id }` bodies turned into `LatchAPIResponseError`.
 */
export function buildRequest(options: BackendAPIOptions): RequestFunction {
  const base = `${options.apiUrl.replace(/\/+$/, '')}/${options.apiVersion ?? 'v1'}`;
  return async <T>(request: BackendAPIRequest): Promise<T> => {
    if (!options.secretKey) {
      throw new Error('Latch: a secretKey is required to call the Backend API (set LATCH_SECRET_KEY).');
    }
    const url = new URL(base + request.path);
    for (const [name, value] of Object.entries(
      (toSnakeKeys(request.queryParams ?? {}) as Record<string, unknown>) ?? {},
    )) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) url.searchParams.append(name, String(item));
      }
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.secretKey}`,
      'user-agent': USER_AGENT,
      accept: 'application/json',
    };
    let body: string | undefined;
    if (request.bodyParams !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(toSnakeKeys(request.bodyParams));
    }
    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(url, { method: request.method, headers, body });
    } catch (cause) {
      throw new LatchAPIResponseError(`Latch Backend API unreachable: ${(cause as Error).message}`, {
        status: 0,
        errors: [{ code: 'unexpected_error', message: (cause as Error).message }],
      });
    }
    const text = await response.text();
    const json = parseJSON(text);
    if (!response.ok) throw toResponseError(response, json, text);
    if (response.status === 204 || text === '') return null as T;
    return deserialize(json ?? text) as T;
  };
}

function parseJSON(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toResponseError(response: Response, json: unknown, text: string): LatchAPIResponseError {
  const body = (json ?? {}) as { errors?: unknown; clerk_trace_id?: unknown; latch_trace_id?: unknown };
  const errors: LatchAPIError[] = Array.isArray(body.errors)
    ? body.errors.map((raw: Record<string, unknown>) => {
        const meta = raw.meta as Record<string, unknown> | undefined;
        return {
          code: String(raw.code ?? 'unexpected_error'),
          message: String(raw.message ?? ''),
          ...(raw.long_message !== undefined ? { longMessage: String(raw.long_message) } : {}),
          ...(meta
            ? {
                meta: Object.fromEntries(
                  Object.entries(meta).map(([key, value]) => [
                    key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
                    value,
                  ]),
                ),
              }
            : {}),
        };
      })
    : [{ code: 'unexpected_error', message: text.slice(0, 200) || response.statusText }];
  const traceId = body.clerk_trace_id ?? body.latch_trace_id ?? response.headers.get('x-latch-trace-id') ?? undefined;
  const retryAfter = Number(response.headers.get('retry-after'));
  const first = errors[0];
  return new LatchAPIResponseError(first?.longMessage ?? first?.message ?? `HTTP ${response.status}`, {
    status: response.status,
    errors,
    ...(typeof traceId === 'string' ? { latchTraceId: traceId } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
  });
}
