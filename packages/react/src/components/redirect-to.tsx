'use client';
import { useEffect } from 'react';
import { useLatchContext } from '../latch-context.js';

export interface RedirectToProps {
  /** Where to go after signing in/up; default: back to this page. */
  redirectUrl?: string;
  signInForceRedirectUrl?: string;
  signInFallbackRedirectUrl?: string;
  signUpForceRedirectUrl?: string;
  signUpFallbackRedirectUrl?: string;
}

/**
 * Sends the browser to the sign-in page, with `redirect_url` pointing back here.
 *
 * @example
 * <SignedOut><RedirectToSignIn /></SignedOut>
 */
export function RedirectToSignIn(props: RedirectToProps) {
  useRedirect('signIn', props);
  return null;
}

/**
 * Sends the browser to the sign-up page, with `redirect_url` pointing back here.
 *
 * @example
 * <SignedOut><RedirectToSignUp /></SignedOut>
 */
export function RedirectToSignUp(props: RedirectToProps) {
  useRedirect('signUp', props);
  return null;
}

function useRedirect(target: 'signIn' | 'signUp', props: RedirectToProps) {
  const { options, navigate } = useLatchContext();
  const base =
    (target === 'signIn' ? options.signInUrl : options.signUpUrl) ?? `/${target === 'signIn' ? 'sign-in' : 'sign-up'}`;
  const force = target === 'signIn' ? props.signInForceRedirectUrl : props.signUpForceRedirectUrl;
  const fallback = target === 'signIn' ? props.signInFallbackRedirectUrl : props.signUpFallbackRedirectUrl;
  useEffect(() => {
    navigate(
      buildRedirectUrl(base, { redirectUrl: props.redirectUrl ?? window.location.href, force, fallback, target }),
      'replace',
    );
  }, [navigate, base, props.redirectUrl, force, fallback, target]);
}

/**
 * `base?redirect_url=…` (plus the force/fallback parameters when given), the query Clerk's sign-in and
 * sign-up pages read.
 *
 * @example
 * buildRedirectUrl('/sign-in', { redirectUrl: 'http://app.test/dashboard' }) // '/sign-in?redirect_url=http%3A%2F%2Fapp.test%2Fdashboard'
 */
export function buildRedirectUrl(
  base: string,
  params: {
    redirectUrl?: string;
    force?: string | undefined;
    fallback?: string | undefined;
    target?: 'signIn' | 'signUp';
  },
): string {
  const prefix = params.target === 'signUp' ? 'sign_up' : 'sign_in';
  const query = new URLSearchParams();
  if (params.redirectUrl) query.set('redirect_url', params.redirectUrl);
  if (params.force) query.set(`${prefix}_force_redirect_url`, params.force);
  if (params.fallback) query.set(`${prefix}_fallback_redirect_url`, params.fallback);
  const text = query.toString();
  if (!text) return base;
  return `${base}${base.includes('?') ? '&' : '?'}${text}`;
}
