import type { Endpoint } from '@latch/protocol';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { formError } from '../../errors.js';
import { readJSONBody } from '../read-json-body.js';
import { zodErrorToAPIError } from '../zod-issues.js';

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<P, Q, B> {
  params: Output<P>;
  query: Output<Q>;
  body: Output<B>;
  request: Request;
}

/** An endpoint description bound to the function that serves it. */
export interface Route {
  endpoint: Endpoint;
  serve(request: Request, pathParams: Record<string, string>, context: AppContext): Promise<unknown>;
}

/**
 * Binds a handler to an endpoint: parses and validates path, query and body with the endpoint's own
 * schemas (the same ones the OpenAPI document is generated from), then calls the handler.
 */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  endpoint: Endpoint<P, Q, B>,
  handler: (input: RouteInput<P, Q, B>, context: AppContext) => Promise<unknown>,
): Route {
  const arrayParams = endpoint.query ? arrayKeysOf(endpoint.query) : new Set<string>();
  return {
    endpoint: endpoint as Endpoint,
    async serve(request, pathParams, context) {
      const params = endpoint.params ? validate(endpoint.params, pathParams) : undefined;
      const query = endpoint.query
        ? validate(endpoint.query, queryObject(new URL(request.url), arrayParams))
        : undefined;
      const body = endpoint.body
        ? validate(endpoint.body, await readJSONBody(request, context.config.maxBodyBytes))
        : undefined;
      return handler({ params, query, body, request } as RouteInput<P, Q, B>, context);
    },
  };
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  assertNoNulCharacters(value);
  const result = schema.safeParse(value);
  if (!result.success) throw zodErrorToAPIError(result.error, value);
  return result.data;
}

/**
 * PostgreSQL cannot store U+0000 in text and SQLite truncates at it; no legitimate parameter holds
 * one. Reject it up front, naming the parameter, so both databases see the same clean 422.
 */
function assertNoNulCharacters(value: unknown, param?: string, depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      throw formError(
        'form_param_format_invalid',
        param ?? '',
        'is invalid',
        `${param ?? 'A parameter'} must not contain NUL characters.`,
      );
    }
    return;
  }
  if (typeof value !== 'object' || value === null || depth > 64) return;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) {
      throw formError('form_param_format_invalid', param ?? key, 'is invalid', 'Keys must not contain NUL characters.');
    }
    assertNoNulCharacters(item, param ?? key, depth + 1);
  }
}

/** Repeated keys become arrays for array-typed parameters (`?user_id=a&user_id=b`); others keep the last value. */
function queryObject(url: URL, arrayParams: Set<string>): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    query[key] = arrayParams.has(key) ? url.searchParams.getAll(key) : (url.searchParams.getAll(key).at(-1) as string);
  }
  return query;
}

function arrayKeysOf(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  if (!(schema instanceof z.ZodObject)) return keys;
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    let inner: z.ZodType = field;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) {
      inner = inner.unwrap() as z.ZodType;
    }
    if (inner instanceof z.ZodArray) keys.add(key);
  }
  return keys;
}
