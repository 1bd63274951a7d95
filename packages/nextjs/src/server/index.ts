/**
 * `@latch/nextjs/server`: middleware, `auth()`, `currentUser()`, `latchClient` and the Pages Router
 * helpers (Clerk's `@clerk/nextjs/server` with `Clerk` renamed `Latch`).
 */
export { type AppRouterAuthObject, type AuthFunction, auth } from './app-router/auth.js';
export { currentUser } from './app-router/current-user.js';
export { MiddlewareNotDetectedError } from './auth-from-headers.js';
export * from './backend-reexports.js';
export { type LatchClient, latchClient } from './latch-client.js';
export { type FrontendApiProxyOptions, proxyFrontendApi } from './middleware/frontend-api-proxy.js';
export {
  type LatchMiddlewareAuth,
  type LatchMiddlewareAuthObject,
  type LatchMiddlewareHandler,
  type LatchMiddlewareOptions,
  latchMiddleware,
} from './middleware/latch-middleware.js';
export type { OrganizationSyncOptions } from './middleware/organization-sync.js';
export { buildLatchProps } from './pages/build-latch-props.js';
export { getAuth } from './pages/get-auth.js';
export type { AuthProtect, ProtectParams } from './protect.js';
export { createRouteMatcher, type RouteMatcherParam } from './route-matcher.js';
