'use client';
import { useLatchContext } from '../latch-context.js';
import type { LatchSessionResource, SetActiveParams } from '../latch-types.js';

export type UseSessionListReturn =
  | { isLoaded: false; sessions: undefined; setActive: undefined }
  | { isLoaded: true; sessions: LatchSessionResource[]; setActive: (params: SetActiveParams) => Promise<void> };

/**
 * Every session on this browser's client (multi-session apps) and `setActive` to switch.
 *
 * @example
 * const { isLoaded, sessions, setActive } = useSessionList();
 */
export function useSessionList(): UseSessionListReturn {
  const { latch, resources } = useLatchContext();
  if (!latch || !resources) return { isLoaded: false, sessions: undefined, setActive: undefined };
  return {
    isLoaded: true,
    sessions: resources.client?.sessions ?? [],
    setActive: (params) => latch.setActive(params),
  };
}
