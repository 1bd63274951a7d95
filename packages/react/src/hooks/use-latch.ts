'use client';
import { useLatchContext } from '../latch-context.js';
import type { LatchInstance } from '../latch-types.js';

/**
 * The `@latch/js` instance (Clerk's `useClerk()`); null until it has loaded.
 *
 * @example
 * const latch = useLatch();
 * await latch?.signOut();
 */
export function useLatch(): LatchInstance | null {
  return useLatchContext().latch;
}
