/**
 * The dashboard's only door to Latch: the public Backend API at /api/v1, called with a short-lived
 * operator token (`opa_…`) minted from the HttpOnly session cookie. No secret key ever reaches the
 * browser; the token lives in memory only and is refreshed shortly before it expires.
 */

import { BASE } from './router.js';

export type OperatorRole = 'owner' | 'admin' | 'support';

export interface Operator {
  id: string;
  email: string;
  name: string | null;
  role: OperatorRole;
}

export interface APIErrorEntry {
  code: string;
  message: string;
  long_message?: string;
  meta?: { param_name?: string };
}

/** A Clerk-shaped error answer, with a readable message for the UI. */
export class APIError extends Error {
  constructor(
    readonly status: number,
    readonly errors: APIErrorEntry[],
  ) {
    super(errors.map((error) => error.long_message ?? error.message).join(' ') || `Request failed (${status})`);
  }
}

const DASHBOARD_HEADERS = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };

let token: { value: string; expiresAt: number; operator: Operator } | null = null;

async function readAnswer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: { errors?: APIErrorEntry[] } | null = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): say what failed instead of a parser message.
    if (response.ok) throw new APIError(response.status, []);
  }
  if (!response.ok) throw new APIError(response.status, body?.errors ?? []);
  return body as T;
}

/** The signed-in operator, or null (no or expired session cookie). */
export async function currentOperator(): Promise<Operator | null> {
  const response = await fetch('/dashboard/api/session', { headers: DASHBOARD_HEADERS });
  if (response.status === 401) return null;
  return (await readAnswer<{ operator: Operator }>(response)).operator;
}

/** Exchanges a one-time link token, or email + password (+ TOTP code), for the session cookie. */
export async function signIn(
  credentials: { token: string } | { email: string; password: string; totp_code?: string },
): Promise<Operator> {
  const response = await fetch('/dashboard/api/session', {
    method: 'POST',
    headers: DASHBOARD_HEADERS,
    body: JSON.stringify(credentials),
  });
  token = null;
  return (await readAnswer<{ operator: Operator }>(response)).operator;
}

/** `development` or `production`: public, so the sign-in page can offer what this instance uses. */
export async function instanceEnvironment(): Promise<'development' | 'production'> {
  const response = await fetch('/dashboard/api/environment', { headers: DASHBOARD_HEADERS });
  return (await readAnswer<{ environment_type: 'development' | 'production' }>(response)).environment_type;
}

export interface Enrollment {
  email: string;
  totp_secret: string;
  totp_uri: string;
}

/** Production: a new operator's link gives out their authenticator secret (once per call). */
export async function startEnrollment(linkToken: string): Promise<Enrollment> {
  const response = await fetch('/dashboard/api/enrollment', {
    method: 'POST',
    headers: DASHBOARD_HEADERS,
    body: JSON.stringify({ token: linkToken }),
  });
  return readAnswer<Enrollment>(response);
}

/** Production: sets the password, confirms the authenticator and signs in. */
export async function completeEnrollment(input: {
  token: string;
  password: string;
  totp_code: string;
}): Promise<Operator> {
  const response = await fetch('/dashboard/api/enrollment/complete', {
    method: 'POST',
    headers: DASHBOARD_HEADERS,
    body: JSON.stringify(input),
  });
  token = null;
  return (await readAnswer<{ operator: Operator }>(response)).operator;
}

export async function signOut(): Promise<void> {
  token = null;
  await fetch('/dashboard/api/session', { method: 'DELETE', headers: DASHBOARD_HEADERS });
}

async function accessToken(): Promise<string> {
  // Refresh 30 s early so a request never leaves with a token about to expire.
  if (token && token.expiresAt - 30_000 > Date.now()) return token.value;
  const response = await fetch('/dashboard/api/session/tokens', { method: 'POST', headers: DASHBOARD_HEADERS });
  if (response.status === 401) {
    // The session ended (expired, signed out elsewhere, operator removed): back to sign-in.
    token = null;
    window.location.assign(`${BASE}/sign-in`);
  }
  const body = await readAnswer<{ token: string; expires_at: number; operator: Operator }>(response);
  token = { value: body.token, expiresAt: body.expires_at, operator: body.operator };
  return token.value;
}

/** Calls the Backend API; `path` is relative to /api/v1. Throws APIError on a non-2xx answer. */
export async function bapi<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const send = async () =>
    fetch(`/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${await accessToken()}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  let response = await send();
  if (response.status === 401) {
    // A revoked or just-expired token: mint another once (which signs out if the session is gone).
    token = null;
    response = await send();
  }
  return readAnswer<T>(response);
}

/** Query string from the defined entries of `params`. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Owners and admins change things; support operators read, unlock and resend. */
export const canChange = (operator: Operator) => operator.role !== 'support';
