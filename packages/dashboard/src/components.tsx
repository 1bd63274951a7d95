import { type MouseEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import { APIError } from './api.js';
import { BASE, navigate } from './router.js';

/** An in-app link: a real <a href> (open in new tab works) that navigates without a reload. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={`${BASE}${to}`} onClick={onClick} className={className}>
      {children}
    </a>
  );
}

/** Loads data for a page; `reload` fetches again after a change. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const reload = useCallback(() => {
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => setState({ data: null, error: messageOf(error), loading: false }),
    );
  }, deps);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

export const messageOf = (error: unknown) =>
  error instanceof APIError || error instanceof Error ? error.message : String(error);

/** A status line announced to screen readers. */
export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <p className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

export function Loading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

export const formatTime = (ms: number | null | undefined) =>
  ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) : '—';

/** Runs an action, shows its outcome, reports back to the page. */
export function useAction() {
  const [status, setStatus] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, success: string) => {
    setBusy(true);
    setStatus(null);
    try {
      await work();
      setStatus({ kind: 'success', text: success });
      return true;
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const notice = status ? <Notice kind={status.kind}>{status.text}</Notice> : null;
  return { run, busy, notice };
}

/** Previous / "1–20 of 45" / Next under a list read `pageSize` at a time from `offset`. */
export function Pagination({
  offset,
  pageSize,
  total,
  onChange,
  label = 'Pagination',
}: {
  offset: number;
  pageSize: number;
  total: number;
  onChange(offset: number): void;
  /** The navigation landmark's name; give each one its own when a page has several lists. */
  label?: string;
}) {
  return (
    <nav aria-label={label} className="row">
      <button
        type="button"
        className="secondary"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - pageSize))}
      >
        Previous
      </button>
      <span className="muted">
        {total === 0 ? 0 : offset + 1}–{Math.min(offset + pageSize, total)} of {total}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={offset + pageSize >= total}
        onClick={() => onChange(offset + pageSize)}
      >
        Next
      </button>
    </nav>
  );
}
