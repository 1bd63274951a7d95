/** @latch/nextjs as Server Components see it: the provider reads the request's auth state. */
export { LatchProvider, type NextLatchProviderProps as LatchProviderProps } from './app-router/latch-provider.js';
export * from './shared-exports.js';
