import { bapi, query } from '../api.js';
import { Link, Notice, useLoad } from '../components.js';
import type { Organization, OrganizationMembership, Paginated } from '../types.js';

/** The organizations a user belongs to, with their role, each linking to the organization's page. */
export function UserOrganizationMemberships({ userId }: { userId: string }) {
  const memberships = useLoad(
    () =>
      bapi<Paginated<OrganizationMembership & { organization: Organization | null }>>(
        `/users/${encodeURIComponent(userId)}/organization_memberships${query({ limit: 100 })}`,
      ),
    [userId],
  );
  return (
    <>
      <h2>Organizations</h2>
      {memberships.error && <Notice kind="error">{memberships.error}</Notice>}
      {memberships.data && memberships.data.data.length === 0 && (
        <p className="muted">Not a member of any organization.</p>
      )}
      {memberships.data && memberships.data.data.length > 0 && (
        <ul className="card list">
          {memberships.data.data.map((membership) =>
            membership.organization ? (
              <li key={membership.id}>
                <Link to={`/organizations/${membership.organization.id}/members`}>{membership.organization.name}</Link>{' '}
                <span className="badge">{membership.role_name || membership.role}</span>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </>
  );
}
