// Everything of @latch/react — hooks, control components and, as they land, the UI components
// (`<SignIn>`, `<UserButton>`…) — identical in the server and client entry points. Each entry's own
// `LatchProvider` export takes precedence over @latch/react's.
export * from '@latch/react';
