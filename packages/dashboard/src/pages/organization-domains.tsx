import type { FormEvent } from 'react';
import { bapi, query } from '../api.js';
import { Loading, Notice, useAction, useLoad } from '../components.js';
import type { Organization, OrganizationDomain, Paginated } from '../types.js';

const ENROLLMENT_MODES: { value: OrganizationDomain['enrollment_mode']; label: string }[] = [
  { value: 'manual_invitation', label: 'Manual invitation' },
  { value: 'automatic_invitation', label: 'Automatic invitation' },
  { value: 'automatic_suggestion', label: 'Automatic suggestion' },
];

const modeLabel = (mode: string) => ENROLLMENT_MODES.find((item) => item.value === mode)?.label ?? mode;

/**
 * Verified domains: people with a verified address at one are invited to (or offered) the
 * organization, as its enrollment mode says. Added here they count as verified: the operator vouches.
 */
export function OrganizationDomains({ organization, writer }: { organization: Organization; writer: boolean }) {
  const domains = useLoad(
    () => bapi<Paginated<OrganizationDomain>>(`/organizations/${organization.id}/domains${query({ limit: 100 })}`),
    [organization.id],
  );
  const { run, busy, notice } = useAction();

  const setMode = (domain: OrganizationDomain, mode: string) =>
    run(
      () =>
        bapi(`/organizations/${organization.id}/domains/${domain.id}`, {
          method: 'PATCH',
          body: { enrollment_mode: mode },
        }),
      `${domain.name} now uses ${modeLabel(mode).toLowerCase()}.`,
    ).then(domains.reload);

  const remove = async (domain: OrganizationDomain) => {
    if (!window.confirm(`Delete the domain ${domain.name}? People at it are no longer invited or offered to join.`))
      return;
    await run(
      () => bapi(`/organizations/${organization.id}/domains/${domain.id}`, { method: 'DELETE' }),
      `${domain.name} deleted.`,
    );
    domains.reload();
  };

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get('name') ?? '').trim();
    const added = await run(
      () =>
        bapi(`/organizations/${organization.id}/domains`, {
          method: 'POST',
          body: { name, enrollment_mode: String(form.get('enrollment_mode')), verified: form.get('verified') === 'on' },
        }),
      `${name} added.`,
    );
    if (added) {
      formElement.reset();
      domains.reload();
    }
  };

  return (
    <div className="stack">
      <h2>Verified domains</h2>
      {notice}
      {domains.error && <Notice kind="error">{domains.error}</Notice>}
      {domains.loading && !domains.data && <Loading />}
      {domains.data && domains.data.data.length === 0 && <p className="muted">No domains yet.</p>}
      {domains.data && domains.data.data.length > 0 && (
        <ul className="card list">
          {domains.data.data.map((domain) => (
            <li key={domain.id} className="row wrap">
              <span className="grow">
                <strong>{domain.name}</strong>{' '}
                {domain.verification?.status === 'verified' ? (
                  <span className="badge">verified</span>
                ) : (
                  <span className="badge warning">unverified</span>
                )}
                <span className="muted small"> {domain.total_pending_invitations} pending invitations</span>
              </span>
              {writer ? (
                <>
                  <label>
                    <span className="visually-hidden">Enrollment mode of {domain.name}</span>
                    <select
                      value={domain.enrollment_mode}
                      disabled={busy}
                      onChange={(event) => setMode(domain, event.target.value)}
                    >
                      {ENROLLMENT_MODES.map((mode) => (
                        <option key={mode.value} value={mode.value}>
                          {mode.label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    aria-label={`Delete domain ${domain.name}`}
                    onClick={() => remove(domain)}
                  >
                    Delete
                  </button>
                </>
              ) : (
                <span className="badge">{modeLabel(domain.enrollment_mode)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {writer && (
        <form className="card stack" onSubmit={add} aria-labelledby="add-domain-title">
          <h3 id="add-domain-title">Add a domain</h3>
          <div className="row wrap">
            <label className="grow">
              Domain
              <input name="name" required placeholder="example.com" autoComplete="off" />
            </label>
            <label>
              Enrollment mode
              <select name="enrollment_mode" defaultValue="manual_invitation">
                {ENROLLMENT_MODES.map((mode) => (
                  <option key={mode.value} value={mode.value}>
                    {mode.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="inline">
            <input name="verified" type="checkbox" defaultChecked />
            Mark as verified (you vouch that the organization owns it)
          </label>
          <div>
            <button type="submit" disabled={busy}>
              Add domain
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
