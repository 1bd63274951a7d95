'use client';
import { LatchProvider, type LatchProviderProps, useAuth, useLatchContext } from '@latch/react';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { OrganizationSyncOnNavigation } from './organization-sync-on-navigation.js';

/**
 * `@latch/react`'s provider wired to the App Router: navigation goes through `router.push` /
 * `router.replace`, and Server Components re-render (`router.refresh()`) whenever the session changes
 * in the browser (sign-in, sign-out, switching sessions), so server and client agree again.
 */
export function AppRouterLatchProvider({
  children,
  ...props
}: Omit<LatchProviderProps, 'routerPush' | 'routerReplace'>) {
  const router = useRouter();
  const routerPush = useCallback((to: string) => navigate(to, (path) => router.push(path)), [router]);
  const routerReplace = useCallback((to: string) => navigate(to, (path) => router.replace(path)), [router]);
  return (
    <LatchProvider {...props} routerPush={routerPush} routerReplace={routerReplace}>
      <RefreshOnSessionChange refresh={router.refresh} />
      <OrganizationSyncOnNavigation />
      {children}
    </LatchProvider>
  );
}

/** Same-origin targets use the router; other origins need a full page load. */
function navigate(to: string, viaRouter: (path: string) => void): void {
  const url = new URL(to, window.location.href);
  if (url.origin === window.location.origin) viaRouter(`${url.pathname}${url.search}${url.hash}`);
  else window.location.assign(url.toString());
}

/**
 * Re-renders Server Components when the session changes under the page. A sign-out started in this
 * tab navigates away by itself (to `afterSignOutUrl`); refreshing too would race it — on a protected
 * page the refresh would bounce to sign-in first.
 */
function RefreshOnSessionChange({ refresh }: { refresh: () => void }) {
  const { isLoaded, sessionId, orgId } = useAuth();
  const { isSigningOut } = useLatchContext();
  // The session and its active organization: switching either changes what the server renders.
  const current = sessionId === undefined ? undefined : `${sessionId}|${orgId ?? ''}`;
  const previous = useRef<string | undefined>(current);
  useEffect(() => {
    if (!isLoaded) return;
    if (previous.current !== undefined && previous.current !== current && !isSigningOut()) refresh();
    previous.current = current;
  }, [isLoaded, current, refresh, isSigningOut]);
  return null;
}
