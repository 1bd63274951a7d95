'use client';
import type { User } from '@latch/js';
import { type ReactNode, useCallback, useId } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { ShieldIcon, UserIcon } from '../primitives/icons.js';
import { type Routing, useStepRouter } from '../step-router.js';
import { UIRoot, useResolvedUI, useUI } from '../ui-context.js';
import { ActiveDevicesSection } from './active-devices-section.js';
import {
  collectProfilePages,
  type ProfileNavEntry,
  UserProfileLink,
  UserProfilePage,
  withBuiltInPages,
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

function pageId(entry: ProfileNavEntry): string | null {
  if (entry.kind === 'account') return 'account';
  if (entry.kind === 'security') return 'security';
  if (entry.kind === 'page') return entry.id;
  return null;
}

function UserProfileCard({ user, ...props }: UserProfileProps & { user: User | null }) {
  const { el, l } = useUI();
  const { latch, navigate } = useLatchContext();
  const titleId = useId();
  const entries = withBuiltInPages([...(props.customPages ?? []), ...collectProfilePages(props.children)]);
  const ids = entries.map(pageId).filter((id): id is string => id !== null);
  const initial = props.initialPage && ids.includes(props.initialPage) ? props.initialPage : 'account';
  const accept = useCallback((candidate: string) => (ids.includes(candidate) ? candidate : null), [ids.join('|')]);
  const routing = props.routing ?? (props.path ? 'path' : 'virtual');
  const [page, goTo] = useStepRouter<string>(routing, props.path, initial, accept);
  const usernameEnabled = latch?.environment?.userSettings.attributes.username?.enabled === true;
  const deleteEnabled =
    user?.deleteSelfEnabled !== false && latch?.environment?.userSettings.actions?.delete_self !== false;

  const labelOf = (entry: ProfileNavEntry) =>
    entry.kind === 'account'
      ? l.userProfile.navbar__account
      : entry.kind === 'security'
        ? l.userProfile.navbar__security
        : entry.label;
  const iconOf = (entry: ProfileNavEntry) =>
    entry.kind === 'account' ? <UserIcon /> : entry.kind === 'security' ? <ShieldIcon /> : entry.icon;
  const custom = entries.find((entry) => entry.kind === 'page' && entry.id === page);

  return (
    <div {...el('cardBox')}>
      <div {...el('card')}>
        <nav {...el('navbar')} aria-label={l.userProfile.navbar__label}>
          <div>
            <h1 {...el('navbarTitle')} id={titleId}>
              {l.userProfile.title}
            </h1>
            <p {...el('navbarSubtitle')}>{l.userProfile.subtitle}</p>
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
            {!user ? (
              <div style={{ minHeight: '20rem' }} aria-busy="true" />
            ) : page === 'security' ? (
              <>
                <h2>{l.userProfile.securityPage.title}</h2>
                {latch?.environment?.userSettings.attributes.password?.enabled === false ? null : (
                  <PasswordSection user={user} />
                )}
                <ActiveDevicesSection user={user} />
                {deleteEnabled ? <DeleteAccountSection user={user} /> : null}
              </>
            ) : custom && custom.kind === 'page' ? (
              <>
                <h2>{custom.label}</h2>
                {custom.content}
              </>
            ) : (
              <>
                <h2>{l.userProfile.profilePage.title}</h2>
                <ProfileDetailsSection user={user} />
                {usernameEnabled ? <UsernameSection user={user} /> : null}
                <EmailAddressesSection user={user} />
              </>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
