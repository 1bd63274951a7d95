'use client';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { InitialAuthState } from './initial-state.js';
import { LatchContext, type LatchContextValue, type LatchProviderOptions } from './latch-context.js';
import type { LatchConstructor, LatchInstance, LatchResources, SignOutOptions } from './latch-types.js';

export interface LatchProviderProps extends LatchProviderOptions {
  children?: ReactNode;
  /** Server-known auth state so the first render is not signed out (the Next.js provider passes it). */
  initialState?: InitialAuthState | null;
  /**
   * A `Latch` constructor or a ready instance (tests, custom builds). By default the provider imports
   * `@latch/js` lazily in the browser, so nothing of the SDK runs during server rendering.
   */
  Latch?: LatchConstructor | LatchInstance;
}

/**
 * Loads `@latch/js` in the browser and shares its state with hooks and control components.
 *
 * @example
 * <LatchProvider publishableKey={pk} proxyUrl="/__latch">
 *   <App />
 * </LatchProvider>
 */
export function LatchProvider({ children, initialState = null, Latch, ...options }: LatchProviderProps) {
  const [latch, setLatch] = useState<LatchInstance | null>(null);
  const [resources, setResources] = useState<LatchResources | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [loaded] = useState(() => deferred<LatchInstance>());
  const { publishableKey, proxyUrl } = options;

  useEffect(() => {
    let cancelled = false;
    let unsubscribe: (() => void) | undefined;
    let created: LatchInstance | undefined;
    (async () => {
      const instance = await createInstance(Latch, publishableKey, proxyUrl);
      created = instance;
      if (!instance.loaded) await instance.load();
      if (cancelled) return;
      // The listener fires at once with the loaded state, then on every change. A fresh object each
      // time: clerk-js style SDKs may mutate and re-emit the same resource objects.
      unsubscribe = instance.addListener((next) => setResources({ ...next }));
      setLatch(instance);
      exposeGlobally(instance);
      loaded.resolve(instance);
    })().catch((error: unknown) => {
      if (cancelled) return;
      const failure = error instanceof Error ? error : new Error(String(error));
      console.error('@latch/react: could not load Latch:', failure);
      setLoadError(failure);
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
      if (created) withdrawGlobally(created);
      // Only instances we built are ours to tear down; one passed in belongs to the app.
      if (created && created !== Latch) created.destroy?.();
    };
  }, [Latch, publishableKey, proxyUrl, loaded]);

  const { routerPush, routerReplace } = options;
  const navigate = useCallback(
    (to: string, mode: 'push' | 'replace' = 'push') => {
      const router = mode === 'push' ? routerPush : routerReplace;
      if (router) router(to);
      else if (mode === 'push') window.location.assign(to);
      else window.location.replace(to);
    },
    [routerPush, routerReplace],
  );

  const signingOut = useRef(false);
  const { afterSignOutUrl } = options;
  const signOut = useCallback(
    async ({ redirectUrl, ...signOutOptions }: SignOutOptions & { redirectUrl?: string } = {}) => {
      const instance = await loaded.promise;
      signingOut.current = true;
      try {
        await instance.signOut(signOutOptions);
      } catch (error) {
        signingOut.current = false;
        throw error;
      }
      navigate(redirectUrl ?? afterSignOutUrl ?? '/', 'push');
    },
    [loaded, navigate, afterSignOutUrl],
  );
  const isSigningOut = useCallback(() => signingOut.current, []);
  // The flag outlives the navigation on purpose (effects reacting to the sign-out run after it) and
  // ends with the next session.
  useEffect(() => {
    if (resources?.session) signingOut.current = false;
  }, [resources]);

  // Not memoized on `options`: its members (appearance objects, router callbacks) are new on most renders
  // of the parent anyway, and the provider sits at the root where re-renders are rare.
  const value: LatchContextValue = {
    latch,
    resources,
    initialState,
    whenLoaded: loaded.promise,
    loadError,
    options,
    navigate,
    signOut,
    isSigningOut,
  };
  return <LatchContext.Provider value={value}>{children}</LatchContext.Provider>;
}

async function createInstance(
  given: LatchConstructor | LatchInstance | undefined,
  publishableKey: string,
  proxyUrl: string | undefined,
): Promise<LatchInstance> {
  if (given && typeof given !== 'function') return given;
  const Constructor: LatchConstructor = given ?? (await import('@latch/js')).Latch;
  return new Constructor(publishableKey, proxyUrl ? { proxyUrl } : {});
}

type WindowWithLatch = { Latch?: LatchInstance };

/**
 * `window.Latch`, as clerk-js sets `window.Clerk`: scripts outside React, browser consoles and
 * end-to-end tests reach the loaded instance there (`window.Latch?.loaded` says the page is live).
 * An instance the page already put there is left alone.
 */
function exposeGlobally(instance: LatchInstance): void {
  const global = window as unknown as WindowWithLatch;
  global.Latch ??= instance;
}

function withdrawGlobally(instance: LatchInstance): void {
  const global = window as unknown as WindowWithLatch;
  if (global.Latch === instance) delete global.Latch;
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
