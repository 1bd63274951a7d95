import type { z } from 'zod';

/** HTTP methods the Backend API uses. */
export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One Backend API endpoint: the single description that both validates requests on the server and
 * generates the OpenAPI document, so the two can never disagree.
 *
 * @example
 * const getUser = defineEndpoint({ method: 'get', path: '/users/{user_id}', operationId: 'GetUser',
 *   summary: 'Retrieve a user', tag: 'Users', params: UserIdParams, response: UserJSON });
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: HTTPMethod;
  /** OpenAPI-style template, e.g. `/users/{user_id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of the 200 response body. */
  response: z.ZodType;
  /** Extra error statuses this endpoint documents besides 400/401/422. */
  errors?: readonly number[];
}

/** Declares an endpoint; an identity function that keeps the schema types. */
export function defineEndpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  endpoint: Endpoint<P, Q, B>,
): Endpoint<P, Q, B> {
  return endpoint;
}
