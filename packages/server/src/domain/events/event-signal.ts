/**
 * A nudge for delivery workers in this process when an event is recorded, so a webhook leaves
 * within milliseconds instead of at the next poll. Only a hint: the event may not be committed yet
 * (workers look again at the next poll), and workers of other processes rely on polling.
 */
const listeners = new Set<() => void>();

/** Calls `listener` after each recorded event; returns the unsubscribe function. */
export function onEventRecorded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signalEventRecorded(): void {
  for (const listener of listeners) listener();
}
