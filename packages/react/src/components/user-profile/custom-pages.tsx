'use client';
import { Children, isValidElement, type ReactNode } from 'react';

export interface UserProfilePageProps {
  /** The navbar label, or `'account'` / `'security'` to place a built-in page among custom ones. */
  label: string;
  /** The page's path segment (`<path>/<url>` with path routing). */
  url?: string;
  labelIcon?: ReactNode;
  children?: ReactNode;
}

export interface UserProfileLinkProps {
  label: string;
  url: string;
  labelIcon?: ReactNode;
}

/** `<UserProfile.Page label url labelIcon>`: a custom page in the profile's navbar. Read by `<UserProfile>`. */
export function UserProfilePage(_props: UserProfilePageProps) {
  return null;
}

/** `<UserProfile.Link label url labelIcon>`: a navbar entry that leaves the profile for another URL. */
export function UserProfileLink(_props: UserProfileLinkProps) {
  return null;
}

export type ProfileNavEntry =
  | { kind: 'account' }
  | { kind: 'security' }
  | { kind: 'page'; id: string; label: string; icon: ReactNode; content: ReactNode }
  | { kind: 'link'; label: string; icon: ReactNode; url: string };

/**
 * The navbar entries in order: built-ins first unless the app placed them with `label="account"` /
 * `label="security"`, then custom pages and links. Looks through `<UserButton.MenuItems>`-style wrappers
 * too, so `<UserButton>` can pass its `<UserButton.UserProfilePage>` children straight on.
 */
export function collectProfilePages(children: ReactNode): ProfileNavEntry[] {
  const entries: ProfileNavEntry[] = [];
  for (const child of Children.toArray(children)) {
    if (!isValidElement(child)) continue;
    if (child.type === UserProfilePage) {
      const props = child.props as UserProfilePageProps;
      if (props.label === 'account') entries.push({ kind: 'account' });
      else if (props.label === 'security') entries.push({ kind: 'security' });
      else
        entries.push({
          kind: 'page',
          id: props.url ?? slug(props.label),
          label: props.label,
          icon: props.labelIcon,
          content: props.children,
        });
    } else if (child.type === UserProfileLink) {
      const props = child.props as UserProfileLinkProps;
      entries.push({ kind: 'link', label: props.label, icon: props.labelIcon, url: props.url });
    }
  }
  return entries;
}

/** Built-ins added where the app did not place them. */
export function withBuiltInPages(custom: ProfileNavEntry[]): ProfileNavEntry[] {
  const entries = [...custom];
  if (!entries.some((entry) => entry.kind === 'security')) entries.unshift({ kind: 'security' });
  if (!entries.some((entry) => entry.kind === 'account')) entries.unshift({ kind: 'account' });
  return entries;
}

function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
