/**
 * The sign-in (or sign-up) URL with `redirect_url` pointing back to where the visitor was going,
 * resolved against the request so relative settings (`/sign-in`) work.
 *
 * @example
 * signInRedirectUrl('/sign-in', 'http://localhost:3000/dashboard') // 'http://localhost:3000/sign-in?redirect_url=http%3A%2F%2Flocalhost%3A3000%2Fdashboard'
 */
export function signInRedirectUrl(signInUrl: string, returnBackUrl: string | null): string {
  const base = new URL(signInUrl, returnBackUrl ?? 'http://localhost/');
  if (returnBackUrl) base.searchParams.set('redirect_url', returnBackUrl);
  return base.toString();
}
