'use client';
import type { User } from '@latch/js';
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { Avatar } from '../primitives/avatar.js';
import { GearIcon, PlusIcon, SignOutIcon, SwitchIcon } from '../primitives/icons.js';
import { Modal } from '../primitives/modal.js';
import { UIRoot, useResolvedUI, useUI } from '../ui-context.js';
import { collectProfilePages } from '../user-profile/custom-pages.js';
import { UserProfile, UserProfileLink, UserProfilePage } from '../user-profile/user-profile.js';
import { collectMenuItems, MenuAction, type MenuItem, MenuItems, MenuLink } from './menu-items.js';
import { UserPreview } from './user-preview.js';

/** Props of `<UserButton/>` (Clerk's names). */
export interface UserButtonProps {
  afterSignOutUrl?: string;
  /** Show the user's name next to the avatar. */
  showName?: boolean;
  /** `modal` (default) opens `<UserProfile/>` over the page; `navigation` goes to `userProfileUrl`. */
  userProfileMode?: 'modal' | 'navigation';
  userProfileUrl?: string;
  /** Where "Add account" goes (multi-session instances); default: the provider's `signInUrl`. */
  signInUrl?: string;
  defaultOpen?: boolean;
  appearance?: Appearance;
  userProfileProps?: { appearance?: Appearance };
  children?: ReactNode;
}

/**
 * The signed-in user's avatar; a click opens a menu: manage account, custom items, sign out, and —
 * when the instance allows several sessions — switching and adding accounts. Renders nothing when
 * signed out.
 *
 * @example
 * <UserButton afterSignOutUrl="/">
 *   <UserButton.MenuItems>
 *     <UserButton.Link label="Billing" labelIcon={<CardIcon />} href="/billing" />
 *     <UserButton.Action label="signOut" />
 *   </UserButton.MenuItems>
 * </UserButton>
 */
export function UserButton(props: UserButtonProps) {
  const ui = useResolvedUI(props.appearance);
  const { resources } = useLatchContext();
  const user = resources?.session?.user ?? resources?.user ?? null;
  if (!user) {
    // Keeps the avatar's footprint while loading, so a header does not shift when it appears.
    return resources ? null : (
      <span
        className="latch-userButtonBox"
        style={{ display: 'inline-block', width: '2rem', height: '2rem' }}
        aria-hidden="true"
      />
    );
  }
  return (
    <UIRoot ui={ui} elementKey="userButtonBox">
      <UserButtonMenu {...props} user={user} />
    </UIRoot>
  );
}

UserButton.MenuItems = MenuItems;
UserButton.Link = MenuLink;
UserButton.Action = MenuAction;
UserButton.UserProfilePage = UserProfilePage;
UserButton.UserProfileLink = UserProfileLink;

function UserButtonMenu({ user, ...props }: UserButtonProps & { user: User }) {
  const { el, l, fmt } = useUI();
  const { latch, resources, options, navigate, signOut } = useLatchContext();
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  const [profileOpen, setProfileOpen] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const profileTitleId = useId();
  const items = collectMenuItems(props.children);
  const customPages = collectProfilePages(props.children);
  const name = user.fullName ?? user.username ?? user.primaryEmailAddress?.emailAddress ?? '';
  const email = user.primaryEmailAddress?.emailAddress ?? null;
  const multiSession = latch?.environment ? !latch.environment.isSingleSession() : false;
  const otherSessions = (resources?.client?.activeSessions ?? []).filter(
    (session) => session.id !== resources?.session?.id,
  );

  const close = useCallback((focusTrigger: boolean) => {
    setOpen(false);
    if (focusTrigger) trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    popover.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!popover.current?.contains(target) && !trigger.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = Array.from(popover.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      entries[(to + entries.length) % entries.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(entries.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  const manageAccount = () => {
    close(false);
    if (props.userProfileMode === 'navigation') return navigate(props.userProfileUrl ?? '/user');
    setProfileOpen('account');
  };
  const signOutHere = () => {
    close(false);
    const redirectUrl = props.afterSignOutUrl ?? options.afterSignOutUrl;
    const sessionId = resources?.session?.id;
    if (multiSession && otherSessions.length > 0 && sessionId)
      void signOut({ sessionId, ...(redirectUrl ? { redirectUrl } : {}) });
    else void signOut(redirectUrl ? { redirectUrl } : {});
  };

  const renderItem = (item: MenuItem, index: number) => {
    const common = { role: 'menuitem', tabIndex: -1 } as const;
    if (item.kind === 'manageAccount') {
      return (
        <button
          key="manageAccount"
          type="button"
          {...common}
          {...el('userButtonPopoverActionButton', 'latch-userButtonPopoverActionButton__manageAccount')}
          onClick={manageAccount}
        >
          <span {...el('userButtonPopoverActionButtonIcon')}>
            <GearIcon />
          </span>
          <span {...el('userButtonPopoverActionButtonText')}>{l.userButton.action__manageAccount}</span>
        </button>
      );
    }
    if (item.kind === 'signOut') {
      return (
        <button
          key="signOut"
          type="button"
          {...common}
          {...el('userButtonPopoverActionButton', 'latch-userButtonPopoverActionButton__signOut')}
          onClick={signOutHere}
        >
          <span {...el('userButtonPopoverActionButtonIcon')}>
            <SignOutIcon />
          </span>
          <span {...el('userButtonPopoverActionButtonText')}>{l.userButton.action__signOut}</span>
        </button>
      );
    }
    const content = (
      <>
        <span {...el('userButtonPopoverActionButtonIcon')}>{item.icon}</span>
        <span {...el('userButtonPopoverActionButtonText')}>{item.label}</span>
      </>
    );
    const classes = el('userButtonPopoverActionButton', 'latch-userButtonPopoverCustomItemButton');
    if (item.kind === 'link') {
      return (
        <a key={`link:${index}`} {...common} {...classes} href={item.href} onClick={() => close(false)}>
          {content}
        </a>
      );
    }
    return (
      <button
        key={`action:${index}`}
        type="button"
        {...common}
        {...classes}
        onClick={() => {
          close(false);
          if (item.open) setProfileOpen(item.open);
          else item.onClick?.();
        }}
      >
        {content}
      </button>
    );
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        {...el('userButtonTrigger')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((shown) => !shown)}
      >
        {/* The name comes from hidden text, not aria-label: the visible initials are decorative, and an
            aria-label that does not contain them fails WCAG 2.5.3 "label in name" (axe: serious). */}
        <span className="latch-visuallyHidden">{`${l.userButton.triggerLabel}: ${name}`}</span>
        <Avatar person={{ ...user, identifier: email }} boxKey="userButtonAvatarBox" />
        {props.showName ? (
          <span style={{ marginLeft: '0.5rem', alignSelf: 'center' }} aria-hidden="true">
            {name}
          </span>
        ) : null}
      </button>
      {open ? (
        <div ref={popover} {...el('userButtonPopoverCard')}>
          <div {...el('userButtonPopoverMain')}>
            <UserPreview person={{ ...user, identifier: email }} main={name} secondary={email} />
          </div>
          <div id={menuId} role="menu" aria-label={name} {...el('userButtonPopoverActions')} onKeyDown={onMenuKey}>
            {items.map(renderItem)}
            {multiSession
              ? otherSessions.map((session) => {
                  const other = session.user;
                  const label = other?.primaryEmailAddress?.emailAddress ?? other?.fullName ?? session.id;
                  return (
                    <button
                      key={session.id}
                      type="button"
                      role="menuitem"
                      tabIndex={-1}
                      {...el('userButtonPopoverActionButton', 'latch-userButtonPopoverActionButton__switchAccount')}
                      onClick={() => {
                        close(false);
                        void latch?.setActive({ session: session.id });
                      }}
                    >
                      <span {...el('userButtonPopoverActionButtonIcon')}>
                        <SwitchIcon />
                      </span>
                      <span {...el('userButtonPopoverActionButtonText')}>
                        {fmt(l.userButton.action__switchAccount, { identifier: label })}
                      </span>
                    </button>
                  );
                })
              : null}
            {multiSession ? (
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                {...el('userButtonPopoverActionButton', 'latch-userButtonPopoverActionButton__addAccount')}
                onClick={() => {
                  close(false);
                  navigate(props.signInUrl ?? options.signInUrl ?? '/sign-in');
                }}
              >
                <span {...el('userButtonPopoverActionButtonIcon')}>
                  <PlusIcon />
                </span>
                <span {...el('userButtonPopoverActionButtonText')}>{l.userButton.action__addAccount}</span>
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      {profileOpen ? (
        <Modal labelledBy={profileTitleId} wide onClose={() => setProfileOpen(null)}>
          <span id={profileTitleId} className="latch-visuallyHidden">
            {l.userProfile.title}
          </span>
          <UserProfile
            routing="virtual"
            initialPage={profileOpen}
            customPages={customPages}
            {...(props.userProfileProps?.appearance ? { appearance: props.userProfileProps.appearance } : {})}
          />
        </Modal>
      ) : null}
    </>
  );
}
