import type { InitialAuthState, LatchProviderProps } from '@latch/react';
import { headers } from 'next/headers';
import { AppRouterLatchProvider } from '../client/app-router-latch-provider.js';
import {
  authObjectFromVerdict,
  MiddlewareNotDetectedError,
  readForwardedVerdict,
  verifyVerdict,
} from '../server/auth-from-headers.js';
import { DEFAULT_PROXY_PATH, readEnvironment } from '../server/env.js';
import { initialStateFromAuth } from '../server/initial-state.js';

export type NextLatchProviderProps = Omit<
  LatchProviderProps,
  'publishableKey' | 'Latch' | 'routerPush' | 'routerReplace'
> & {
  publishableKey?: string;
};

/**
 * The App Router provider (a Server Component): reads the request's auth state from the middleware's
 * verdict and hands it to the client provider, so the first render already shows the signed-in user.
 * The client part loads `@latch/js` against the same-origin proxy (`/__latch`). Rendering it makes the
 * page dynamic, as reading the request's auth state must.
 *
 * @example
 * <LatchProvider>
 *   <html lang="en"><body>{children}</body></html>
 * </LatchProvider>
 */
export async function LatchProvider({ children, initialState, ...props }: NextLatchProviderProps) {
  const env = readEnvironment();
  const publishableKey = props.publishableKey ?? env.publishableKey;
  if (!publishableKey) {
    throw new Error('@latch/nextjs: missing publishable key (set NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY).');
  }
  const state = initialState === undefined ? await requestAuthState() : initialState;
  return (
    <AppRouterLatchProvider
      {...definedOnly({
        proxyUrl: env.proxyUrl ?? DEFAULT_PROXY_PATH,
        signInUrl: env.signInUrl,
        signUpUrl: env.signUpUrl,
        signInForceRedirectUrl: env.signInForceRedirectUrl,
        signInFallbackRedirectUrl: env.signInFallbackRedirectUrl,
        signUpForceRedirectUrl: env.signUpForceRedirectUrl,
        signUpFallbackRedirectUrl: env.signUpFallbackRedirectUrl,
        afterSignOutUrl: env.afterSignOutUrl,
      })}
      {...props}
      publishableKey={publishableKey}
      initialState={state}
    >
      {children}
    </AppRouterLatchProvider>
  );
}

/** Null when the middleware did not run for this render (e.g. a route outside its matcher). */
async function requestAuthState(): Promise<InitialAuthState | null> {
  try {
    const verdict = readForwardedVerdict(await headers(), '<LatchProvider>');
    if (!(await verifyVerdict(verdict))) return null;
    return initialStateFromAuth(authObjectFromVerdict(verdict));
  } catch (error) {
    if (error instanceof MiddlewareNotDetectedError) return null;
    throw error;
  }
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
