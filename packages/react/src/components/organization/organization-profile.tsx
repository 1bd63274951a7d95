'use client';
import { type ReactNode, useCallback } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { GearIcon, UserIcon } from '../primitives/icons.js';
import { navEntryId } from '../profile-layout/nav-entries.js';
import { ProfileCard } from '../profile-layout/profile-card.js';
import { type Routing, useStepRouter } from '../step-router.js';
import { useResolvedUI, useUI } from '../ui-context.js';
import { collectOrganizationPages, OrganizationProfileLink, OrganizationProfilePage } from './custom-pages.js';
import { DangerSection } from './danger-section.js';
import { DomainsSection } from './domains-section.js';
import { InvitationsSection } from './invitations-section.js';
import { MembersSection } from './members-section.js';
import type { MembershipJSON } from './org-fapi.js';
import { OrgRoot } from './org-root.js';
import { OrganizationDetailsSection } from './organization-details-section.js';
import { useMyOrganizations } from './use-my-organizations.js';

export { OrganizationProfileLink, OrganizationProfilePage };

/** Props of `<OrganizationProfile/>` (Clerk's names). */
export interface OrganizationProfileProps {
  routing?: Routing;
  /** The page's path with `routing="path"` (e.g. `/org/acme/settings`); pages live under it. */
  path?: string;
  /** Where to go after leaving or deleting the organization. Default: stay (the personal account is active). */
  afterLeaveOrganizationUrl?: string;
  appearance?: Appearance;
  /** `<OrganizationProfile.Page>` / `<OrganizationProfile.Link>` elements. */
  children?: ReactNode;
}

/**
 * The active organization's settings: its profile (name, slug), verified domains, leave and delete
 * (General); members with role changes and removal, invitations by email with a role and their
 * revocation (Members); and the app's own pages. What a member may change follows their permissions
 * (`org:sys_profile:manage`, `org:sys_memberships:manage`, `org:sys_domains:manage`…). Renders nothing
 * when signed out or on the personal account.
 *
 * @example
 * <OrganizationProfile routing="path" path="/org/acme/settings">
 *   <OrganizationProfile.Page label="Billing" url="billing"><Billing /></OrganizationProfile.Page>
 * </OrganizationProfile>
 */
export function OrganizationProfile(props: OrganizationProfileProps) {
  const ui = useResolvedUI(props.appearance);
  const { resources } = useLatchContext();
  if (resources && (!resources.user || !resources.session?.lastActiveOrganizationId)) return null;
  return (
    <OrgRoot ui={ui} elementKey="rootBox" extraClassName="latch-organizationProfile">
      <OrganizationProfileCard {...props} />
    </OrgRoot>
  );
}

OrganizationProfile.Page = OrganizationProfilePage;
OrganizationProfile.Link = OrganizationProfileLink;

function OrganizationProfileCard(props: OrganizationProfileProps) {
  const { l } = useUI();
  const strings = l.organization.profile;
  const mine = useMyOrganizations({ invitations: false, suggestions: false });
  const membership = mine.memberships.find((entry) => entry.organization.id === mine.activeOrganizationId) ?? null;
  const entries = collectOrganizationPages(props.children);
  const ids = entries.map(navEntryId).filter((id): id is string => id !== null);
  const accept = useCallback((candidate: string) => (ids.includes(candidate) ? candidate : null), [ids.join('|')]);
  const routing = props.routing ?? (props.path ? 'path' : 'virtual');
  const [page, goTo] = useStepRouter<string>(routing, props.path, 'general', accept);

  return (
    <ProfileCard
      entries={entries}
      page={page}
      goTo={goTo}
      title={membership?.organization.name ?? strings.title}
      subtitle={strings.subtitle}
      navLabel={strings.navbarLabel}
      builtIn={{
        general: { label: strings.navbar__general, icon: <GearIcon /> },
        members: { label: strings.navbar__members, icon: <UserIcon /> },
      }}
      loading={!membership}
    >
      {!membership ? null : page === 'members' ? (
        <MembersPage membership={membership} />
      ) : (
        <GeneralPage membership={membership} afterLeaveOrganizationUrl={props.afterLeaveOrganizationUrl} />
      )}
    </ProfileCard>
  );
}

/** Whether the signed-in member holds a permission (system permissions included). */
export function can(membership: MembershipJSON, permission: string): boolean {
  return membership.permissions.includes(permission);
}

function GeneralPage({
  membership,
  afterLeaveOrganizationUrl,
}: {
  membership: MembershipJSON;
  afterLeaveOrganizationUrl: string | undefined;
}) {
  const { l } = useUI();
  return (
    <>
      <h2>{l.organization.profile.generalPage.title}</h2>
      <OrganizationDetailsSection membership={membership} />
      {can(membership, 'org:sys_domains:read') || can(membership, 'org:sys_domains:manage') ? (
        <DomainsSection membership={membership} />
      ) : null}
      <DangerSection membership={membership} afterLeaveOrganizationUrl={afterLeaveOrganizationUrl} />
    </>
  );
}

function MembersPage({ membership }: { membership: MembershipJSON }) {
  const { l } = useUI();
  return (
    <>
      <h2>{l.organization.profile.membersPage.title}</h2>
      <MembersSection membership={membership} />
      {can(membership, 'org:sys_memberships:manage') ? <InvitationsSection membership={membership} /> : null}
    </>
  );
}
