'use client';
import { useCallback } from 'react';
import { useLatchContext } from '../latch-context.js';
import { useEmbedding } from './embedding.js';
import { resolveRedirect } from './redirects.js';

/**
 * Activates the session a finished sign-in/up created, then leaves: in a modal it closes (and navigates
 * only when a redirect URL was configured), on a page it goes to the resolved redirect URL.
 */
export function useFinishAuth(
  kind: 'signIn' | 'signUp',
  urls: { force?: string | undefined; fallback?: string | undefined },
) {
  const { whenLoaded, options, navigate } = useLatchContext();
  const embedding = useEmbedding();
  return useCallback(
    async (sessionId: string | null) => {
      const latch = await whenLoaded;
      await latch.setActive({ session: sessionId });
      const providerForce = kind === 'signIn' ? options.signInForceRedirectUrl : options.signUpForceRedirectUrl;
      const providerFallback =
        kind === 'signIn' ? options.signInFallbackRedirectUrl : options.signUpFallbackRedirectUrl;
      const configured = urls.force ?? urls.fallback ?? providerForce ?? providerFallback;
      if (embedding.inModal) {
        embedding.close?.();
        if (configured)
          navigate(resolveRedirect({ force: urls.force, providerForce, fallback: urls.fallback, providerFallback }));
        return;
      }
      navigate(resolveRedirect({ force: urls.force, providerForce, fallback: urls.fallback, providerFallback }));
    },
    [whenLoaded, options, navigate, embedding, kind, urls.force, urls.fallback],
  );
}
