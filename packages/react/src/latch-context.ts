'use client';
import { createContext, useContext } from 'react';
import type { InitialAuthState } from './initial-state.js';
import type { LatchInstance, LatchResources, SignOutOptions } from './latch-types.js';

/**
 * Options the app gave `<LatchProvider>` that components (including the React UI: `<SignIn>`,
 * `<UserButton>`…) read back from context. Unknown-to-us options such as `appearance` and
 * `localization` are kept verbatim for the UI layer.
 */
export interface LatchProviderOptions {
  publishableKey: string;
  /** Same-origin Frontend API path (`/__latch`) or absolute URL; undefined = the key's host. */
  proxyUrl?: string;
  signInUrl?: string;
  signUpUrl?: string;
  signInForceRedirectUrl?: string;
  signInFallbackRedirectUrl?: string;
  signUpForceRedirectUrl?: string;
  signUpFallbackRedirectUrl?: string;
  afterSignOutUrl?: string;
  appearance?: unknown;
  localization?: unknown;
  /** Accepted for Clerk compatibility (the active organization follows the URL); see NOTES. */
  organizationSyncOptions?: { enabled?: boolean; syncOnRedirect?: boolean; [key: string]: unknown };
  /** Client-side navigation (Next's router); defaults to `window.location`. */
  routerPush?: (to: string) => unknown;
  routerReplace?: (to: string) => unknown;
}

/**
 * Everything `<LatchProvider>` shares. Hooks are the public way in; `useLatchContext()` is for
 * component libraries built on the provider (the React UI), which need the raw pieces:
 *
 * - `latch`: the `@latch/js` instance once `load()` finished, else null.
 * - `resources`: the last `{ client, session, user }` the instance emitted; null until loaded.
 * - `initialState`: what the server knew at render time (null when not server-rendered). Hooks answer
 *   from it until `resources` arrive, so the first render is not "signed out".
 * - `whenLoaded`: resolves with the instance once loaded (e.g. `getToken()` called early waits on it).
 * - `loadError`: why loading failed (network, bad key), else null.
 * - `options`: the provider's props minus children.
 * - `navigate`: push/replace through the app's router.
 * - `signOut`: ends the session(s), then navigates to `redirectUrl` / `afterSignOutUrl` / `/`.
 * - `isSigningOut()`: true from a local `signOut()` until its navigation started — lets router glue
 *   tell "this tab signed out and is leaving" from "another tab signed out" (then refresh the page).
 */
export interface LatchContextValue {
  latch: LatchInstance | null;
  resources: LatchResources | null;
  initialState: InitialAuthState | null;
  whenLoaded: Promise<LatchInstance>;
  loadError: Error | null;
  options: LatchProviderOptions;
  navigate(to: string, mode?: 'push' | 'replace'): void;
  signOut(options?: SignOutOptions & { redirectUrl?: string }): Promise<void>;
  isSigningOut(): boolean;
}

export const LatchContext = createContext<LatchContextValue | null>(null);
LatchContext.displayName = 'LatchContext';

/**
 * The provider's context; throws when used outside `<LatchProvider>` (a misuse worth failing loudly on).
 *
 * @example
 * const { latch, options } = useLatchContext();
 */
export function useLatchContext(): LatchContextValue {
  const context = useContext(LatchContext);
  if (!context) {
    throw new Error('@latch/react: this hook or component must be used inside <LatchProvider>.');
  }
  return context;
}
