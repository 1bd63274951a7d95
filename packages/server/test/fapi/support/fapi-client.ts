/** The app origin tests play by default: a Next.js app on :3000, as in the development setup. */
export const APP_ORIGIN = 'http://localhost:3000';

/** A Chrome desktop User-Agent, so sessions record a browser like real ones do. */
export const CHROME_USER_AGENT =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

// biome-ignore lint/suspicious/noExplicitAny: JSON from the wire; tests assert it field by field.
export type JSONBody = any;

/** A response, read once: status, headers, the raw text and the parsed JSON (null when not JSON). */
export interface FapiResponse {
  status: number;
  headers: Headers;
  text: string;
  body: JSONBody;
}

/** Form fields as clerk-js would encode them; see `encodeForm`. */
export type FormFields = Record<string, unknown>;

export interface FapiRequestOptions {
  /** Send a JSON body instead of clerk-js's form encoding. */
  json?: boolean;
  /** Overrides the client's `Origin` for this request; `null` sends none. */
  origin?: string | null;
  /** Extra query parameters (`_clerk_session_id`, …). */
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface FapiClientOptions {
  /** `Origin` sent on every request; default `APP_ORIGIN`, `null` for none. */
  origin?: string | null;
  /**
   * `X-Forwarded-For`; by default each client gets its own, so per-IP limits stay per browser. The
   * server believes it only when started with `trustProxy: 'true'` (otherwise every client is loopback).
   */
  ip?: string;
  userAgent?: string;
}

let clients = 0;

/**
 * A browser as clerk-js drives the Frontend API: a cookie jar (the HttpOnly `__client` cookie and the
 * `__client_uat` ones), an `Origin` header, clerk-js's version query parameters, form-encoded bodies,
 * and `POST ?_method=PATCH|PUT|DELETE` for other verbs — only GET and POST ever go on the wire.
 *
 * @example
 * const browser = new FapiClient(server.url);
 * const created = await browser.post('/client/sign_ups', { email_address: 'ada@example.com', password: 'a long passphrase' });
 * await browser.patch(`/client/sign_ups/${created.body.response.id}`, { username: 'ada' });
 */
export class FapiClient {
  readonly cookies = new Map<string, string>();
  readonly ip: string;
  readonly origin: string | null;
  readonly userAgent: string;

  constructor(
    readonly baseURL: string,
    options: FapiClientOptions = {},
  ) {
    clients += 1;
    this.ip = options.ip ?? `203.0.${Math.floor(clients / 250) % 256}.${(clients % 250) + 1}`;
    this.origin = options.origin === undefined ? APP_ORIGIN : options.origin;
    this.userAgent = options.userAgent ?? CHROME_USER_AGENT;
  }

  get(path: string, options: FapiRequestOptions = {}): Promise<FapiResponse> {
    return this.request('GET', path, undefined, options);
  }

  post(path: string, fields?: FormFields, options: FapiRequestOptions = {}): Promise<FapiResponse> {
    return this.request('POST', path, fields, options);
  }

  patch(path: string, fields?: FormFields, options: FapiRequestOptions = {}): Promise<FapiResponse> {
    return this.request('PATCH', path, fields, options);
  }

  put(path: string, fields?: FormFields, options: FapiRequestOptions = {}): Promise<FapiResponse> {
    return this.request('PUT', path, fields, options);
  }

  delete(path: string, fields?: FormFields, options: FapiRequestOptions = {}): Promise<FapiResponse> {
    return this.request('DELETE', path, fields, options);
  }

  /** One call to `/v1{path}`; PATCH/PUT/DELETE travel as `POST ?_method=…`, as clerk-js sends them. */
  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    fields?: FormFields,
    options: FapiRequestOptions = {},
  ): Promise<FapiResponse> {
    const url = new URL(`${this.baseURL}/v1${path}`);
    url.searchParams.set('__clerk_api_version', '2025-11-10');
    url.searchParams.set('_clerk_js_version', '6.40.0');
    if (method !== 'GET' && method !== 'POST') url.searchParams.set('_method', method);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    const origin = options.origin === undefined ? this.origin : options.origin;
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, 'user-agent': this.userAgent };
    if (origin !== null) headers.origin = origin;
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    let body: string | undefined;
    if (method !== 'GET' && fields !== undefined) {
      headers['content-type'] = options.json ? 'application/json' : 'application/x-www-form-urlencoded';
      body = options.json ? JSON.stringify(fields) : encodeForm(fields);
    }
    const response = await fetch(url, {
      method: method === 'GET' ? 'GET' : 'POST',
      redirect: 'manual',
      headers: { ...headers, ...options.headers },
      body,
    });
    this.keepCookies(response);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: parseJSON(text) };
  }

  /** The `Cookie` header this browser sends. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Stores every `Set-Cookie` (one host, so domains are ignored); `Max-Age=0` deletes. */
  private keepCookies(response: Response): void {
    for (const raw of response.headers.getSetCookie()) {
      const [pair = ''] = raw.split(';');
      const index = pair.indexOf('=');
      if (index <= 0) continue;
      const name = pair.slice(0, index).trim();
      if (/;\s*max-age=0\b/i.test(raw)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(index + 1).trim());
    }
  }
}

/**
 * clerk-js's form encoding: `undefined` dropped, `null` → empty value, arrays → repeated keys,
 * objects → JSON strings (`unsafe_metadata={"a":1}`), everything else → `String(value)`.
 *
 * @example
 * encodeForm({ a: null, b: ['x', 'y'], c: { d: 1 }, e: true }) // 'a=&b=x&b=y&c=%7B%22d%22%3A1%7D&e=true'
 */
export function encodeForm(fields: FormFields): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === null) form.append(name, '');
      else if (typeof item === 'object') form.append(name, JSON.stringify(item));
      else form.append(name, String(item));
    }
  }
  return form.toString();
}

function parseJSON(text: string): JSONBody {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
