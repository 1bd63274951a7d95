import { type FormEvent, useState } from 'react';
import { bapi, query } from '../api.js';
import { formatTime, Loading, Notice, useLoad } from '../components.js';
import type { AuditLogEntry } from '../types.js';

const PAGE_SIZE = 50;

type Filter = { action: string; actor_id: string; target_id: string; since?: number; until?: number };

/** A `<input type="date">` value as the start of that UTC day, in ms; undefined when empty. */
function dayStart(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? '');
  return text ? Date.parse(`${text}T00:00:00Z`) : undefined;
}

/** The audit log: every change, who made it (operator, API key, user, system), on what, from where, when. */
export function AuditLogPage() {
  const [filter, setFilter] = useState<Filter>({ action: '', actor_id: '', target_id: '' });
  const [offset, setOffset] = useState(0);
  const log = useLoad(
    () =>
      bapi<{ data: AuditLogEntry[]; total_count: number }>(
        `/audit_logs${query({ ...filter, paginated: true, limit: PAGE_SIZE, offset })}`,
      ),
    [filter, offset],
  );
  // Operators are few: name them by email instead of a bare id (an unreadable list just shows ids).
  const operators = useLoad(
    () => bapi<{ id: string; email: string }[]>('/operators').catch(() => [] as { id: string; email: string }[]),
    [],
  );
  const operatorEmail = (id: string | null) => operators.data?.find((operator) => operator.id === id)?.email;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilter({
      action: String(form.get('action') ?? '').trim(),
      actor_id: String(form.get('actor_id') ?? '').trim(),
      target_id: String(form.get('target_id') ?? '').trim(),
      since: dayStart(form.get('since')),
      // The whole "until" day counts.
      until: ((end) => (end === undefined ? undefined : end + 86_400_000 - 1))(dayStart(form.get('until'))),
    });
    setOffset(0);
  };
  return (
    <section aria-labelledby="audit-title" className="stack">
      <h1 id="audit-title">Audit log</h1>
      <form onSubmit={submit} className="row wrap" aria-label="Filter the audit log">
        <label className="grow">
          Action
          <input name="action" placeholder="user.updated" defaultValue={filter.action} />
        </label>
        <label className="grow">
          Actor id
          <input name="actor_id" placeholder="op_…" defaultValue={filter.actor_id} />
        </label>
        <label className="grow">
          Target id
          <input name="target_id" placeholder="user_…" defaultValue={filter.target_id} />
        </label>
        <label>
          From (UTC)
          <input name="since" type="date" />
        </label>
        <label>
          Until (UTC)
          <input name="until" type="date" />
        </label>
        <button type="submit">Filter</button>
      </form>
      {log.error && <Notice kind="error">{log.error}</Notice>}
      {log.loading && !log.data && <Loading />}
      {log.data && log.data.total_count === 0 && (
        <p className="muted">
          {Object.values(filter).some((value) => value !== '' && value !== undefined)
            ? 'No entries match these filters.'
            : 'No entries yet.'}
        </p>
      )}
      {log.data && log.data.total_count > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Action</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Target</th>
                </tr>
              </thead>
              <tbody>
                {log.data.data.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatTime(entry.created_at)}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>
                      {entry.actor.type ?? '—'}{' '}
                      {entry.actor.type === 'operator' && operatorEmail(entry.actor.id) ? (
                        <>
                          {operatorEmail(entry.actor.id)} <span className="muted small">{entry.actor.id}</span>
                        </>
                      ) : (
                        <span className="muted small">{entry.actor.id ?? ''}</span>
                      )}
                    </td>
                    <td>
                      {entry.target.type ?? '—'} <span className="muted small">{entry.target.id ?? ''}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pagination" className="row">
            <button
              type="button"
              className="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              Newer
            </button>
            <span className="muted">{log.data.total_count} entries</span>
            <button
              type="button"
              className="secondary"
              disabled={offset + PAGE_SIZE >= log.data.total_count}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              Older
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
