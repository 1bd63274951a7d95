import type { z } from 'zod';
import { LatchAPIError } from '../../errors.js';
import { zodErrorToAPIError } from '../zod-issues.js';
import type { FapiContext } from './fapi-context.js';

/**
 * A handler's `response` when the browser's client, as it is after the handler, is the resource and
 * also goes out as the envelope's piggy-backed `client` (`DELETE /v1/client/sessions`): it is built
 * once and used for both fields.
 */
export const CURRENT_CLIENT = Symbol('current client');

/**
 * A handler's `response` for `/v1/client` itself (`GET`, `POST`, `PUT`): the client is the resource,
 * and the envelope's `client` is `null`, as Clerk sends it (clerk-js reads the client from `response`
 * there; SDK fixtures recorded against Clerk show `{"response":{…client…},"client":null}`). A
 * signed-in tab's most frequent request then carries the ~5 KB client once, not twice.
 */
export const CLIENT_ITSELF = Symbol('client itself');

/** What a handler returns: the resource, and whether to wrap it as `{ response, client }`. */
export interface FapiResult {
  response: unknown;
  /** `false` for the few bare endpoints (`/tokens`, `/me/sessions/active`, `/environment`). */
  envelope?: boolean;
  status?: number;
  /** A ready response (the handshake's 307) sent instead of JSON; cookies are still appended. */
  raw?: Response;
  /** The bare body already serialized (`envelope: false` only), sent instead of `response`'s JSON. */
  responseText?: string;
}

export interface FapiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Hono path under `/v1`, e.g. `/client/sessions/:session_id/touch`. */
  path: string;
  handle(context: FapiContext, params: Record<string, string>): Promise<FapiResult>;
  /**
   * Read-only routes (`GET /v1/client`, token refreshes) identify the client through the client-state
   * cache and get `context.clientState`; every other route reads the client fresh from the store, so
   * what it writes back is never based on a cached copy.
   */
  cachedClient?: boolean;
  /**
   * `GET /v1/client` only: answered without calling `handle` when the client, its token and its JSON
   * are all in memory (client-from-memory.ts). Only for a handler that returns the client itself and
   * writes nothing when the browser already has a live client.
   */
  clientFromMemory?: boolean;
  /**
   * The handler reads nothing of the browser's client (`/v1/environment`): its `__client` cookie is
   * not looked up, and `context.client` stays null.
   */
  clientFree?: boolean;
}

/**
 * @example
 * fapiRoute('POST', '/client/sessions/:session_id/end', async (ctx, { session_id }) => ({ response: … }))
 */
export function fapiRoute(
  method: FapiRoute['method'],
  path: string,
  handle: FapiRoute['handle'],
  options: Pick<FapiRoute, 'cachedClient' | 'clientFromMemory' | 'clientFree'> = {},
): FapiRoute {
  return { method, path, handle, ...options };
}

/** Validates form fields with a zod schema, answering Clerk-shaped 422s that name the field. */
export function parseFields<S extends z.ZodType>(schema: S, body: Record<string, unknown>): z.output<S> {
  for (const [key, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((item) => typeof item === 'string' && item.includes('\u0000'))) {
      throw LatchAPIError.single(
        422,
        'form_param_format_invalid',
        'is invalid',
        `${key} must not contain NUL characters.`,
        key,
      );
    }
  }
  const result = schema.safeParse(body);
  if (!result.success) throw zodErrorToAPIError(result.error, body);
  return result.data;
}

/** The 404 every lookup of a foreign or unknown id gets: another client's objects do not exist for you. */
export function notFoundError(what: string) {
  return LatchAPIError.single(404, 'resource_not_found', 'not found', `No ${what} with that id on this client.`);
}
