import type { AppContext } from '../../app-context.js';

/**
 * Which browser origins may call the Frontend API with credentials: the instance's allowed origins,
 * the Frontend API's own origin and, for development instances, any loopback origin (apps on
 * `localhost:3000` talking to Latch on `:4000`).
 */
export function isAllowedOrigin(app: AppContext, origin: string): boolean {
  if (app.instance.settings.allowedOrigins.includes(origin)) return true;
  if (origin === new URL(app.config.frontendApiUrl).origin) return true;
  if (app.instance.environmentType === 'development') {
    try {
      const { hostname, protocol } = new URL(origin);
      return (protocol === 'http:' || protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
    } catch {
      return false;
    }
  }
  return false;
}

/** CORS headers for an allowed origin: credentials on, the headers clerk-js reads exposed. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'Clerk-Db-Jwt, x-country, Retry-After',
    vary: 'Origin',
  };
}
