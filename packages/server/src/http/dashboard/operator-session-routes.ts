import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { completeEnrollment, startEnrollment } from '../../domain/operators/operator-enrollment.js';
import { toOperatorJSON } from '../../domain/operators/operator-json.js';
import {
  endOperatorSession,
  mintAccessToken,
  operatorForSession,
  signInWithLink,
  signInWithPassword,
} from '../../domain/operators/operator-sessions.js';
import { RATE_LIMITS } from '../../domain/protection/rate-limiter.js';
import { LatchAPIError } from '../../errors.js';
import type { AppEnv } from '../app-env.js';
import { clientAddress } from '../client-address.js';
import { jsonResponse } from '../json-response.js';
import { readJSONBody } from '../read-json-body.js';
import { zodErrorToAPIError } from '../zod-issues.js';

/** The dashboard session cookie: HttpOnly (no script reads it), SameSite=Strict (no cross-site request sends it). */
export const OPERATOR_COOKIE = '__latch_operator';
/** Where the cookie is sent: the operator session endpoints, and nowhere else. */
export const OPERATOR_COOKIE_PATH = '/dashboard/api';

const EnrollmentStartBody = z.strictObject({ token: z.string().min(1).max(512) });
const EnrollmentCompleteBody = z.strictObject({
  token: z.string().min(1).max(512),
  password: z.string().min(1).max(1024),
  totp_code: z.string().min(1).max(16),
});

const SignInBody = z.union([
  z.strictObject({ token: z.string().min(1).max(512) }),
  z.strictObject({
    email: z.string().min(3).max(320),
    password: z.string().min(1).max(1024),
    totp_code: z.string().max(16).nullable().optional(),
  }),
]);

const notSignedIn = () =>
  LatchAPIError.single(401, 'authentication_invalid', 'Not signed in', 'Sign in to the dashboard first.');

function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

function sessionCookie(request: Request, value: string, maxAgeSeconds: number, production: boolean): string {
  // Production is served over https (`latch start` insists), often behind a proxy that ends TLS: the
  // request URL then says http, and the cookie must still be Secure.
  const secure = production || new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  // Only the session endpoints read it: scoped to them, it never rides along on the app's own requests
  // (or the Frontend API's) on the same host.
  return `${OPERATOR_COOKIE}=${value}; Path=${OPERATOR_COOKIE_PATH}; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

/**
 * Writes must carry `X-Latch-Dashboard: 1`: a header no HTML form can send and no cross-site script
 * can add without a CORS preflight this server never grants — CSRF protection on top of SameSite.
 */
function requireDashboardHeader(request: Request): void {
  if (request.headers.get('x-latch-dashboard') !== '1') {
    throw LatchAPIError.single(
      403,
      'not_allowed_access',
      'Missing dashboard header',
      'Dashboard session requests must send `X-Latch-Dashboard: 1`.',
    );
  }
}

/**
 * `/dashboard/api/session`: sign-in (one-time link in development; email + password + TOTP in
 * production), the current operator, short-lived Backend API tokens, and sign-out.
 */
export function createOperatorSessionRoutes(context: AppContext): Hono<AppEnv> {
  const api = new Hono<AppEnv>({ strict: false });
  const { store, clock } = context;

  api.post('/session', async (c) => {
    requireDashboardHeader(c.req.raw);
    const body = await readJSONBody(c.req.raw, context.config.maxBodyBytes);
    const parsed = SignInBody.safeParse(body);
    if (!parsed.success) throw zodErrorToAPIError(parsed.error, body);
    const now = clock.now();
    limitSignIns(c.req.raw, now);
    const production = context.instance.environmentType === 'production';
    let session: Awaited<ReturnType<typeof signInWithLink>>;
    if ('token' in parsed.data) {
      // Links are how `latch dev` hands out access; in production a link only sets up a new operator's
      // password and authenticator (`/enrollment`), and they sign in with those.
      if (production) {
        throw LatchAPIError.single(
          403,
          'not_allowed_access',
          'Links are for setting up',
          'Production operators sign in with email, password and a TOTP code. A link sets those up: open it in the dashboard.',
        );
      }
      session = await signInWithLink(store, parsed.data.token, now);
    } else {
      session = await signInWithPassword(
        store,
        { email: parsed.data.email, password: parsed.data.password, totpCode: parsed.data.totp_code },
        { requireTotp: production },
        now,
      );
    }
    const maxAge = Math.floor((session.expiresAt - now) / 1000);
    return jsonResponse({ operator: toOperatorJSON(session.operator) }, 200, {
      'set-cookie': sessionCookie(c.req.raw, session.token, maxAge, production),
      'cache-control': 'no-store',
    });
  });

  /** Public: the sign-in page shows links and password sign-in as this instance uses them. */
  api.get('/environment', (c) =>
    c.json({ environment_type: context.instance.environmentType }, 200, { 'cache-control': 'no-store' }),
  );

  /** Production: a new operator's link hands out their authenticator secret (operator-enrollment.ts). */
  api.post('/enrollment', async (c) => {
    const { body, now } = await enrollmentRequest(c.req.raw, EnrollmentStartBody);
    const started = await startEnrollment(store, body.token, now);
    return jsonResponse(
      {
        object: 'operator_enrollment',
        email: started.email,
        totp_secret: started.totpSecret,
        totp_uri: started.totpUri,
      },
      200,
      { 'cache-control': 'no-store' },
    );
  });

  /** Production: password + first authenticator code; spends the link and signs the operator in. */
  api.post('/enrollment/complete', async (c) => {
    const { body, now } = await enrollmentRequest(c.req.raw, EnrollmentCompleteBody);
    const session = await completeEnrollment(
      store,
      { token: body.token, password: body.password, totpCode: body.totp_code },
      now,
    );
    const maxAge = Math.floor((session.expiresAt - now) / 1000);
    return jsonResponse({ operator: toOperatorJSON(session.operator) }, 200, {
      'set-cookie': sessionCookie(c.req.raw, session.token, maxAge, true),
      'cache-control': 'no-store',
    });
  });

  /** The checks every enrollment call passes first: dashboard header, production, rate limit, body. */
  async function enrollmentRequest<T extends z.ZodType>(request: Request, schema: T) {
    requireDashboardHeader(request);
    if (context.instance.environmentType !== 'production') {
      throw LatchAPIError.single(
        404,
        'resource_not_found',
        'Not on development instances',
        'On a development instance a link signs the operator in directly.',
      );
    }
    const now = clock.now();
    limitSignIns(request, now);
    const raw = await readJSONBody(request, context.config.maxBodyBytes);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw zodErrorToAPIError(parsed.error, raw);
    return { body: parsed.data as z.infer<T>, now };
  }

  /** Every way to a dashboard session shares one per-address budget. */
  function limitSignIns(request: Request, now: number): void {
    const ip = clientAddress(request) ?? 'unknown';
    const wait = context.rateLimiter.hit(`operator_sign_in:ip:${ip}`, RATE_LIMITS.perIdentifier, now);
    if (wait > 0) {
      const error = LatchAPIError.single(429, 'too_many_requests', 'Too many requests', 'Wait a minute and try again.');
      error.retryAfterSeconds = Math.ceil(wait / 1000);
      throw error;
    }
  }

  api.get('/session', async (c) => {
    const token = readCookie(c.req.raw, OPERATOR_COOKIE);
    const operator = token ? await operatorForSession(store, token, clock.now()) : null;
    if (!operator) throw notSignedIn();
    return jsonResponse({ operator: toOperatorJSON(operator) }, 200, { 'cache-control': 'no-store' });
  });

  api.post('/session/tokens', async (c) => {
    requireDashboardHeader(c.req.raw);
    const token = readCookie(c.req.raw, OPERATOR_COOKIE);
    const minted = token ? await mintAccessToken(store, token, clock.now()) : null;
    if (!minted) throw notSignedIn();
    return jsonResponse(
      {
        object: 'operator_token',
        token: minted.token,
        expires_at: minted.expiresAt,
        operator: toOperatorJSON(minted.operator),
      },
      200,
      { 'cache-control': 'no-store' },
    );
  });

  api.delete('/session', async (c) => {
    requireDashboardHeader(c.req.raw);
    const token = readCookie(c.req.raw, OPERATOR_COOKIE);
    if (token) await endOperatorSession(store, token, clock.now());
    return jsonResponse({ object: 'operator_session', deleted: true }, 200, {
      'set-cookie': sessionCookie(c.req.raw, '', 0, context.instance.environmentType === 'production'),
    });
  });

  return api;
}
