'use client';
import type { User } from '@latch/js';
import { type ReactNode, useCallback } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { ShieldIcon, UserIcon } from '../primitives/icons.js';
import { navEntryId, withBuiltIns } from '../profile-layout/nav-entries.js';
import { ProfileCard } from '../profile-layout/profile-card.js';
import { type Routing, useStepRouter } from '../step-router.js';
import { UIRoot, useResolvedUI, useUI } from '../ui-context.js';
import { ActiveDevicesSection } from './active-devices-section.js';
import {
  collectProfilePages,
  type ProfileNavEntry,
  USER_PROFILE_PAGES,
  UserProfileLink,
  UserProfilePage,
} from './custom-pages.js';
import { DeleteAccountSection } from './delete-account-section.js';
import { EmailAddressesSection } from './email-addresses-section.js';
import { PasswordSection } from './password-section.js';
import { ProfileDetailsSection, UsernameSection } from './profile-details-section.js';

export { UserProfileLink, UserProfilePage };

/** Props of `<UserProfile/>` (Clerk's names). */
export interface UserProfileProps {
  routing?: Routing;
  /** The page's path with `routing="path"` (e.g. `/user-profile`); pages live under it. */
  path?: string;
  appearance?: Appearance;
  /** `<UserProfile.Page>` / `<UserProfile.Link>` elements. */
  children?: ReactNode;
  /** Internal: the page to open first (UserButton's `open`). */
  initialPage?: string;
  /** Internal: custom pages handed over by `<UserButton>`. */
  customPages?: ProfileNavEntry[];
}

/**
 * The account page: profile (names, username), email addresses (add, verify, set primary, remove),
 * password, active devices (revoke), delete account, and the app's own pages. Renders nothing when
 * signed out.
 *
 * @example
 * <UserProfile routing="path" path="/user-profile">
 *   <UserProfile.Page label="Terms" url="terms" labelIcon={<DocIcon />}><Terms /></UserProfile.Page>
 *   <UserProfile.Link label="Home" url="/" labelIcon={<HomeIcon />} />
 * </UserProfile>
 */
export function UserProfile(props: UserProfileProps) {
  const ui = useResolvedUI(props.appearance);
  const { resources } = useLatchContext();
  const user = resources?.session?.user ?? resources?.user ?? null;
  if (resources && !user) return null;
  return (
    <UIRoot ui={ui} elementKey="rootBox" extraClassName="latch-userProfile">
      <UserProfileCard {...props} user={user} />
    </UIRoot>
  );
}

UserProfile.Page = UserProfilePage;
UserProfile.Link = UserProfileLink;

function UserProfileCard({ user, ...props }: UserProfileProps & { user: User | null }) {
  const { l } = useUI();
  const { latch } = useLatchContext();
  const entries = withBuiltIns(
    [...(props.customPages ?? []), ...collectProfilePages(props.children)],
    USER_PROFILE_PAGES,
  );
  const ids = entries.map(navEntryId).filter((id): id is string => id !== null);
  const initial = props.initialPage && ids.includes(props.initialPage) ? props.initialPage : 'account';
  const accept = useCallback((candidate: string) => (ids.includes(candidate) ? candidate : null), [ids.join('|')]);
  const routing = props.routing ?? (props.path ? 'path' : 'virtual');
  const [page, goTo] = useStepRouter<string>(routing, props.path, initial, accept);
  const usernameEnabled = latch?.environment?.userSettings.attributes.username?.enabled === true;
  const deleteEnabled =
    user?.deleteSelfEnabled !== false && latch?.environment?.userSettings.actions?.delete_self !== false;

  return (
    <ProfileCard
      entries={entries}
      page={page}
      goTo={goTo}
      title={l.userProfile.title}
      subtitle={l.userProfile.subtitle}
      navLabel={l.userProfile.navbar__label}
      builtIn={{
        account: { label: l.userProfile.navbar__account, icon: <UserIcon /> },
        security: { label: l.userProfile.navbar__security, icon: <ShieldIcon /> },
      }}
      loading={!user}
    >
      {!user ? null : page === 'security' ? (
        <>
          <h2>{l.userProfile.securityPage.title}</h2>
          {latch?.environment?.userSettings.attributes.password?.enabled === false ? null : (
            <PasswordSection user={user} />
          )}
          <ActiveDevicesSection user={user} />
          {deleteEnabled ? <DeleteAccountSection user={user} /> : null}
        </>
      ) : (
        <>
          <h2>{l.userProfile.profilePage.title}</h2>
          <ProfileDetailsSection user={user} />
          {usernameEnabled ? <UsernameSection user={user} /> : null}
          <EmailAddressesSection user={user} />
        </>
      )}
    </ProfileCard>
  );
}
