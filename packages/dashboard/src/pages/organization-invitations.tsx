import { type FormEvent, useState } from 'react';
import { bapi, query } from '../api.js';
import { formatTime, Loading, Notice, Pagination, useAction, useLoad } from '../components.js';
import type { Organization, OrganizationInvitation, OrganizationRole, Paginated } from '../types.js';
import { useRoles } from './organization-members.js';

const PAGE_SIZE = 20;
const STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;

const STATUS_BADGE: Record<OrganizationInvitation['status'], string> = {
  pending: 'badge warning',
  accepted: 'badge',
  revoked: 'badge danger',
  expired: 'badge',
};

/**
 * Invitations: list with status, invite by email with a role, revoke, resend. Support operators
 * may resend (a user who lost the email) but not invite or revoke.
 */
export function OrganizationInvitations({
  organization,
  writer,
  onChanged,
}: {
  organization: Organization;
  writer: boolean;
  onChanged: () => void;
}) {
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const invitations = useLoad(
    () =>
      bapi<Paginated<OrganizationInvitation>>(
        `/organizations/${organization.id}/invitations${query({ status: status || undefined, limit: PAGE_SIZE, offset })}`,
      ),
    [organization.id, status, offset],
  );
  const roles = useRoles();
  const { run, busy, notice } = useAction();
  const changed = () => {
    invitations.reload();
    onChanged();
  };

  const act = (invitation: OrganizationInvitation, action: 'revoke' | 'resend') =>
    run(
      () =>
        bapi(`/organizations/${organization.id}/invitations/${invitation.id}/${action}`, {
          method: 'POST',
          ...(action === 'revoke' ? { body: {} } : {}),
        }),
      action === 'revoke'
        ? `Invitation to ${invitation.email_address} revoked.`
        : `Invitation sent again to ${invitation.email_address}.`,
    ).then(changed);

  return (
    <div className="stack">
      <h2>Invitations</h2>
      <div className="row wrap">
        <label>
          Status
          <select
            value={status}
            onChange={(event) => {
              setStatus(event.target.value);
              setOffset(0);
            }}
          >
            <option value="">Any</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value[0]?.toUpperCase()}
                {value.slice(1)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {notice}
      {invitations.error && <Notice kind="error">{invitations.error}</Notice>}
      {invitations.loading && !invitations.data && <Loading />}
      {invitations.data && invitations.data.data.length === 0 && (
        <p className="muted">{status ? `No ${status} invitations.` : 'No invitations yet.'}</p>
      )}
      {invitations.data && invitations.data.data.length > 0 && (
        <ul className="card list" aria-label="Invitations">
          {invitations.data.data.map((invitation) => (
            <li key={invitation.id} className="row wrap">
              <div className="grow">
                <strong>{invitation.email_address}</strong>{' '}
                <span className={STATUS_BADGE[invitation.status]}>{invitation.status}</span>
                <div className="muted small">
                  {invitation.role_name || invitation.role} · sent {formatTime(invitation.created_at)}
                  {invitation.status === 'pending' && invitation.expires_at
                    ? ` · expires ${formatTime(invitation.expires_at)}`
                    : ''}
                </div>
              </div>
              {invitation.status === 'pending' && (
                <div className="row">
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    aria-label={`Resend invitation to ${invitation.email_address}`}
                    onClick={() => act(invitation, 'resend')}
                  >
                    Resend
                  </button>
                  {writer && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy}
                      aria-label={`Revoke invitation to ${invitation.email_address}`}
                      onClick={() => act(invitation, 'revoke')}
                    >
                      Revoke
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {invitations.data && invitations.data.total_count > PAGE_SIZE && (
        <Pagination
          offset={offset}
          pageSize={PAGE_SIZE}
          total={invitations.data.total_count}
          onChange={setOffset}
          label="Invitations pagination"
        />
      )}
      {writer && roles.data && <Invite organization={organization} roles={roles.data.data} onInvited={changed} />}
    </div>
  );
}

function Invite({
  organization,
  roles,
  onInvited,
}: {
  organization: Organization;
  roles: OrganizationRole[];
  onInvited: () => void;
}) {
  const { run, busy, notice } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email_address') ?? '').trim();
    const invited = await run(
      () =>
        bapi(`/organizations/${organization.id}/invitations`, {
          method: 'POST',
          body: { email_address: email, role: String(form.get('role')) },
        }),
      `Invitation sent to ${email}.`,
    );
    if (invited) {
      formElement.reset();
      onInvited();
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="invite-title">
      <h3 id="invite-title">Invite by email</h3>
      {notice}
      <div className="row wrap">
        <label className="grow">
          Email address
          <input name="email_address" type="email" required autoComplete="off" />
        </label>
        <label>
          Role
          <select name="role" defaultValue="org:member">
            {roles.map((role) => (
              <option key={role.id} value={role.key}>
                {role.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div>
        <button type="submit" disabled={busy}>
          Send invitation
        </button>
      </div>
    </form>
  );
}
