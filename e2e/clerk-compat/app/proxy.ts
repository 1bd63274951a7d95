import { clerkMiddleware } from '@clerk/nextjs/server';

// The built-in Frontend API proxy forwards `/__clerk/*` to `CLERK_FAPI_URL` (Latch), so the browser
// only ever talks to this app's origin; every other request is authenticated against Latch.
// `organizationSyncOptions`: a page load under /org/<slug> activates that organization through the
// handshake (`organization_id=<slug>`), one under /me the personal account.
export default clerkMiddleware({
  frontendApiProxy: { enabled: true },
  organizationSyncOptions: {
    organizationPatterns: ['/org/:slug', '/org/:slug/(.*)'],
    personalAccountPatterns: ['/me', '/me/(.*)'],
  },
});

export const config = {
  matcher: [
    // Clerk's usual matcher skips static files, which would also skip the proxied clerk-js bundle,
    // hence the explicit `/__clerk/(.*)` entry.
    '/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)',
    '/(api|trpc)(.*)',
    '/__clerk/(.*)',
  ],
};
