import { bapi, query } from '../api.js';
import { Loading, Notice, useLoad } from '../components.js';

const DAYS = 14;

interface Day {
  label: string;
  signUps: number;
  signIns: number;
  failedSignIns: number;
}

type Count = { total_count: number };

interface DailyStat {
  date: string;
  sign_ups: number;
  sign_ins: number;
  failed_sign_ins: number;
}

/** Settles to null on failure: one unavailable figure must not blank the whole page. */
const orNull = <T,>(promise: Promise<T>) => promise.catch(() => null);

async function loadOverview() {
  const [users, activeSessions, endpoints, stats] = await Promise.all([
    bapi<Count>('/users/count'),
    orNull(bapi<Count>(`/sessions${query({ status: 'active', paginated: true, limit: 1 })}`)),
    orNull(bapi<{ failing_since: number | null; disabled_reason: string | null }[]>('/webhooks/endpoints')),
    // One call for every chart: the server counts per UTC day.
    bapi<{ data: DailyStat[] }>(`/stats/daily${query({ days: DAYS })}`),
  ]);
  const days = stats.data.map(
    (day): Day => ({
      label: day.date.slice(5),
      signUps: day.sign_ups,
      signIns: day.sign_ins,
      failedSignIns: day.failed_sign_ins,
    }),
  );
  return {
    users: users.total_count,
    activeSessions: activeSessions?.total_count ?? null,
    failingEndpoints: endpoints
      ? endpoints.filter((endpoint) => endpoint.failing_since !== null || endpoint.disabled_reason === 'failing').length
      : null,
    failedToday: days.at(-1)?.failedSignIns ?? 0,
    days,
  };
}

/** The instance at a glance: totals, and sign-ups, sign-ins and failed sign-ins per day for two weeks. */
export function OverviewPage() {
  const overview = useLoad(loadOverview, []);
  if (overview.error) return <Notice kind="error">{overview.error}</Notice>;
  if (!overview.data) return <Loading />;
  const { users, activeSessions, failingEndpoints, failedToday, days } = overview.data;
  return (
    <section aria-labelledby="overview-title" className="stack">
      <h1 id="overview-title">Overview</h1>
      <dl className="stats">
        <div className="card">
          <dt>Users</dt>
          <dd>{users}</dd>
        </div>
        <div className="card">
          <dt>Active sessions</dt>
          <dd>{activeSessions ?? '—'}</dd>
        </div>
        <div className="card">
          <dt>Failed sign-ins today</dt>
          <dd className={failedToday ? 'alert' : undefined}>{failedToday}</dd>
        </div>
        <div className="card">
          <dt>Failing webhook endpoints</dt>
          <dd className={failingEndpoints ? 'alert' : undefined}>{failingEndpoints ?? '—'}</dd>
        </div>
      </dl>
      <BarChart title="Sign-ups per day" days={days} pick={(day) => day.signUps} />
      <BarChart title="Sign-ins per day" days={days} pick={(day) => day.signIns} />
      <BarChart
        title="Failed sign-ins per day"
        note="wrong password or code, locked or banned account"
        days={days}
        pick={(day) => day.failedSignIns}
      />
    </section>
  );
}

/** An SVG bar chart for the eye, with the same numbers as a table for screen readers. */
function BarChart({
  title,
  note,
  days,
  pick,
}: {
  title: string;
  note?: string;
  days: Day[];
  pick: (day: Day) => number;
}) {
  const values = days.map(pick);
  const max = Math.max(1, ...values);
  const total = values.reduce((sum, value) => sum + value, 0);
  const width = 100 / days.length;
  return (
    <figure className="card chart">
      <figcaption>
        {title}{' '}
        <span className="muted small">
          ({total} in {days.length} days, UTC)
        </span>
        {note && <span className="muted small"> · {note}</span>}
      </figcaption>
      <svg viewBox="0 0 100 42" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {values.map((value, index) => (
          <rect
            key={days[index]?.label}
            x={index * width + width * 0.15}
            y={40 - (value / max) * 38}
            width={width * 0.7}
            height={(value / max) * 38}
            className="bar"
          />
        ))}
        <line x1="0" y1="40" x2="100" y2="40" className="axis" />
      </svg>
      <div className="chart-labels muted small" aria-hidden="true">
        <span>{days[0]?.label}</span>
        <span>{days.at(-1)?.label}</span>
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day, index) => (
            <tr key={day.label}>
              <td>{day.label}</td>
              <td>{values[index]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
