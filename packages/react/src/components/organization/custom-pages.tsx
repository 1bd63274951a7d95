'use client';
import { Children, isValidElement, type ReactNode } from 'react';

export interface OrganizationProfilePageProps {
  /** The navbar label, or `'general'` / `'members'` to place a built-in page among custom ones. */
  label: string;
  /** The page's path segment (`<path>/<url>` with path routing). */
  url?: string;
  labelIcon?: ReactNode;
  children?: ReactNode;
}

export interface OrganizationProfileLinkProps {
  label: string;
  url: string;
  labelIcon?: ReactNode;
}

/** `<OrganizationProfile.Page label url labelIcon>`: a custom page in the navbar. Read by `<OrganizationProfile>`. */
export function OrganizationProfilePage(_props: OrganizationProfilePageProps) {
  return null;
}

/** `<OrganizationProfile.Link label url labelIcon>`: a navbar entry that leaves the profile for another URL. */
export function OrganizationProfileLink(_props: OrganizationProfileLinkProps) {
  return null;
}

export type OrganizationNavEntry =
  | { kind: 'general' }
  | { kind: 'members' }
  | { kind: 'page'; id: string; label: string; icon: ReactNode; content: ReactNode }
  | { kind: 'link'; label: string; icon: ReactNode; url: string };

/** The navbar entries in order: built-ins first unless placed with `label="general"` / `label="members"`. */
export function collectOrganizationPages(children: ReactNode): OrganizationNavEntry[] {
  const entries: OrganizationNavEntry[] = [];
  for (const child of Children.toArray(children)) {
    if (!isValidElement(child)) continue;
    if (child.type === OrganizationProfilePage) {
      const props = child.props as OrganizationProfilePageProps;
      if (props.label === 'general') entries.push({ kind: 'general' });
      else if (props.label === 'members') entries.push({ kind: 'members' });
      else
        entries.push({
          kind: 'page',
          id: props.url ?? slug(props.label),
          label: props.label,
          icon: props.labelIcon,
          content: props.children,
        });
    } else if (child.type === OrganizationProfileLink) {
      const props = child.props as OrganizationProfileLinkProps;
      entries.push({ kind: 'link', label: props.label, icon: props.labelIcon, url: props.url });
    }
  }
  if (!entries.some((entry) => entry.kind === 'members')) entries.unshift({ kind: 'members' });
  if (!entries.some((entry) => entry.kind === 'general')) entries.unshift({ kind: 'general' });
  return entries;
}

function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
