/** Router functions an app can hand the SDK (Next.js `router.push` / `router.replace`). */
export type RouterFn = (to: string) => unknown;

/** Options of `latch.load()` that concern where users are sent (same names as clerk-js). */
export interface NavigationOptions {
  routerPush?: RouterFn;
  routerReplace?: RouterFn;
  /** Where `redirectToSignIn()` goes; defaults to the instance's `displayConfig.signInUrl`. */
  signInUrl?: string;
  signUpUrl?: string;
  /** Where `signOut({ redirectUrl })` falls back to when asked to redirect without a URL. */
  afterSignOutUrl?: string;
}

/**
 * Goes to `to`: through the app's router when it gave one (client-side navigation), else with a
 * full page load; without a `location` (Node) there is nowhere to go and nothing happens.
 */
export async function navigateTo(to: string, options: NavigationOptions, mode: 'push' | 'replace'): Promise<void> {
  const router = mode === 'replace' ? (options.routerReplace ?? options.routerPush) : options.routerPush;
  if (router) {
    await router(to);
    return;
  }
  const location = (globalThis as { location?: Location }).location;
  if (!location) return;
  if (mode === 'replace') location.replace(to);
  else location.assign(to);
}

/**
 * `url` with `redirect_url=<back>` appended, the parameter Clerk's sign-in and sign-up pages read.
 *
 * @example
 * withRedirectUrl('/sign-in', 'https://app.example.com/dashboard') // '/sign-in?redirect_url=https%3A%2F%2Fapp.example.com%2Fdashboard'
 */
export function withRedirectUrl(url: string, back: string | undefined): string {
  if (!back) return url;
  const [path, hash = ''] = url.split('#', 2);
  const separator = (path ?? '').includes('?') ? '&' : '?';
  return `${path}${separator}redirect_url=${encodeURIComponent(back)}${hash ? `#${hash}` : ''}`;
}
