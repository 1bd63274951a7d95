import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * Response headers decided before the handler runs (the request id, the Frontend API's CORS
 * headers), staged on the request and written into the response when it is built.
 *
 * Why not set them on `c.res` after `next()`: reading a response's `headers` turns
 * @hono/node-server's cached response into a web `Headers` object, which is then sorted, validated
 * and converted back for node:http — about a sixth of the CPU of a `GET /v1/client`. A response
 * built with `stagedResponse` already carries them; any other response (errors, the Backend API,
 * the dashboard) gets them set afterwards by `applyStagedHeaders`, as before.
 */
export type HeaderList = [name: string, value: string][];

/** Marks a response built with the staged headers (a property, not a WeakSet: one per request). */
const BUILT_WITH_STAGED_HEADERS = Symbol('latch.builtWithStagedHeaders');
type Marked = Response & { [BUILT_WITH_STAGED_HEADERS]?: true };

/** Starts the request's staged headers (the outermost middleware, before `next()`). */
export function startStagedHeaders(c: Context<AppEnv>, headers: HeaderList): void {
  c.set('stagedHeaders', headers);
}

/** Adds headers every response to this request must carry (before `next()`). */
export function stageHeaderList(c: Context<AppEnv>, headers: HeaderList): void {
  c.get('stagedHeaders').push(...headers);
}

/** A response with the staged headers and `headers` (names may repeat, e.g. `set-cookie`). */
export function stagedResponse(
  c: Context<AppEnv>,
  body: string | Uint8Array<ArrayBuffer> | null,
  status: number,
  headers: HeaderList,
): Response {
  const response = new Response(body, {
    status,
    headers: nodeHeaderRecord([...c.get('stagedHeaders'), ...headers]) as HeadersInit,
  });
  (response as Marked)[BUILT_WITH_STAGED_HEADERS] = true;
  return response;
}

/**
 * `headers` as a plain record, names lower-cased, repeated names (`set-cookie`) as arrays: the form
 * node:http's `writeHead` takes, which @hono/node-server passes through untouched (a `Headers` object
 * or a list of pairs is validated, sorted and converted back instead). The record is also iterable
 * as name/value pairs, so wherever it does become a web `Headers` (a test calling `app.fetch`, a
 * middleware reading `response.headers`) each cookie stays its own header rather than being joined.
 */
function nodeHeaderRecord(headers: HeaderList): Record<string, string | string[]> {
  const record = new NodeHeaderRecord(headers) as unknown as Record<string, string | string[]>;
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const existing = record[key];
    if (existing === undefined) record[key] = key === 'set-cookie' ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else record[key] = [existing, value];
  }
  return record;
}

/** The record's prototype: its pairs, for `new Headers(record)`, without an own enumerable key. */
class NodeHeaderRecord {
  readonly #pairs: HeaderList;
  constructor(pairs: HeaderList) {
    this.#pairs = pairs;
  }
  *[Symbol.iterator](): IterableIterator<[string, string]> {
    yield* this.#pairs;
  }
}

/** Sets the staged headers on the final response unless it was built with them (after `next()`). */
export function applyStagedHeaders(c: Context<AppEnv>): void {
  if ((c.res as Marked)[BUILT_WITH_STAGED_HEADERS]) return;
  for (const [name, value] of c.get('stagedHeaders')) c.res.headers.set(name, value);
}
