'use client';
import { type ReactNode, useCallback, useId } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { GearIcon, UserIcon } from '../primitives/icons.js';
import { type Routing, useStepRouter } from '../step-router.js';
import { useResolvedUI, useUI } from '../ui-context.js';
import {
  collectOrganizationPages,
  type OrganizationNavEntry,
  OrganizationProfileLink,
  OrganizationProfilePage,
} from './custom-pages.js';
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

function pageId(entry: OrganizationNavEntry): string | null {
  if (entry.kind === 'general' || entry.kind === 'members') return entry.kind;
  if (entry.kind === 'page') return entry.id;
  return null;
}

function OrganizationProfileCard(props: OrganizationProfileProps) {
  const { el, l } = useUI();
  const { navigate } = useLatchContext();
  const titleId = useId();
  const strings = l.organization.profile;
  const mine = useMyOrganizations({ invitations: false, suggestions: false });
  const membership = mine.memberships.find((entry) => entry.organization.id === mine.activeOrganizationId) ?? null;
  const entries = collectOrganizationPages(props.children);
  const ids = entries.map(pageId).filter((id): id is string => id !== null);
  const accept = useCallback((candidate: string) => (ids.includes(candidate) ? candidate : null), [ids.join('|')]);
  const routing = props.routing ?? (props.path ? 'path' : 'virtual');
  const [page, goTo] = useStepRouter<string>(routing, props.path, 'general', accept);

  const labelOf = (entry: OrganizationNavEntry) =>
    entry.kind === 'general'
      ? strings.navbar__general
      : entry.kind === 'members'
        ? strings.navbar__members
        : entry.label;
  const iconOf = (entry: OrganizationNavEntry) =>
    entry.kind === 'general' ? <GearIcon /> : entry.kind === 'members' ? <UserIcon /> : entry.icon;
  const custom = entries.find((entry) => entry.kind === 'page' && entry.id === page);

  return (
    <div {...el('cardBox')}>
      <div {...el('card')}>
        <nav {...el('navbar')} aria-label={strings.navbarLabel}>
          <div>
            <h1 {...el('navbarTitle')} id={titleId}>
              {membership?.organization.name ?? strings.title}
            </h1>
            <p {...el('navbarSubtitle')}>{strings.subtitle}</p>
          </div>
          <ul {...el('navbarButtons')}>
            {entries.map((entry) => {
              const id = pageId(entry);
              const label = labelOf(entry);
              return (
                <li key={id ?? `link:${label}`}>
                  <button
                    type="button"
                    {...el('navbarButton', id ? `latch-navbarButton__${id}` : undefined)}
                    aria-current={id === page ? 'page' : undefined}
                    onClick={() => (entry.kind === 'link' ? navigate(entry.url) : id && goTo(id))}
                  >
                    <span {...el('navbarButtonIcon')} aria-hidden="true">
                      {iconOf(entry)}
                    </span>
                    {label}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <div {...el('pageScrollBox')}>
          <div {...el('page')} data-page={page}>
            {!membership ? (
              <div style={{ minHeight: '20rem' }} aria-busy="true" />
            ) : custom && custom.kind === 'page' ? (
              <>
                <h2>{custom.label}</h2>
                {custom.content}
              </>
            ) : page === 'members' ? (
              <MembersPage membership={membership} />
            ) : (
              <GeneralPage membership={membership} afterLeaveOrganizationUrl={props.afterLeaveOrganizationUrl} />
            )}
          </div>
        </div>
      </div>
    </div>
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
