import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { authObjectFromVerdict, readForwardedVerdict, verifyVerdict } from '../auth-from-headers.js';
import { type AuthObject, signedOutAuthObject } from '../auth-object.js';
import { readEnvironment } from '../env.js';
import { type AuthProtect, createProtect } from '../protect.js';
import { signInRedirectUrl } from '../redirects.js';

export type AppRouterAuthObject = AuthObject & {
  /** Throws Next's redirect to the sign-in page, with `redirect_url` back to this request. */
  redirectToSignIn(options?: { returnBackUrl?: string | URL | null }): never;
  redirectToSignUp(options?: { returnBackUrl?: string | URL | null }): never;
};

export type AuthFunction = (() => Promise<AppRouterAuthObject>) & { protect: AuthProtect };

async function currentAuth(): Promise<{
  authObject: AppRouterAuthObject;
  requestHeaders: Awaited<ReturnType<typeof headers>>;
}> {
  const requestHeaders = await headers();
  const verdict = readForwardedVerdict(requestHeaders, 'auth()');
  const trusted = await verifyVerdict(verdict);
  const base = trusted ? authObjectFromVerdict(verdict) : signedOutAuthObject({ reason: 'auth-headers-not-signed' });
  const env = readEnvironment();
  const goTo = (target: string, returnBackUrl: string | URL | null | undefined): never => {
    const back = returnBackUrl === null ? null : String(returnBackUrl ?? verdict.url ?? '');
    redirect(signInRedirectUrl(target, back || null));
  };
  const authObject: AppRouterAuthObject = Object.assign(base, {
    redirectToSignIn: (options?: { returnBackUrl?: string | URL | null }) =>
      goTo(env.signInUrl ?? '/sign-in', options?.returnBackUrl),
    redirectToSignUp: (options?: { returnBackUrl?: string | URL | null }) =>
      goTo(env.signUpUrl ?? '/sign-up', options?.returnBackUrl),
  });
  return { authObject, requestHeaders };
}

/**
 * The current request's auth state in Server Components, Server Actions and Route Handlers, from the
 * verdict `latchMiddleware` forwarded (no second token verification, no network call).
 *
 * @example
 * const { userId, orgRole, has, getToken } = await auth();
 * if (!userId) return new Response('Unauthorized', { status: 401 });
 */
export const auth: AuthFunction = Object.assign(async () => (await currentAuth()).authObject, {
  /**
   * Requires a signed-in user (and optionally a role, permission or active organization): otherwise a
   * page render redirects to sign-in and anything else ends in Next's 404.
   *
   * @example
   * const { userId } = await auth.protect({ permission: 'org:reports:read' });
   */
  protect: (async (...args: Parameters<AuthProtect>) => {
    const { authObject, requestHeaders } = await currentAuth();
    const protect = createProtect({ headers: requestHeaders }, authObject, {
      redirect: (url) => redirect(url),
      redirectToSignIn: () => authObject.redirectToSignIn(),
      notFound: () => notFound(),
      // Next's `unauthorized()` needs an experimental flag; a 404 works in every app.
      unauthorized: () => notFound(),
    });
    return (protect as (...rest: Parameters<AuthProtect>) => ReturnType<AuthProtect>)(...args);
  }) as AuthProtect,
});
