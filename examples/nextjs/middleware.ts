import { createRouteMatcher, latchMiddleware } from '@latch/nextjs/server';
import { NextResponse } from 'next/server';

// Next 16 renamed middleware.ts to proxy.ts, but a proxy.ts always runs on Node.js (Next refuses a
// `runtime` setting there); middleware.ts still works and runs in the edge runtime, which is what this
// example demonstrates. The same `export default latchMiddleware(…)` works unchanged in a proxy.ts.

/** Set by Next's edge runtime (and absent in Node.js), so the response can say where the middleware ran. */
declare const EdgeRuntime: string | undefined;

// Public routes as in the product description, plus `/api/me`: a Route Handler that does its own
// check and answers 401 JSON (with the middleware protecting it, signed-out callers would get a 404).
const isPublicRoute = createRouteMatcher(['/', '/sign-in(.*)', '/sign-up(.*)', '/api/webhooks(.*)', '/api/me']);

export default latchMiddleware(async (auth, request) => {
  // Protected routes require authentication.
  if (!isPublicRoute(request)) {
    await auth.protect();
  }
  const response = NextResponse.next();
  response.headers.set('x-middleware-runtime', typeof EdgeRuntime === 'string' ? 'edge' : 'nodejs');
  return response;
});

export const config = {
  matcher: [
    // Skip static files and _next (and /api/no-auth: the benchmark's baseline without any auth).
    '/((?!_next|api/no-auth|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)',
    // Always run for API routes.
    '/(api(?!/no-auth)|trpc)(.*)',
    // The same-origin Frontend API proxy.
    '/__latch/(.*)',
  ],
};
