'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Every organization component on the page reloads its lists after any of them changes something
 * (accepting an invitation in the switcher updates `<OrganizationList/>` too), so one listener set is
 * shared by all of them.
 */
const changeListeners = new Set<() => void>();

/** Tells every mounted organization component to reload what it shows. */
export function notifyOrganizationsChanged(): void {
  for (const listener of [...changeListeners]) listener();
}

export interface OrgData<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads `load()` while `key` is non-null (and again whenever it changes or any organization component
 * reports a change). Answers that arrive after the key changed are dropped, so a quick switch between
 * organizations never shows the previous one's members.
 *
 * @example
 * const members = useOrgData(orgId && `members:${orgId}`, () => orgRequest(latch, 'GET', …));
 */
export function useOrgData<T>(key: string | null | false | undefined, load: () => Promise<T>): OrgData<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: unknown; loading: boolean }>({
    key: null,
    data: null,
    error: null,
    loading: Boolean(key),
  });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => setVersion((current) => current + 1), []);

  useEffect(() => {
    changeListeners.add(reload);
    return () => {
      changeListeners.delete(reload);
    };
  }, [reload]);

  // `version` is the reload trigger.
  useEffect(() => {
    if (!key) {
      setState({ key: null, data: null, error: null, loading: false });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => current && setState({ key, data, error: null, loading: false }),
      (error: unknown) => current && setState({ key, data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key, version]);

  const fresh = state.key === key;
  return {
    data: fresh ? state.data : null,
    error: fresh ? state.error : null,
    loading: Boolean(key) && (!fresh || state.loading),
    reload,
  };
}
