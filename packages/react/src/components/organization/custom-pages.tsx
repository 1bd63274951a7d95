'use client';
import type { ReactNode } from 'react';
import {
  collectNavEntries,
  type NavEntry,
  type NavVocabulary,
  type ProfileLinkProps,
  type ProfilePageProps,
  withBuiltIns,
} from '../profile-layout/nav-entries.js';

/** `<OrganizationProfile.Page>`'s props; `label="general"` / `"members"` places a built-in page. */
export type OrganizationProfilePageProps = ProfilePageProps;
export type OrganizationProfileLinkProps = ProfileLinkProps;

/** `<OrganizationProfile.Page label url labelIcon>`: a custom page in the navbar. Read by `<OrganizationProfile>`. */
export function OrganizationProfilePage(_props: OrganizationProfilePageProps) {
  return null;
}

/** `<OrganizationProfile.Link label url labelIcon>`: a navbar entry that leaves the profile for another URL. */
export function OrganizationProfileLink(_props: OrganizationProfileLinkProps) {
  return null;
}

export const ORGANIZATION_PROFILE_PAGES = ['general', 'members'] as const;
export type OrganizationNavEntry = NavEntry<(typeof ORGANIZATION_PROFILE_PAGES)[number]>;

const VOCABULARY: NavVocabulary<(typeof ORGANIZATION_PROFILE_PAGES)[number]> = {
  page: OrganizationProfilePage,
  link: OrganizationProfileLink,
  builtIns: ORGANIZATION_PROFILE_PAGES,
};

/** The navbar entries in order: built-ins first unless placed with `label="general"` / `label="members"`. */
export function collectOrganizationPages(children: ReactNode): OrganizationNavEntry[] {
  return withBuiltIns(collectNavEntries(children, VOCABULARY), ORGANIZATION_PROFILE_PAGES);
}
