'use client';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { LatchInstance } from '../../latch-types.js';
import { toDisplayErrors } from '../errors.js';
import { Alert } from '../primitives/alert.js';
import { Avatar } from '../primitives/avatar.js';
import { ProfileSection } from '../user-profile/profile-section.js';
import { useOrgUI } from './org-elements.js';
import { listParams, type MembershipJSON, orgRequest, type Page, refreshResources } from './org-fapi.js';
import { Pagination } from './pagination.js';
import { notifyOrganizationsChanged, useOrgData } from './use-org-data.js';
import { useOrganizationRoles } from './use-organization-roles.js';

const PAGE_SIZE = 10;

/**
 * The members, a page at a time. With `org:sys_memberships:manage` each other member's role is a
 * labelled select (the change is saved at once) and there is a remove button; the server's refusals
 * (removing or demoting the last admin) show in the section's alert.
 */
export function MembersSection({ membership }: { membership: MembershipJSON }) {
  const { el, oel, l, fmt } = useOrgUI();
  const { latch } = useLatchContext();
  const strings = l.organization.profile.membersPage;
  const organizationId = membership.organization.id;
  const [page, setPage] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const members = useOrgData(latch && `members:${organizationId}:${page}`, () =>
    orgRequest<Page<MembershipJSON>>(
      latch as LatchInstance,
      'GET',
      `/organizations/${organizationId}/memberships`,
      listParams(PAGE_SIZE, page * PAGE_SIZE),
    ),
  );
  const roles = useOrganizationRoles(organizationId);
  const mayManage = membership.permissions.includes('org:sys_memberships:manage');
  const selfId = membership.public_user_data.user_id;

  const run = async (key: string, action: (latch: LatchInstance) => Promise<void>) => {
    if (!latch || busy) return;
    setBusy(key);
    setError(null);
    try {
      await action(latch);
      notifyOrganizationsChanged();
    } catch (caught) {
      setError(toDisplayErrors(caught, l, []).global);
    } finally {
      setBusy(null);
    }
  };

  const rows = members.data?.data ?? [];
  return (
    <ProfileSection title={strings.membersSection} id="members">
      <Alert message={error} />
      <table {...oel('organizationProfileMembersTable')} aria-busy={members.loading}>
        <thead>
          <tr>
            <th scope="col">{strings.membersSection}</th>
            <th scope="col">{strings.roleLabel}</th>
            {mayManage ? (
              <th scope="col">
                <span className="latch-visuallyHidden">{strings.removeMember}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((member) => {
            const person = member.public_user_data;
            const name = [person.first_name, person.last_name].filter(Boolean).join(' ') || person.identifier || '';
            const isSelf = person.user_id === selfId;
            const roleChoices = roles.some((role) => role.key === member.role)
              ? roles
              : [{ key: member.role, name: member.role_name ?? member.role }, ...roles];
            return (
              <tr
                key={member.id}
                {...oel('organizationProfileMemberRow')}
                data-member={person.identifier ?? person.user_id}
              >
                <td>
                  <span
                    className="latch-profileSectionItemMain"
                    style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}
                  >
                    <Avatar
                      person={{
                        firstName: person.first_name,
                        lastName: person.last_name,
                        imageUrl: person.image_url,
                        hasImage: person.has_image,
                        identifier: person.identifier,
                      }}
                    />
                    <span>
                      {name}
                      {isSelf ? (
                        <span {...el('badge')} style={{ marginLeft: '0.375rem' }}>
                          {strings.you}
                        </span>
                      ) : null}
                      {name !== person.identifier && person.identifier ? (
                        <span
                          style={{ display: 'block', fontSize: '0.75rem', color: 'var(--latch-color-text-secondary)' }}
                        >
                          {person.identifier}
                        </span>
                      ) : null}
                    </span>
                  </span>
                </td>
                <td>
                  {mayManage && !isSelf ? (
                    <select
                      {...oel('organizationProfileRoleSelect')}
                      aria-label={fmt(strings.roleOf, { name })}
                      value={member.role}
                      disabled={busy === member.id}
                      onChange={(event) => {
                        const role = event.target.value;
                        void run(member.id, async (instance) => {
                          await orgRequest(
                            instance,
                            'PATCH',
                            `/organizations/${organizationId}/memberships/${person.user_id}`,
                            {
                              role,
                            },
                          );
                        });
                      }}
                    >
                      {roleChoices.map((role) => (
                        <option key={role.key} value={role.key}>
                          {role.name}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span>{member.role_name ?? member.role}</span>
                  )}
                </td>
                {mayManage ? (
                  <td style={{ textAlign: 'right' }}>
                    {isSelf ? null : (
                      <button
                        type="button"
                        {...el('profileSectionItemButton')}
                        style={{ color: 'var(--latch-color-danger)' }}
                        aria-label={fmt(strings.removeMemberLabel, { name })}
                        aria-busy={busy === `remove:${member.id}`}
                        onClick={() =>
                          run(`remove:${member.id}`, async (instance) => {
                            await orgRequest(
                              instance,
                              'DELETE',
                              `/organizations/${organizationId}/memberships/${person.user_id}`,
                            );
                            await refreshResources(instance);
                          })
                        }
                      >
                        {strings.removeMember}
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pagination page={page} total={members.data?.total_count ?? 0} pageSize={PAGE_SIZE} onPage={setPage} />
    </ProfileSection>
  );
}
