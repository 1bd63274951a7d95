/**
 * @latch/nextjs for client components and the Pages Router. Server Components get
 * `index.react-server.ts` instead (the `react-server` export condition), whose `LatchProvider` reads
 * the request's auth state.
 */
export { LatchProvider, type PagesLatchProviderProps as LatchProviderProps } from './client/pages-latch-provider.js';
export * from './shared-exports.js';
