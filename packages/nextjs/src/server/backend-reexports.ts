// Clerk's `@clerk/nextjs/server` re-exports these from `@clerk/backend`; so do we.
export * from '@latch/backend';
