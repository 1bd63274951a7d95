'use client';
import { useEffect, useRef } from 'react';
import { useLatchContext } from '../latch-context.js';
import { useEmbedding } from './embedding.js';
import { resolveRedirect } from './redirects.js';

/**
 * Like Clerk: arriving on the sign-in/up page while already signed in on a single-session instance
 * (nothing to add) goes straight on to where a finished sign-in would go. Decided once, on the first
 * loaded state, so the component's own successful sign-in is not navigated twice.
 */
export function useRedirectIfSignedIn(
  kind: 'signIn' | 'signUp',
  urls: { force?: string | undefined; fallback?: string | undefined },
) {
  const { resources, latch, options, navigate } = useLatchContext();
  const { inModal } = useEmbedding();
  const decided = useRef(false);
  useEffect(() => {
    if (!resources || !latch || decided.current) return;
    decided.current = true;
    if (!resources.session || inModal || !latch.environment?.isSingleSession()) return;
    navigate(
      resolveRedirect({
        force: urls.force,
        providerForce: kind === 'signIn' ? options.signInForceRedirectUrl : options.signUpForceRedirectUrl,
        fallback: urls.fallback,
        providerFallback: kind === 'signIn' ? options.signInFallbackRedirectUrl : options.signUpFallbackRedirectUrl,
      }),
      'replace',
    );
  }, [resources, latch, inModal, kind, urls.force, urls.fallback, options, navigate]);
}
