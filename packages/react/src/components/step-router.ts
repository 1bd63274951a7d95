'use client';
import { useCallback, useEffect, useState } from 'react';

export type Routing = 'path' | 'hash' | 'virtual';

/**
 * The current step of a multi-step component, mirrored in the URL like Clerk's: with `routing="path"`
 * as `<path>/<step>` (e.g. `/sign-in/factor-one`), with `"hash"` as `#/<step>`, with `"virtual"` not at
 * all. Back/forward move between steps. The first render is always `initial`, so server and client
 * render the same markup; the URL's step is read after hydration.
 *
 * @example
 * const [step, goTo] = useStepRouter<'start' | 'factor-one'>('path', '/sign-in', 'start');
 */
export function useStepRouter<Step extends string>(
  routing: Routing,
  path: string | undefined,
  initial: Step,
  accept: (candidate: string) => Step | null,
): [Step, (next: Step, options?: { replace?: boolean }) => void] {
  const [step, setStep] = useState<Step>(initial);

  useEffect(() => {
    if (routing === 'virtual') return;
    const sync = () => {
      const read = readStep(routing, path);
      const accepted = accept(read);
      setStep(accepted ?? initial);
      // A deep link to a step that can't be resumed (no attempt in progress) shows the first step, so
      // the URL says so too.
      if (!accepted && read !== '') window.history.replaceState(window.history.state, '', urlFor(routing, path, ''));
    };
    sync();
    window.addEventListener('popstate', sync);
    if (routing === 'hash') window.addEventListener('hashchange', sync);
    return () => {
      window.removeEventListener('popstate', sync);
      window.removeEventListener('hashchange', sync);
    };
    // `accept` is a pure mapping; re-subscribing on its identity would only churn listeners.
  }, [routing, path, initial]);

  const goTo = useCallback(
    (next: Step, options: { replace?: boolean } = {}) => {
      setStep(next);
      if (routing === 'virtual') return;
      const url = urlFor(routing, path, next === initial ? '' : `/${next}`);
      if (url.href === window.location.href) return;
      if (options.replace) window.history.replaceState(window.history.state, '', url);
      else window.history.pushState(window.history.state, '', url);
    },
    [routing, path, initial],
  );

  return [step, goTo];
}

function urlFor(routing: Routing, path: string | undefined, suffix: string): URL {
  const url = new URL(window.location.href);
  if (routing === 'path') url.pathname = `${trimSlash(path ?? url.pathname)}${suffix}` || '/';
  else url.hash = suffix ? `#${suffix}` : '';
  return url;
}

function readStep(routing: Routing, path: string | undefined): string {
  if (routing === 'hash') return window.location.hash.replace(/^#\/?/, '');
  const base = trimSlash(path ?? '');
  const current = window.location.pathname;
  if (!base || !current.startsWith(base)) return '';
  return current.slice(base.length).replace(/^\//, '');
}

function trimSlash(value: string): string {
  return value.endsWith('/') ? value.slice(0, -1) : value;
}
