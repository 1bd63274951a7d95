'use client';
import { type InitialAuthState, type LatchProviderProps, LatchProvider as ReactLatchProvider } from '@latch/react';

export type PagesLatchProviderProps = Omit<LatchProviderProps, 'publishableKey'> & {
  publishableKey?: string;
  /** From `buildLatchProps(req)` in `getServerSideProps`, passed through `{...pageProps}`. */
  __latch_ssr_state?: InitialAuthState | null;
};

/**
 * The provider outside Server Components (Pages Router `_app`, client components): settings from the
 * `NEXT_PUBLIC_LATCH_*` variables inlined at build time, initial state from `buildLatchProps`.
 *
 * @example
 * export default function App({ Component, pageProps }) {
 *   return <LatchProvider {...pageProps}><Component {...pageProps} /></LatchProvider>;
 * }
 */
export function LatchProvider({ __latch_ssr_state, initialState, publishableKey, ...props }: PagesLatchProviderProps) {
  const key = publishableKey ?? process.env.NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY;
  if (!key) throw new Error('@latch/nextjs: missing publishable key (set NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY).');
  return (
    <ReactLatchProvider
      proxyUrl={process.env.NEXT_PUBLIC_LATCH_PROXY_URL || '/__latch'}
      signInUrl={process.env.NEXT_PUBLIC_LATCH_SIGN_IN_URL || '/sign-in'}
      signUpUrl={process.env.NEXT_PUBLIC_LATCH_SIGN_UP_URL || '/sign-up'}
      {...props}
      publishableKey={key}
      initialState={initialState ?? __latch_ssr_state ?? null}
    />
  );
}
