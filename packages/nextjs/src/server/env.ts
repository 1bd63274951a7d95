/**
 * Settings from the environment, under Clerk's variable names with `CLERK` → `LATCH`. Read on every
 * call (cheap) rather than at import: Next inlines `NEXT_PUBLIC_*` at build time, while server-only
 * values (`LATCH_SECRET_KEY`, `LATCH_API_URL`) come from the running process. Each variable is
 * spelled out literally because Next only inlines literal `process.env.NAME` reads.
 */
export interface LatchEnvironment {
  publishableKey: string | undefined;
  secretKey: string | undefined;
  /** Latch's Backend API base as `@latch/backend` wants it, e.g. `http://127.0.0.1:4000/api`. */
  apiUrl: string | undefined;
  apiVersion: string | undefined;
  /** PEM public key: verify session tokens with no network call. */
  jwtKey: string | undefined;
  /** Where the same-origin proxy forwards Frontend API calls; see `frontendApiUpstream`. */
  frontendApiUrl: string | undefined;
  /** The browser's Frontend API base: the same-origin proxy path by default. */
  proxyUrl: string | undefined;
  signInUrl: string | undefined;
  signUpUrl: string | undefined;
  signInForceRedirectUrl: string | undefined;
  signInFallbackRedirectUrl: string | undefined;
  signUpForceRedirectUrl: string | undefined;
  signUpFallbackRedirectUrl: string | undefined;
  afterSignOutUrl: string | undefined;
}

export function readEnvironment(): LatchEnvironment {
  return {
    publishableKey: value(process.env.NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY) ?? value(process.env.LATCH_PUBLISHABLE_KEY),
    secretKey: value(process.env.LATCH_SECRET_KEY),
    apiUrl: value(process.env.LATCH_API_URL),
    apiVersion: value(process.env.LATCH_API_VERSION),
    jwtKey: value(process.env.LATCH_JWT_KEY),
    frontendApiUrl: value(process.env.LATCH_FAPI_URL),
    proxyUrl: value(process.env.NEXT_PUBLIC_LATCH_PROXY_URL),
    signInUrl: value(process.env.NEXT_PUBLIC_LATCH_SIGN_IN_URL),
    signUpUrl: value(process.env.NEXT_PUBLIC_LATCH_SIGN_UP_URL),
    signInForceRedirectUrl: value(process.env.NEXT_PUBLIC_LATCH_SIGN_IN_FORCE_REDIRECT_URL),
    // The legacy AFTER_SIGN_IN/UP names behave like the fallback ones, as in Clerk.
    signInFallbackRedirectUrl:
      value(process.env.NEXT_PUBLIC_LATCH_SIGN_IN_FALLBACK_REDIRECT_URL) ??
      value(process.env.NEXT_PUBLIC_LATCH_AFTER_SIGN_IN_URL),
    signUpForceRedirectUrl: value(process.env.NEXT_PUBLIC_LATCH_SIGN_UP_FORCE_REDIRECT_URL),
    signUpFallbackRedirectUrl:
      value(process.env.NEXT_PUBLIC_LATCH_SIGN_UP_FALLBACK_REDIRECT_URL) ??
      value(process.env.NEXT_PUBLIC_LATCH_AFTER_SIGN_UP_URL),
    afterSignOutUrl: value(process.env.NEXT_PUBLIC_LATCH_AFTER_SIGN_OUT_URL),
  };
}

/** Default path of the same-origin Frontend API proxy that `latchMiddleware` serves. */
export const DEFAULT_PROXY_PATH = '/__latch';

function value(text: string | undefined): string | undefined {
  return text?.trim() ? text.trim() : undefined;
}
