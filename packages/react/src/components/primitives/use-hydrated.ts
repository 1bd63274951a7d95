import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React runs the component in the browser.
 * The App Router renders our forms on the server; until they hydrate, a click or an Enter key would
 * make the browser submit them itself — a GET to the page with every field, a typed password
 * included, in the URL — and the Frontend API would never hear of it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
